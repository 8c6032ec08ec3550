import { isTrestleError } from '../../errors/trestle-error';
import { parseEvidenceFileRecord } from '../../ledger/evidence-file';
import type { LedgerReader } from './officer-vault';

/**
 * The content hash the ledger registered for an investor's file (EvidenceContract.GetEvidence), or
 * undefined when none is; the ledger's refusals (CALLER_OF_OTHER_BANK …) pass through.
 */
export async function locateRegisteredFile(investorId: string, fileId: string, read: LedgerReader): Promise<string | undefined> {
  try {
    return parseEvidenceFileRecord(await read('EvidenceContract', 'GetEvidence', investorId, fileId)).contentHash;
  } catch (error) {
    if (isTrestleError(error, 'EVIDENCE_NOT_FOUND')) return undefined;
    throw error;
  }
}
