import { AbiCoder, keccak256, zeroPadValue } from 'ethers';

/**
 * The gateway messages it applies in nonce order per subject (BridgeGateway.latestNonce,
 * MessageNonceStale): each sets a state, and an older one relayed late must not undo a newer one.
 * RegisterIdentity and RevokeIdentity of one wallet share one order, as Pause and Unpause do.
 */
export const ORDERED_GATEWAY_MESSAGES = ['SetValidators', 'SetLegalState', 'SetKycPhase', 'RegisterIdentity', 'RevokeIdentity', 'Pause', 'Unpause'] as const;
export type OrderedGatewayMessage = (typeof ORDERED_GATEWAY_MESSAGES)[number];

export function isOrderedGatewayMessage(type: string): type is OrderedGatewayMessage {
  return (ORDERED_GATEWAY_MESSAGES as readonly string[]).includes(type);
}

/**
 * The subject the gateway orders a state-setting message by: the whole validator set or the pause
 * flag (zero), an asset's legal state (the token), or one wallet's KYC phase or registration on a
 * token. A message of the same order and subject applies only with a nonce above the last one applied.
 */
export function messageSubject(type: OrderedGatewayMessage, fields: { readonly token?: string; readonly wallet?: string }): string {
  switch (type) {
    case 'SetValidators':
    case 'Pause':
    case 'Unpause':
      return zeroPadValue('0x', 32);
    case 'SetLegalState':
      return zeroPadValue(required(fields.token, 'token'), 32);
    case 'SetKycPhase':
    case 'RegisterIdentity':
    case 'RevokeIdentity':
      return keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'address'], [required(fields.token, 'token'), required(fields.wallet, 'wallet')]));
  }
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new TypeError(`a ${name} is needed to name the message's subject`);
  return value;
}
