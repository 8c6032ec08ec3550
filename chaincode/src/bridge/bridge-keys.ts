import type { Context } from 'fabric-contract-api';

// The bridge's composite keys. Nonces are zero-padded to 78 digits (the width of 2^256) so the
// ledger's key order is their numeric order.

/** A chain's configuration record: bridge~chain (chainId). */
export const CHAIN_KEY_TYPE = 'bridge~chain';
/** A bank's validator: bridge~validator (bankMsp). */
export const VALIDATOR_KEY_TYPE = 'bridge~validator';
/** A bridge-out: bridge~out (bridgeOutId). */
export const BRIDGE_OUT_KEY_TYPE = 'bridge~out';
/** Nonce to bridge-out, for the validators: bridge~mint (chainId, nonce) → bridgeOutId. */
export const MINT_NONCE_INDEX = 'bridge~mint';
/** Bridge-outs holding escrow and waiting for the EVM side: bridge~inflight (chainId, nonce), one zero byte. */
export const IN_FLIGHT_INDEX = 'bridge~inflight';
/** Bridge-outs waiting for approval at a bank: bridge~pending (bankMsp, bridgeOutId), one zero byte. */
export const PENDING_INDEX = 'bridge~pending';
/** The next nonce of a chain's gateway message type (Mint, Pause, …): bridge~nonce (chainId, type) → decimal. */
export const NEXT_NONCE_KEY_TYPE = 'bridge~nonce';
/** An asset's escrow for a chain: bridge~escrow (assetId, chainId). */
export const ESCROW_KEY_TYPE = 'bridge~escrow';
/** A ledger message other than Mint: bridge~msg (chainId, type, verifyingContract, nonce); nonce spaces are per contract and type. */
export const GATEWAY_MESSAGE_KEY_TYPE = 'bridge~msg';
/** Ledger messages not yet relayed: bridge~openmsg (chainId, type, verifyingContract, nonce), one zero byte. */
export const OPEN_MESSAGE_INDEX = 'bridge~openmsg';
/** What a message type last carried for a token: bridge~sent (chainId, type, token) → the legal state, the valuation sequence, or 1 for a write-off. */
export const SENT_KEY_TYPE = 'bridge~sent';
/**
 * A burn's attestations and release: bridge~burn (chainId, gateway, burnNonce). The gateway numbers
 * its burns from 1, so a chain whose configuration names a new gateway starts again at burn 1: keyed
 * by chain alone, its first burn collided with the old gateway's (BRIDGE_ATTESTATION_CONFLICT) and
 * never released (seen on the real network, where suites redeploy the gateway on one devnet chain).
 */
export const BURN_KEY_TYPE = 'bridge~burn';
/** A token transfer's attestations and escrow move: bridge~move (chainId, txHash, logIndex as ten digits). */
export const ESCROW_MOVE_KEY_TYPE = 'bridge~move';

/** A nonce written so that key order is numeric order. */
export function paddedNonce(nonce: bigint | string): string {
  return nonce.toString().padStart(78, '0');
}

export const chainKey = (ctx: Context, chainId: string) => ctx.stub.createCompositeKey(CHAIN_KEY_TYPE, [chainId]);
export const validatorKey = (ctx: Context, bankMsp: string) => ctx.stub.createCompositeKey(VALIDATOR_KEY_TYPE, [bankMsp]);
export const bridgeOutKey = (ctx: Context, bridgeOutId: string) => ctx.stub.createCompositeKey(BRIDGE_OUT_KEY_TYPE, [bridgeOutId]);
export const mintNonceKey = (ctx: Context, chainId: string, nonce: bigint | string) => ctx.stub.createCompositeKey(MINT_NONCE_INDEX, [chainId, paddedNonce(nonce)]);
export const inFlightKey = (ctx: Context, chainId: string, nonce: bigint | string) => ctx.stub.createCompositeKey(IN_FLIGHT_INDEX, [chainId, paddedNonce(nonce)]);
export const pendingKey = (ctx: Context, bankMsp: string, bridgeOutId: string) => ctx.stub.createCompositeKey(PENDING_INDEX, [bankMsp, bridgeOutId]);
export const nextNonceKey = (ctx: Context, chainId: string, messageType: string) => ctx.stub.createCompositeKey(NEXT_NONCE_KEY_TYPE, [chainId, messageType]);
export const escrowKey = (ctx: Context, assetId: string, chainId: string) => ctx.stub.createCompositeKey(ESCROW_KEY_TYPE, [assetId, chainId]);
export const burnKey = (ctx: Context, chainId: string, gateway: string, burnNonce: bigint | string) => ctx.stub.createCompositeKey(BURN_KEY_TYPE, [chainId, gateway, paddedNonce(burnNonce)]);
export const escrowMoveKey = (ctx: Context, chainId: string, txHash: string, logIndex: number) => ctx.stub.createCompositeKey(ESCROW_MOVE_KEY_TYPE, [chainId, txHash, String(logIndex).padStart(10, '0')]);
/** Where a ledger message lives: its chain, type, domain contract and nonce. */
export type MessageId = { readonly chainId: string; readonly type: string; readonly verifyingContract: string; readonly nonce: bigint | string };
export const gatewayMessageKey = (ctx: Context, id: MessageId) => ctx.stub.createCompositeKey(GATEWAY_MESSAGE_KEY_TYPE, [id.chainId, id.type, id.verifyingContract, paddedNonce(id.nonce)]);
export const openMessageKey = (ctx: Context, id: MessageId) => ctx.stub.createCompositeKey(OPEN_MESSAGE_INDEX, [id.chainId, id.type, id.verifyingContract, paddedNonce(id.nonce)]);
export const sentKey = (ctx: Context, chainId: string, type: string, token: string) => ctx.stub.createCompositeKey(SENT_KEY_TYPE, [chainId, type, token]);
