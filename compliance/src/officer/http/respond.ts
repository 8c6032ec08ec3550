import type { ServerResponse } from 'node:http';
import type { JsonObject, JsonValue } from '../../json/json-value';
import type { TrestleError } from '../../errors/trestle-error';
import { httpStatusOf } from './error-status';

/** What a handler answers: JSON, CSV, or nothing (204); with extra headers such as Set-Cookie. */
export type Reply =
  | { readonly kind: 'json'; readonly status?: number; readonly body: JsonValue; readonly headers?: Readonly<Record<string, string | readonly string[]>> }
  | { readonly kind: 'csv'; readonly text: string; readonly filename: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'empty'; readonly headers?: Readonly<Record<string, string | readonly string[]>> };

// Every answer: never cached (it holds personal and ledger data), never sniffed, framed or
// referred, and no script or style may load from a JSON or CSV body.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function writeHead(res: ServerResponse, status: number, headers: Readonly<Record<string, string | readonly string[]>>): void {
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...headers })) res.setHeader(name, typeof value === 'string' ? value : [...value]);
  res.statusCode = status;
}

/** Sends `reply`. */
export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'empty') {
    writeHead(res, 204, reply.headers ?? {});
    res.end();
  } else if (reply.kind === 'csv') {
    writeHead(res, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${reply.filename}"`, ...reply.headers });
    res.end(reply.text);
  } else {
    writeHead(res, reply.status ?? 200, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }
}

/** The error body every refusal carries: `{code, message, details}`. */
export function errorBody(error: TrestleError): JsonObject {
  return { code: error.code, message: error.sentence, details: error.details ?? {} };
}

/** Sends `error` with its HTTP status (or `status`, for a 405) and any extra headers (Allow, Retry-After). */
export function sendError(res: ServerResponse, error: TrestleError, headers: Readonly<Record<string, string>> = {}, status = httpStatusOf(error.code)): void {
  writeHead(res, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(errorBody(error)));
}
