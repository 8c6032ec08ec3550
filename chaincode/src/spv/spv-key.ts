import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseSpvRecord, type Spv } from '@trestle/compliance/src/ledger/spv';
import { readRecord } from '../support/state';

/** Object type of SPV records: composite key spv (spvId). */
export const SPV_KEY_TYPE = 'spv';

/** The state key of one SPV. */
export function spvKey(ctx: Context, spvId: string): string {
  return ctx.stub.createCompositeKey(SPV_KEY_TYPE, [spvId]);
}

/** The SPV `spvId`, or SPV_NOT_FOUND. */
export async function readSpv(ctx: Context, spvId: string): Promise<Spv> {
  const spv = await readRecord(ctx, spvKey(ctx, spvId), parseSpvRecord);
  if (spv === undefined) throw new TrestleError('SPV_NOT_FOUND', 'No SPV has this id; register it first or check the id.', { details: { spvId } });
  return spv;
}
