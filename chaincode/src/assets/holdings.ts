import type { Context } from 'fabric-contract-api';
import { holdingRecord, parseHoldingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import { decodeJson, readRecord, valuesByPartialKey, writeRecord } from '../support/state';
import { ASSET_KEY_TYPE } from './asset-key';
import { HOLDING_KEY_TYPE, holdingKey } from './holding-key';

/** The holding, or undefined when the investor holds no units of the asset. */
export async function findHolding(ctx: Context, assetId: string, investorId: string): Promise<Holding | undefined> {
  return readRecord(ctx, holdingKey(ctx, assetId, investorId), parseHoldingRecord);
}

/** Every holding of the asset, in investor id order. */
export async function holdingsOf(ctx: Context, assetId: string): Promise<Holding[]> {
  return (await valuesByPartialKey(ctx, HOLDING_KEY_TYPE, [assetId])).map((value) => parseHoldingRecord(decodeJson(value)));
}

/**
 * Every holding of one investor, in asset id order. Holdings are keyed by asset first, so this
 * lists the asset ids (a range over the asset records only: the consortium has few assets) and
 * reads holding (asset, investor) for each: a bounded number of point reads, never a full-state scan.
 */
export async function holdingsOfInvestor(ctx: Context, investorId: string): Promise<Holding[]> {
  const assetIds: string[] = [];
  // Read in full before the point reads: the iterator is closed before any other ledger call.
  for await (const { key } of ctx.stub.getStateByPartialCompositeKey(ASSET_KEY_TYPE, [])) {
    const [assetId] = ctx.stub.splitCompositeKey(key).attributes;
    if (assetId !== undefined) assetIds.push(assetId);
  }
  const holdings: Holding[] = [];
  for (const assetId of assetIds) {
    const holding = await findHolding(ctx, assetId, investorId);
    if (holding !== undefined) holdings.push(holding);
  }
  return holdings;
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

/**
 * Puts every holding of `investorId` under `bankMsp` (an adopted investor's new bank, whose
 * officers act for the holding from then on), with balance, lots, frozen and escrowed amounts as
 * they were. Returns the holdings as written.
 */
export async function moveHoldingsToBank(ctx: Context, investorId: string, bankMsp: string): Promise<Holding[]> {
  const moved = (await holdingsOfInvestor(ctx, investorId)).map((holding): Holding => ({ ...holding, bankMsp }));
  for (const holding of moved) await writeHolding(ctx, holding, holding);
  return moved;
}
