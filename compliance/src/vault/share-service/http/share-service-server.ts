import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { isTrestleError, TrestleError } from '../../../errors/trestle-error';
import { parseDecryptionShareRequest } from '../decryption-share-request';
import type { DecryptionShareSource } from '../share-service';
import { callerMspOf, parseAuthorities, type ClientAuthority, type ParsedAuthority } from './caller-msp';
import { readShareRequest } from './read-share-request';
import { shareErrorStatus } from './share-error-status';

/** The one route: POST a `DecryptionShareRequest`, get `{ share }` or `{ error }`. */
export const DECRYPTION_SHARE_PATH = '/v1/decryption-shares';

/** Where the service listens: loopback only; a bank puts its own TLS-passing proxy or tunnel in front. */
export const SHARE_SERVICE_HOST = '127.0.0.1';

/** The service's TLS identity and the orgs whose vault clients it answers. */
export type ShareServerTls = {
  readonly key: string;
  readonly cert: string;
  readonly clients: readonly ClientAuthority[];
};

export type ShareServiceServerOptions = {
  readonly service: DecryptionShareSource;
  readonly tls: ShareServerTls;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Where failures that are not refusals go; never given a request body or a share. */
  readonly log?: (line: string) => void;
};

/** A listening share service. */
export type RunningShareServer = {
  readonly url: string;
  close(): Promise<void>;
};

/**
 * Serves one bank's share service over HTTPS with mutual TLS on 127.0.0.1. The calling org is the
 * one whose CA issued the client certificate, and a requester must belong to it: a bank vouches
 * only for its own people (the regulator's org for the regulator's), and the ledger gate checks
 * their role and records the attempt before any share leaves.
 */
export async function startShareServiceServer(options: ShareServiceServerOptions): Promise<RunningShareServer> {
  const authorities = parseAuthorities(options.tls.clients);
  const log = options.log ?? (() => undefined);
  const server = createServer(
    { key: options.tls.key, cert: options.tls.cert, ca: options.tls.clients.map(({ ca }) => ca), requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' },
    (req, res) => void answer(req, res, options.service, authorities, log),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, SHARE_SERVICE_HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${SHARE_SERVICE_HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, service: DecryptionShareSource, authorities: readonly ParsedAuthority[], log: (line: string) => void): Promise<void> {
  try {
    const callerMsp = callerMspOf(req.socket as TLSSocket, authorities);
    if (req.method !== 'POST' || req.url !== DECRYPTION_SHARE_PATH) {
      req.resume();
      throw new TrestleError('VAULT_ROUTE_UNKNOWN', `This share service has one route, POST ${DECRYPTION_SHARE_PATH}; send the request there.`);
    }
    const request = parseDecryptionShareRequest(await readShareRequest(req));
    if (request.requester.mspId !== callerMsp) {
      throw new TrestleError('VAULT_CALLER_MISMATCH', "A vault client may ask only for requesters of its own org; send the request through the requester's own bank.", {
        details: { callerMsp, requesterMsp: request.requester.mspId },
      });
    }
    const share = await service.signDecryptionShare(request);
    send(res, 200, { share });
  } catch (error) {
    if (isTrestleError(error)) {
      // The sentence and details only: a cause may hold a ledger's internal message.
      send(res, shareErrorStatus(error.code), { error: { code: error.code, message: error.sentence, ...(error.details === undefined ? {} : { details: error.details }) } });
      return;
    }
    log(`share service failure: ${error instanceof Error ? error.name : 'unknown'}`);
    send(res, 500, { error: { code: 'VAULT_SHARE_SERVICE_UNAVAILABLE', message: 'The share service failed; try again, and tell its operator if it keeps failing.' } });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
