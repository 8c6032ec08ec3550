import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { EvidenceAccessEntry } from '@trestle/compliance/src/ledger/evidence-access';
import { parseEvidenceFileRecord } from '@trestle/compliance/src/ledger/evidence-file';
import { decideFileAccess } from '@trestle/compliance/src/vault/access/decide-file-access';
import { grantInForce } from '../roles/grant-in-force';
import { roleGrantKey } from '../roles/role-grant-key';
import { hasState, readRecord } from '../support/state';
import { evidenceFileKey } from './evidence-file-key';

/**
 * EVIDENCE_GRANT_UNFOUNDED unless the ledger, as it stands in this transaction, lets the requester
 * open the file by the vault's own rule. A share service may only record a grant the ledger agrees
 * with, so a granted record always means the requester held the right at that moment; a refusal
 * is always recorded, since refusing is never unsafe.
 */
export async function requireFoundedGrant(ctx: Context, entry: EvidenceAccessEntry): Promise<void> {
  if (entry.outcome !== 'granted') return;
  const { requester, conditions } = entry;
  const holdsRole = (await hasState(ctx, roleGrantKey(ctx, requester.mspId, requester.identityId, requester.role))) && (await grantInForce(ctx, requester.mspId, requester.role));
  const decision = decideFileAccess(conditions, requester, holdsRole);
  if (!decision.allowed) {
    throw new TrestleError('EVIDENCE_GRANT_UNFOUNDED', 'The ledger does not let this requester open the file, so a grant cannot be recorded; record the attempt as refused.', {
      details: { fileId: conditions.fileId, reason: decision.reason },
    });
  }
  // Only files on the ledger are opened: registered for the conditions' investor and bank, with
  // the data hash the share services sign. So every grant names a file the bank put on record.
  const file = await readRecord(ctx, evidenceFileKey(ctx, conditions.investorId, conditions.fileId), parseEvidenceFileRecord);
  if (file === undefined || file.bankMsp !== conditions.bankMsp || file.dataHash !== entry.dataHash) {
    throw new TrestleError('EVIDENCE_GRANT_UNFOUNDED', 'The ledger registers no such file (for this investor and bank, with this data hash), so a grant cannot be recorded; record the attempt as refused.', {
      details: { fileId: conditions.fileId, reason: file === undefined ? 'not registered' : 'registered with another bank or data hash' },
    });
  }
}
