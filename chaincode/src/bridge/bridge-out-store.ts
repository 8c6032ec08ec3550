import type { Context } from 'fabric-contract-api';
import { IN_FLIGHT_STATUSES, parseBridgeOutRecord, type BridgeOutRecord, type BridgeOutStatus } from '@trestle/compliance/src/bridge/bridge-out';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { decodeJson, INDEX_ENTRY, readRecord, writeRecord } from '../support/state';
import { bridgeOutKey, inFlightKey, mintNonceKey, nextNonceKey, pendingKey } from './bridge-keys';

/** The bridge-out, or undefined. */
export async function findBridgeOut(ctx: Context, bridgeOutId: string): Promise<BridgeOutRecord | undefined> {
  return readRecord(ctx, bridgeOutKey(ctx, bridgeOutId), parseBridgeOutRecord);
}

/** The bridge-out, or BRIDGE_OUT_NOT_FOUND. */
export async function readBridgeOut(ctx: Context, bridgeOutId: string): Promise<BridgeOutRecord> {
  const record = await findBridgeOut(ctx, bridgeOutId);
  if (record === undefined) throw new TrestleError('BRIDGE_OUT_NOT_FOUND', 'No bridge-out has this id.', { details: { bridgeOutId } });
  return record;
}

/** The bridge-out that holds `nonce` on the chain, or BRIDGE_MINT_UNKNOWN. */
export async function readBridgeOutByNonce(ctx: Context, chainId: string, nonce: bigint): Promise<BridgeOutRecord> {
  const id = await ctx.stub.getState(mintNonceKey(ctx, chainId, nonce));
  if (id === undefined || id.length === 0) {
    throw new TrestleError('BRIDGE_MINT_UNKNOWN', 'No approved bridge-out has this nonce on this chain.', { details: { chainId, nonce: nonce.toString() } });
  }
  return readBridgeOut(ctx, Buffer.from(id).toString('utf8'));
}

const inFlight = (status: BridgeOutStatus | null) => status !== null && (IN_FLIGHT_STATUSES as readonly string[]).includes(status);

/**
 * Writes the bridge-out and keeps its indexes in step with its status: listed as pending at its
 * bank while PENDING, listed in flight on its chain while APPROVED or SIGNED, and found by nonce
 * from the escrow on. `before` is the status it had, null for a new request.
 */
export async function writeBridgeOut(ctx: Context, record: BridgeOutRecord, before: BridgeOutStatus | null): Promise<void> {
  await writeRecord(ctx, bridgeOutKey(ctx, record.bridgeOutId), record);
  if ((before === 'PENDING') !== (record.status === 'PENDING')) {
    const key = pendingKey(ctx, record.bankMsp, record.bridgeOutId);
    if (record.status === 'PENDING') await ctx.stub.putState(key, INDEX_ENTRY);
    else await ctx.stub.deleteState(key);
  }
  if (record.nonce !== null && inFlight(before) !== inFlight(record.status)) {
    const key = inFlightKey(ctx, record.chainId, record.nonce);
    if (inFlight(record.status)) await ctx.stub.putState(key, INDEX_ENTRY);
    else await ctx.stub.deleteState(key);
  }
  if (record.nonce !== null && before === 'PENDING') await ctx.stub.putState(mintNonceKey(ctx, record.chainId, record.nonce), Buffer.from(record.bridgeOutId, 'utf8'));
}

/**
 * Takes the chain's next nonce for a gateway message type (Mint, Pause, …; the gateway keeps one
 * nonce space per type). A counter rather than a hash of the transaction: the gateway keeps used
 * nonces in a bitmap, and consecutive nonces share its storage words (cheaper mints). Concurrent
 * writers on one chain conflict on this key at commit, and the client retries.
 */
export async function takeNonce(ctx: Context, chainId: string, messageType: string): Promise<bigint> {
  const key = nextNonceKey(ctx, chainId, messageType);
  const stored = await ctx.stub.getState(key);
  const next = stored === undefined || stored.length === 0 ? 1n : BigInt(String(decodeJson(stored)));
  await writeRecord(ctx, key, (next + 1n).toString());
  return next;
}
