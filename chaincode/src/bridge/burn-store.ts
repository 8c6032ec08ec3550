import type { Context } from 'fabric-contract-api';
import { parseBurnRecord, type BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { readRecord, writeRecord } from '../support/state';
import { burnKey } from './bridge-keys';

/** The burn's record, or undefined before its first attestation. */
export async function findBurn(ctx: Context, chainId: string, burnNonce: bigint | string): Promise<BurnRecord | undefined> {
  return readRecord(ctx, burnKey(ctx, chainId, burnNonce), parseBurnRecord);
}

export async function writeBurn(ctx: Context, burn: BurnRecord): Promise<void> {
  await writeRecord(ctx, burnKey(ctx, burn.chainId, burn.burnNonce), burn);
}
