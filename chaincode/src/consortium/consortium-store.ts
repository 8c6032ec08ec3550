import type { Context } from 'fabric-contract-api';
import { parseConsortiumRecord, type ConsortiumRecord } from '@trestle/compliance/src/consortium/consortium';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { readRecord, writeRecord } from '../support/state';

/** The one membership record: composite key consortium (). */
const CONSORTIUM_KEY_TYPE = 'consortium';

const consortiumKey = (ctx: Context) => ctx.stub.createCompositeKey(CONSORTIUM_KEY_TYPE, []);

/** The membership record, or undefined before anyone proposed one. */
export async function findConsortium(ctx: Context): Promise<ConsortiumRecord | undefined> {
  return readRecord(ctx, consortiumKey(ctx), parseConsortiumRecord);
}

export async function writeConsortium(ctx: Context, record: ConsortiumRecord): Promise<void> {
  await writeRecord(ctx, consortiumKey(ctx), record);
}

/** The membership in force, or CONSORTIUM_NOT_ACTIVE. */
export async function activeConsortium(ctx: Context): Promise<ConsortiumRecord> {
  const record = await findConsortium(ctx);
  if (record?.status !== 'ACTIVE') {
    throw new TrestleError('CONSORTIUM_NOT_ACTIVE', 'The consortium membership is not in force yet: every listed org\'s admin must confirm it (ConsortiumContract) before roles are granted.', {
      details: { status: record?.status ?? null },
    });
  }
  return record;
}
