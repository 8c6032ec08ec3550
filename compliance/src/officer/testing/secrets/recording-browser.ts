import { OfficerClient, type Answer, type SendOptions } from '../officer-client';
import type { RecordedAnswer } from './officer-run-secrets';

// TEST-ONLY: the browser side of the secrets run. Keeps every answer the officer services gave,
// every session cookie and CSRF token they handed out, and prints one line per request (method,
// path, status, error code) as a browser's network panel would show it: never a body.

/** Every browser of the run, and what they received. */
export class RecordingBrowsers {
  readonly answers: RecordedAnswer[] = [];
  readonly sessionCookies = new Set<string>();
  readonly csrfTokens = new Set<string>();

  /** A browser of `who` on the officer service `service` at `baseUrl`. */
  open(service: string, baseUrl: string, who: string): RecordingBrowser {
    return new RecordingBrowser(this, service, new OfficerClient(baseUrl), who);
  }

  /** Records an answer and what secrets it handed out; prints its summary line. */
  record(answer: Answer, fields: Omit<RecordedAnswer, 'status' | 'text'>): Answer {
    for (const setCookie of answer.headers.getSetCookie()) {
      const value = setCookie.split(';')[0]?.split('=').slice(1).join('=') ?? '';
      if (value !== '') this.sessionCookies.add(value);
    }
    const body = answer.body as { csrfToken?: unknown; code?: unknown } | undefined;
    if (typeof body === 'object' && body !== null && typeof body.csrfToken === 'string') this.csrfTokens.add(body.csrfToken);
    this.answers.push({ ...fields, status: answer.status, text: answer.text });
    const code = typeof body === 'object' && body !== null && typeof body.code === 'string' ? ` ${body.code}` : '';
    console.log(`[browser] ${fields.who}@${fields.service} ${fields.method} ${fields.path} → ${answer.status}${code}`);
    return answer;
  }
}

/** One person's browser on one officer service. */
export class RecordingBrowser {
  constructor(
    private readonly browsers: RecordingBrowsers,
    private readonly service: string,
    readonly client: OfficerClient,
    private readonly who: string,
  ) {}

  /** POST /api/v1/session with these credentials; on success the browser keeps the cookie and token. */
  async login(username: string, password: string): Promise<Answer> {
    return this.browsers.record(await this.client.login(username, password), this.#fields('POST', '/api/v1/session', false));
  }

  /** One request with the browser's cookie (and CSRF token unless `options.csrf` says otherwise). */
  async send(method: string, path: string, options: SendOptions = {}, carriesPersonalData = false): Promise<Answer> {
    return this.browsers.record(await this.client.send(method, path, options), this.#fields(method, path, carriesPersonalData));
  }

  #fields(method: string, path: string, carriesPersonalData: boolean): Omit<RecordedAnswer, 'status' | 'text'> {
    return { service: this.service, who: this.who, method, path, carriesPersonalData };
  }
}
