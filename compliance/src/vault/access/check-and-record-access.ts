import { isTrestleError, TrestleError } from '../../errors/trestle-error';
import type { AccessGate, FileAccessEntry, FileAccessRequest } from './access-gate';

/** Returns the current time; injected so the access record's time is the caller's to decide. */
export type Clock = () => Date;

/**
 * Asks the gate, records the attempt whatever the answer, then returns or throws
 * `VAULT_ACCESS_DENIED`. Fails closed: a gate that cannot answer is `VAULT_ACCESS_CHECK_FAILED`, and
 * an attempt that could not be recorded is `VAULT_ACCESS_NOT_RECORDED`, so nothing is released
 * without a record.
 */
export async function checkAndRecordAccess(gate: AccessGate, clock: Clock, request: FileAccessRequest, shareIndex: number): Promise<FileAccessEntry> {
  const fileId = request.conditions.fileId;
  let decision;
  try {
    decision = await gate.authorize(request);
  } catch (cause) {
    if (isTrestleError(cause)) throw cause;
    throw new TrestleError('VAULT_ACCESS_CHECK_FAILED', 'The access check could not be made, so no share is released; try again when the ledger answers.', {
      details: { fileId },
      cause,
    });
  }
  // Only a literal true grants: a gate answering something else has failed, and failing closed is safe.
  const allowed = decision.allowed === true;
  const reason = typeof decision.reason === 'string' ? decision.reason : 'The access gate gave no reason.';
  const entry: FileAccessEntry = {
    requester: request.requester,
    conditions: request.conditions,
    fileId,
    investorId: request.conditions.investorId,
    conditionsHash: request.conditionsHash,
    dataHash: request.dataHash,
    outcome: allowed ? 'granted' : 'refused',
    reason,
    shareIndex,
    at: clock().toISOString(),
  };
  let recorded = entry;
  try {
    await gate.recordAccess(entry);
  } catch (cause) {
    // The ledger judged the grant itself and disagreed (a role revoked since the check, a file not
    // registered): the attempt is recorded as the refusal it is, with the ledger's sentence.
    if (!isTrestleError(cause, 'EVIDENCE_GRANT_UNFOUNDED') || !allowed) throw notRecorded(fileId, entry.outcome, cause);
    recorded = { ...entry, outcome: 'refused', reason: cause.sentence };
    try {
      await gate.recordAccess(recorded);
    } catch (again) {
      throw notRecorded(fileId, recorded.outcome, again);
    }
  }
  if (recorded.outcome !== 'granted') {
    throw new TrestleError('VAULT_ACCESS_DENIED', 'You may not open this file; the attempt has been recorded.', {
      details: { fileId, reason: recorded.reason },
    });
  }
  return recorded;
}

function notRecorded(fileId: string, outcome: FileAccessEntry['outcome'], cause: unknown): TrestleError {
  return new TrestleError('VAULT_ACCESS_NOT_RECORDED', 'The access could not be recorded, so no share is released; try again when the ledger answers.', {
    details: { fileId, outcome },
    cause,
  });
}
