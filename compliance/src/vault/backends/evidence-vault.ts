import type { Requester } from '../access/access-gate';
import type { AccessConditions } from '../conditions/access-conditions';
import type { Envelope } from '../envelope/envelope';

/** A sealed file: the content hash that goes on the ledger and the envelope stored under it. */
export type SealedFile = {
  readonly contentHash: string;
  readonly envelope: Envelope;
};

/**
 * The evidence vault as the console and the officer service use it, whichever backend holds the
 * key: the consortium's bank share services (default, offline) or a Lit network.
 */
export interface EvidenceVault {
  /** Encrypts `file` on this machine so only requesters meeting `conditions` can open it, and stores it. */
  seal(file: Uint8Array, conditions: AccessConditions): Promise<SealedFile>;
  /** The plaintext of the file stored under `contentHash`, if the backend lets `requester` open it. */
  open(contentHash: string, requester: Requester): Promise<Uint8Array>;
}
