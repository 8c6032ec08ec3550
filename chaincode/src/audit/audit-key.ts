import type { Context } from 'fabric-contract-api';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import { callerOf } from '../identity/caller';
import { writeRecord } from '../support/state';
import { txTimestampIso } from '../support/tx-time';

/** Object type of audit records: composite key audit (transaction time in ms as 15 digits, txId). */
export const AUDIT_KEY_TYPE = 'audit';

/** Digits of the millisecond stamp: enough for any instant up to year 9999, so key order is time order. */
const STAMP_DIGITS = 15;

/** The key attribute of an instant: Unix milliseconds, zero-padded. */
export function auditStamp(epochMillis: number): string {
  return String(epochMillis).padStart(STAMP_DIGITS, '0');
}

/** What a write audits; the transaction, its time and its submitter are filled in. */
export type AuditEntry = Omit<AuditRecord, 'txId' | 'at' | 'actor' | 'actorMsp'>;

/**
 * Appends an audit record of this transaction. Most audited transactions append exactly one; one
 * that acts on several requests at once (a sanctions hit blocking each pending request of the
 * investor) appends one per request, numbering them from 0 with `index`: the first keeps the key
 * (stamp, txId), the others add the index as a third attribute so they sort after it.
 */
export async function appendAudit(ctx: Context, entry: AuditEntry, index = 0): Promise<void> {
  const caller = callerOf(ctx);
  const at = txTimestampIso(ctx);
  const txId = ctx.stub.getTxID();
  const record: AuditRecord = { txId, at, actor: caller.identityId, actorMsp: caller.mspId, ...entry };
  const attributes = [auditStamp(Date.parse(at)), txId, ...(index === 0 ? [] : [String(index).padStart(6, '0')])];
  await writeRecord(ctx, ctx.stub.createCompositeKey(AUDIT_KEY_TYPE, attributes), record);
}
