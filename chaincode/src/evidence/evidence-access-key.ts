import type { Context } from 'fabric-contract-api';
import { auditStamp } from '../audit/audit-key';

/**
 * Object type of evidence access records: composite key evidence~access (bankMsp, investorId,
 * fileId, transaction time in ms as 15 digits, txId). Bank and investor first so one partial-key
 * page lists an investor's files, or one file, in time order; the txId keeps every attempt.
 */
export const EVIDENCE_ACCESS_KEY_TYPE = 'evidence~access';

/** The state key of the access record written by this transaction. */
export function evidenceAccessKey(ctx: Context, bankMsp: string, investorId: string, fileId: string, at: string): string {
  return ctx.stub.createCompositeKey(EVIDENCE_ACCESS_KEY_TYPE, [bankMsp, investorId, fileId, auditStamp(Date.parse(at)), ctx.stub.getTxID()]);
}
