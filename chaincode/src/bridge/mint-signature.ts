import { GATEWAY_TYPES, gatewayDomain } from '@trestle/compliance/src/bridge/gateway-types';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import { recoverTypedDataSigner } from '../wallets/typed-data-signer';

/**
 * The address whose key signed the bridge-out's `Mint` (token, to, amount, nonce, fabricTxId) in
 * the chain's gateway domain: exactly what BridgeGateway.mint verifies, so a signature the
 * chaincode records is one the gateway accepts. Low-s 65-byte signatures only; anything else is
 * BRIDGE_SIGNATURE_INVALID.
 */
export function recoverMintSigner(chain: BridgeChainConfig, bridgeOut: BridgeOutRecord & { readonly nonce: string; readonly fabricTxId: string }, signature: unknown): string {
  const message = { token: bridgeOut.token, to: bridgeOut.wallet, amount: BigInt(bridgeOut.amount), nonce: BigInt(bridgeOut.nonce), fabricTxId: bridgeOut.fabricTxId };
  return recoverTypedDataSigner(gatewayDomain(BigInt(chain.chainId), chain.gateway), { Mint: GATEWAY_TYPES.Mint }, message, signature, 'BRIDGE_SIGNATURE_INVALID');
}
