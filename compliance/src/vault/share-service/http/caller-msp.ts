import { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { TrestleError } from '../../../errors/trestle-error';

/** One org whose clients a share service accepts: the CA that issues its vault clients' certificates. */
export type ClientAuthority = {
  readonly mspId: string;
  /** PEM of the CA certificate. */
  readonly ca: string;
};

/** The authorities parsed once, when the server starts. */
export type ParsedAuthority = { readonly mspId: string; readonly certificate: X509Certificate };

/** Parses the configured authorities; two orgs may not share a CA, or a caller's org would be ambiguous. */
export function parseAuthorities(authorities: readonly ClientAuthority[]): ParsedAuthority[] {
  const parsed = authorities.map(({ mspId, ca }) => ({ mspId, certificate: new X509Certificate(ca) }));
  const fingerprints = new Set(parsed.map(({ certificate }) => certificate.fingerprint256));
  if (fingerprints.size !== parsed.length) throw new RangeError('Each org needs its own client CA: two authorities have the same certificate.');
  return parsed;
}

/**
 * The MSP id of the org whose CA issued the caller's TLS client certificate. The TLS layer has
 * already verified the chain against these CAs; this names the one that signed the leaf, so the
 * org comes from the certificate chain and never from anything the caller sends.
 */
export function callerMspOf(socket: TLSSocket, authorities: readonly ParsedAuthority[]): string {
  const peer = socket.getPeerCertificate();
  if (!socket.authorized || peer === null || peer.raw === undefined) throw unauthenticated();
  const leaf = new X509Certificate(peer.raw);
  const issuers = authorities.filter(({ certificate }) => leaf.checkIssued(certificate) && leaf.verify(certificate.publicKey));
  if (issuers.length !== 1 || issuers[0] === undefined) throw unauthenticated();
  return issuers[0].mspId;
}

function unauthenticated(): TrestleError {
  return new TrestleError('VAULT_CALLER_NOT_AUTHENTICATED', 'This share service answers only bank vault clients with a client certificate of a consortium org; connect with one.');
}
