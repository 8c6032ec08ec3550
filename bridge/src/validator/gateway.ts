import type { ContractRunner, TypedDataDomain, TypedDataField } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ourArtifact } from '../evm/artifacts';
import type { DeployedContract } from '../evm/deploy-contract';
import { typeHashOf } from '../evm/deploy/gateway-quorum';
import { attach } from '../evm/deploy/steps';
import { GATEWAY_TYPES, gatewayDomain, typesFor } from '../evm/messages';
import type { PendingMint } from './attestation-ledger';

/** The gateway's type hash of `Mint`, the nonce space `isNonceUsed` is asked about. */
export const MINT_TYPE_HASH = typeHashOf('Mint');

/** The deployed BridgeGateway at `address`, through `runner` (a provider to read, a signer to send). */
export function gatewayAt(address: string, runner: ContractRunner): DeployedContract {
  return attach(ourArtifact('BridgeGateway'), address, runner);
}

/** The EIP-712 domain, types and value every validator signs for `mint` on `gateway`. */
export function mintTypedData(
  gateway: string,
  mint: PendingMint,
): { domain: TypedDataDomain; types: Record<string, TypedDataField[]>; value: Record<string, unknown> } {
  return {
    domain: gatewayDomain(mint.chainId, gateway),
    types: typesFor(GATEWAY_TYPES, 'Mint'),
    value: { token: mint.token, to: mint.to, amount: mint.amount, nonce: mint.nonce, fabricTxId: mint.fabricTxId },
  };
}

/** The EIP-712 domain, types and value every validator signs for a ledger gateway message (Pause, Unpause, SetLegalState). */
export function gatewayMessageTypedData(
  gateway: string,
  message: Pick<GatewayMessageRecord, 'chainId' | 'type' | 'nonce' | 'fields'>,
): { domain: TypedDataDomain; types: Record<string, TypedDataField[]>; value: Record<string, unknown> } {
  return { domain: gatewayDomain(BigInt(message.chainId), gateway), types: typesFor(GATEWAY_TYPES, message.type), value: { ...message.fields, nonce: BigInt(message.nonce) } };
}
