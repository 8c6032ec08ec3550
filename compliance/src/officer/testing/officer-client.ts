import { request as httpRequest } from 'node:http';
import { PASSWORD } from './officer-cast';

/** An answer, its body parsed as JSON when it is JSON. */
export type Answer = { readonly status: number; readonly body: unknown; readonly text: string; readonly headers: Headers };

/** What a test sends beyond method and path. */
export type SendOptions = {
  /** A JSON value to send, or raw text with `contentType`. */
  readonly json?: unknown;
  readonly raw?: string | Uint8Array;
  readonly contentType?: string;
  /** false: leave out X-CSRF-Token; a string: send that instead of the session's. */
  readonly csrf?: boolean | string;
  readonly headers?: Readonly<Record<string, string>>;
};

/** A browser stand-in over fetch: keeps the session cookie and CSRF token, as the console will. */
export class OfficerClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Logs in; on success keeps the cookie and token. */
  async login(username: string, password = PASSWORD): Promise<Answer> {
    const answer = await this.send('POST', '/api/v1/session', { json: { username, password } });
    const setCookie = answer.headers.getSetCookie()[0];
    if (answer.status === 200 && setCookie !== undefined) {
      this.cookie = setCookie.split(';')[0];
      this.csrfToken = (answer.body as { csrfToken: string }).csrfToken;
    }
    return answer;
  }

  /** One request; the cookie always, the CSRF token unless `options.csrf` says otherwise. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie !== undefined) headers.cookie = this.cookie;
    const csrf = options.csrf ?? true;
    if (csrf !== false && (typeof csrf === 'string' || this.csrfToken !== undefined)) headers['x-csrf-token'] = typeof csrf === 'string' ? csrf : (this.csrfToken ?? '');
    let body: string | Uint8Array | undefined = options.raw;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    // fetch refuses a GET with a body; a hostile client would not, so those go out over node:http.
    const response = body !== undefined && method === 'GET' ? await rawRequest(`${this.baseUrl}${path}`, method, headers, body) : await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').startsWith('application/json')) parsed = JSON.parse(text) as unknown;
    return { status: response.status, body: parsed, text, headers: response.headers };
  }
}

function rawRequest(url: string, method: string, headers: Record<string, string>, body: string | Uint8Array): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') responseHeaders.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 0, headers: responseHeaders }));
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
