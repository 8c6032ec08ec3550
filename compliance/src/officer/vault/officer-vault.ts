import type { Requester } from '../../vault/access/access-gate';
import type { OfficerAccount } from '../accounts/officer-account';

/**
 * The evidence vault as one bank's officer service uses it; optional in the service's options (the
 * route answers OFFICER_VAULT_NOT_CONFIGURED without it). In production `open` is a
 * `ConsortiumVault` whose share sources are `HttpShareSource`s with this bank's vault client
 * certificate: each share service checks and records the access on the ledger for `requesterOf`.
 */
export type OfficerVault = {
  /** Opens the envelope stored under `contentHash` for `requester` (the vault's own typed errors pass through). */
  open(contentHash: string, requester: Requester): Promise<Uint8Array>;
  /**
   * The content hash of an investor's file, or undefined. This is the bank's index of its own store;
   * the envelope's conditions, not this index, decide who may open the file.
   */
  locate(investorId: string, fileId: string): Promise<string | undefined>;
  /** The ledger identity the bank vouches for when this account asks (its wallet identity's id). */
  requesterOf(account: OfficerAccount): Requester;
};
