import type { JsonValue } from '../../json/json-value';
import type { Requester } from '../../vault/access/access-gate';
import type { OfficerAccount } from '../accounts/officer-account';
import type { OfficerContractName } from '../ledger/ledger-contract';

/** A query on the ledger as the person asking (their own identity signs it): what the handlers' calls evaluate. */
export type LedgerReader = (contract: OfficerContractName, name: string, ...args: string[]) => Promise<JsonValue>;

/**
 * The evidence vault as one bank's officer service uses it; optional in the service's options (the
 * route answers OFFICER_VAULT_NOT_CONFIGURED without it). `serve` builds it from the environment
 * (`officerVaultFromEnv`): a `ConsortiumVault` whose share sources are `HttpShareSource`s with
 * this bank's vault client certificate, each share service checking and recording the access on
 * the ledger for `requesterOf`.
 */
export type OfficerVault = {
  /** Opens the envelope stored under `contentHash` for `requester` (the vault's own typed errors pass through). */
  open(contentHash: string, requester: Requester): Promise<Uint8Array>;
  /**
   * The content hash of an investor's file, or undefined when none is registered. `serve`'s vault
   * asks the ledger (EvidenceContract.GetEvidence) through `read`, as the person asking, so only
   * officers of the investor's bank and the regulator learn it. The envelope's conditions, not
   * this lookup, decide at the share services who may open the file.
   */
  locate(investorId: string, fileId: string, read: LedgerReader): Promise<string | undefined>;
  /** The ledger identity the bank vouches for when this account asks (its wallet identity's id). */
  requesterOf(account: OfficerAccount): Requester | Promise<Requester>;
};
