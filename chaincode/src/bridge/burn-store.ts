import type { Context } from 'fabric-contract-api';
import { parseBurnRecord, type BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { readRecord, writeRecord } from '../support/state';
import { burnKey } from './bridge-keys';

/** The burn numbered `burnNonce` by the chain's gateway `gateway` (the one in force), or undefined before its first attestation. */
export async function findBurn(ctx: Context, chainId: string, gateway: string, burnNonce: bigint | string): Promise<BurnRecord | undefined> {
  return readRecord(ctx, burnKey(ctx, chainId, gateway, burnNonce), parseBurnRecord);
}

/** Writes the burn under the gateway that numbered it. */
export async function writeBurn(ctx: Context, gateway: string, burn: BurnRecord): Promise<void> {
  await writeRecord(ctx, burnKey(ctx, burn.chainId, gateway, burn.burnNonce), burn);
}
