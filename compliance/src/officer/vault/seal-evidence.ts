import { TrestleError, isTrestleError } from '../../errors/trestle-error';
import { parseEvidenceFileEntry, parseEvidenceFileRecord, type EvidenceFileEntry, type EvidenceFileRecord, type EvidenceKind } from '../../ledger/evidence-file';
import { parseInvestorRecord } from '../../ledger/investor';
import type { AccessConditions } from '../../vault/conditions/access-conditions';
import { sealEnvelope } from '../../vault/envelope/seal-envelope';
import type { ConsortiumPublicKey } from '../../vault/keys/consortium-public-key';
import { sha256Hex } from '../../vault/sha256';
import type { VaultStore } from '../../vault/store/vault-store';
import type { JsonValue } from '../../json/json-value';
import type { OfficerContractName } from '../ledger/ledger-contract';

/** The ledger as the sealing officer: queries, and submissions that answer with the chaincode's JSON. */
export type SealingLedger = {
  evaluate(contract: OfficerContractName, name: string, ...args: string[]): Promise<JsonValue>;
  submit(contract: OfficerContractName, name: string, ...args: string[]): Promise<JsonValue>;
};

/** One file to seal for an investor, and where it goes. */
export type SealEvidenceOptions = {
  readonly file: Uint8Array;
  readonly investorId: string;
  readonly fileId: string;
  readonly kind: EvidenceKind;
  readonly key: ConsortiumPublicKey;
  readonly store: VaultStore;
  readonly ledger: SealingLedger;
};

/** Who may open every sealed evidence file: officers of the investor's bank, and the regulator. */
export const EVIDENCE_ROLES = ['compliance-officer', 'regulator'] as const;

/**
 * Seals a file for an investor and registers it, as a compliance officer of the investor's bank:
 * checks the entry, the investor's bank and that the file id is free (before anything is written),
 * encrypts on this machine to conditions binding the file to that bank and the regulator, stores
 * the envelope under its content hash, and registers the hash with EvidenceContract.RegisterEvidence.
 * The plaintext is only read. If the registration is refused after the envelope was stored, the
 * envelope stays in the store unreferenced: encrypted, and named by no ledger record.
 */
export async function sealEvidence(options: SealEvidenceOptions): Promise<EvidenceFileRecord> {
  const { file, investorId, fileId, kind, ledger } = options;
  // Checked with placeholder content hash first, so bad ids, kind or size cost no encryption.
  const draft: EvidenceFileEntry = parseEvidenceFileEntry(JSON.stringify({ investorId, fileId, kind, contentHash: '0'.repeat(64), dataHash: sha256Hex(file), size: file.length }));
  const investor = parseInvestorRecord(await ledger.evaluate('InvestorContract', 'GetInvestor', investorId));
  await requireFreeFileId(ledger, investorId, fileId);
  const conditions: AccessConditions = { vault: 'trestle', fileId, investorId, bankMsp: investor.bankMsp, allowedRoles: [...EVIDENCE_ROLES] };
  const envelope = await sealEnvelope(file, conditions, options.key);
  const contentHash = await options.store.put(envelope);
  const entry: EvidenceFileEntry = { ...draft, contentHash, dataHash: envelope.dataHash };
  return parseEvidenceFileRecord(await ledger.submit('EvidenceContract', 'RegisterEvidence', JSON.stringify(entry)));
}

// GetEvidence as the officer: refused for another bank's officer, EVIDENCE_NOT_FOUND when the id is free.
async function requireFreeFileId(ledger: SealingLedger, investorId: string, fileId: string): Promise<void> {
  try {
    await ledger.evaluate('EvidenceContract', 'GetEvidence', investorId, fileId);
  } catch (error) {
    if (isTrestleError(error, 'EVIDENCE_NOT_FOUND')) return;
    throw error;
  }
  throw new TrestleError('EVIDENCE_CONFLICT', 'This file id is already registered for the investor; seal the new file under a new file id.', { details: { investorId, fileId } });
}
