import { request as httpsRequest } from 'node:https';
import { isTrestleErrorCode } from '../../../errors/error-code';
import { TrestleError } from '../../../errors/trestle-error';
import type { JsonObject } from '../../../json/json-value';
import type { DecryptionShare } from '../../envelope/decryption-share';
import type { DecryptionShareRequest } from '../decryption-share-request';
import type { DecryptionShareSource } from '../share-service';
import { parseDecryptionShareAnswer } from './decryption-share-answer';
import { DECRYPTION_SHARE_PATH } from './share-service-server';

/** How long one share service may take, the ledger's check and record included. */
export const DEFAULT_SHARE_TIMEOUT_MS = 15_000;

/** One bank's share service as this bank's vault client reaches it. */
export type HttpShareSourceOptions = {
  /** `https://host:port` of the service. */
  readonly url: string;
  /** This bank's vault client certificate and key, and the CAs that issue the services' certificates. */
  readonly tls: { readonly key: string; readonly cert: string; readonly ca: readonly string[] };
  readonly timeoutMs?: number;
};

/**
 * A share service over HTTPS with mutual TLS, for `ConsortiumVault`. The service's refusals come
 * back as the TrestleErrors they were; a service that cannot be reached or answers nonsense is
 * VAULT_SHARE_SERVICE_UNAVAILABLE, so the vault counts it as one share fewer.
 */
export class HttpShareSource implements DecryptionShareSource {
  readonly #options: HttpShareSourceOptions;

  constructor(options: HttpShareSourceOptions) {
    this.#options = options;
  }

  /** @inheritdoc */
  async signDecryptionShare(request: DecryptionShareRequest): Promise<DecryptionShare> {
    let answer: { status: number; body: unknown };
    try {
      answer = await this.#post(JSON.stringify(request));
    } catch (cause) {
      throw unavailable(this.#options.url, cause);
    }
    if (answer.status === 200) return parseDecryptionShareAnswer(answer.body);
    throw refusalOf(answer.body) ?? unavailable(this.#options.url, new Error(`HTTP ${answer.status} without a Trestle error`));
  }

  #post(body: string): Promise<{ status: number; body: unknown }> {
    const { url, tls, timeoutMs = DEFAULT_SHARE_TIMEOUT_MS } = this.#options;
    return new Promise((resolve, reject) => {
      const outgoing = httpsRequest(
        new URL(DECRYPTION_SHARE_PATH, url),
        { method: 'POST', key: tls.key, cert: tls.cert, ca: [...tls.ca], agent: false, minVersion: 'TLSv1.3', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            try {
              resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

// `{ error: { code, message, details? } }` with a known code, as the server sends it.
function refusalOf(body: unknown): TrestleError | undefined {
  const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, details } = error as Record<string, unknown>;
  if (!isTrestleErrorCode(code) || typeof message !== 'string') return undefined;
  const isObject = typeof details === 'object' && details !== null && !Array.isArray(details);
  return new TrestleError(code, message, isObject ? { details: details as JsonObject } : {});
}

function unavailable(url: string, cause: unknown): TrestleError {
  return new TrestleError('VAULT_SHARE_SERVICE_UNAVAILABLE', 'A bank share service did not answer; the file opens if enough others do.', { details: { url }, cause });
}
