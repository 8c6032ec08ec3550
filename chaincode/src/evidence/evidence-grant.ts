import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { EvidenceAccessEntry } from '@trestle/compliance/src/ledger/evidence-access';
import { decideFileAccess } from '@trestle/compliance/src/vault/access/decide-file-access';
import { roleGrantKey } from '../roles/role-grant-key';
import { hasState } from '../support/state';

/**
 * EVIDENCE_GRANT_UNFOUNDED unless the ledger, as it stands in this transaction, lets the requester
 * open the file by the vault's own rule. A share service may only record a grant the ledger agrees
 * with, so a granted record always means the requester held the right at that moment; a refusal
 * is always recorded, since refusing is never unsafe.
 */
export async function requireFoundedGrant(ctx: Context, entry: EvidenceAccessEntry): Promise<void> {
  if (entry.outcome !== 'granted') return;
  const { requester, conditions } = entry;
  const holdsRole = await hasState(ctx, roleGrantKey(ctx, requester.mspId, requester.identityId, requester.role));
  const decision = decideFileAccess(conditions, requester, holdsRole);
  if (!decision.allowed) {
    throw new TrestleError('EVIDENCE_GRANT_UNFOUNDED', 'The ledger does not let this requester open the file, so a grant cannot be recorded; record the attempt as refused.', {
      details: { fileId: conditions.fileId, reason: decision.reason },
    });
  }
}
