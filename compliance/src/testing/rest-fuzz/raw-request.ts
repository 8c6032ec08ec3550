import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { FuzzRequest } from './spec-requests';

/** What came back: status, headers and the whole body. */
export type RawResponse = { readonly status: number; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: Buffer };

/**
 * Sends `request` to `origin` over a connection of its own (so one case cannot poison the next)
 * with the target exactly as given, which `fetch` would normalise. Rejects when no complete
 * response arrives within `timeoutMs` or the connection drops: both are failures of the server.
 */
export function sendRaw(origin: string, request: FuzzRequest, timeoutMs: number): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = String(request.body.length);
    const outgoing = httpRequest({ host: hostname, port, method: request.method, path: request.target, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: decoded(Buffer.concat(chunks), response.headers['content-encoding']) });
        } catch (error) {
          reject(new Error(`the body does not decode as its Content-Encoding says: ${(error as Error).message}`));
        }
      });
      response.on('error', reject);
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no response within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body));
  });
}

/** The body parsed as a JSON object, or undefined when it is not one (not JSON, an array, a scalar). */
export function jsonObjectOf(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// The server compresses when the request's Accept-Encoding allows it (Cactus installs compression).
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (body.length === 0) return body;
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  return body;
}
