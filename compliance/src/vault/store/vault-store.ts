import type { Envelope } from '../envelope/envelope';

/** Where a bank keeps envelopes, addressed by the SHA-256 of their bytes. */
export interface VaultStore {
  /** Stores the envelope; returns its content hash. Idempotent. */
  put(envelope: Envelope): Promise<string>;
  /** The envelope under `contentHash`; `VAULT_ENVELOPE_NOT_FOUND` or `VAULT_ENVELOPE_CORRUPT` otherwise. */
  get(contentHash: string): Promise<Envelope>;
}
