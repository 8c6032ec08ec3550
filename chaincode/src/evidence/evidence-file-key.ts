import type { Context } from 'fabric-contract-api';

/**
 * Object type of registered evidence files: composite key evidence~file (investorId, fileId). An
 * investor id names one investor across the consortium, so one partial-key page lists their files.
 */
export const EVIDENCE_FILE_KEY_TYPE = 'evidence~file';

/** The state key of one registered file. */
export function evidenceFileKey(ctx: Context, investorId: string, fileId: string): string {
  return ctx.stub.createCompositeKey(EVIDENCE_FILE_KEY_TYPE, [investorId, fileId]);
}
