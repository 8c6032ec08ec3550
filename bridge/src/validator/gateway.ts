import type { ContractRunner, TypedDataDomain, TypedDataField } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
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

/** The EIP-712 domain, types and value every validator signs for a ledger message (Pause, Unpause, SetLegalState, Nav, WriteOff). */
export function gatewayMessageTypedData(
  message: Pick<GatewayMessageRecord, 'chainId' | 'type' | 'nonce' | 'verifyingContract' | 'fields'>,
): { domain: TypedDataDomain; types: Record<string, TypedDataField[]>; value: Record<string, unknown> } {
  const { domain, types, value } = ledgerMessageTypedData(message);
  return { domain, types, value };
}
