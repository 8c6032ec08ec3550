import { AbiCoder, keccak256, zeroPadValue } from 'ethers';

/**
 * The subject the gateway orders a state-setting message by (BridgeGateway.latestNonce): the whole
 * validator set, an asset's legal state (the token) or one wallet's KYC phase on a token. A message
 * of the same type and subject applies only with a nonce above the last one applied.
 */
export function messageSubject(type: 'SetValidators' | 'SetLegalState' | 'SetKycPhase', fields: { readonly token?: string; readonly wallet?: string }): string {
  switch (type) {
    case 'SetValidators':
      return zeroPadValue('0x', 32);
    case 'SetLegalState':
      return zeroPadValue(required(fields.token, 'token'), 32);
    case 'SetKycPhase':
      return keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'address'], [required(fields.token, 'token'), required(fields.wallet, 'wallet')]));
  }
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new TypeError(`a ${name} is needed to name the message's subject`);
  return value;
}
