import type { Context } from 'fabric-contract-api';
import { holdingRecord, parseHoldingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import { decodeJson, readRecord, valuesByPartialKey, writeRecord } from '../support/state';
import { HOLDING_KEY_TYPE, holdingKey } from './holding-key';

/** The holding, or undefined when the investor holds no units of the asset. */
export async function findHolding(ctx: Context, assetId: string, investorId: string): Promise<Holding | undefined> {
  return readRecord(ctx, holdingKey(ctx, assetId, investorId), parseHoldingRecord);
}

/** Every holding of the asset, in investor id order. */
export async function holdingsOf(ctx: Context, assetId: string): Promise<Holding[]> {
  return (await valuesByPartialKey(ctx, HOLDING_KEY_TYPE, [assetId])).map((value) => parseHoldingRecord(decodeJson(value)));
}

/** Beneficial owners of the asset: holdings with units on the ledger or in bridge escrow. */
export async function holderCountOf(ctx: Context, assetId: string): Promise<number> {
  return (await holdingsOf(ctx, assetId)).filter((holding) => holding.balance + holding.escrowed > 0n).length;
}

/** Writes a holding, or deletes its key when `holding` is null (a holder left with nothing). */
export async function writeHolding(ctx: Context, ids: { assetId: string; investorId: string }, holding: Holding | null): Promise<void> {
  const key = holdingKey(ctx, ids.assetId, ids.investorId);
  if (holding === null) await ctx.stub.deleteState(key);
  else await writeRecord(ctx, key, holdingRecord(holding));
}
