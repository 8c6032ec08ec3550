import { getAddress } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isEvmAddressForm, parseUint256 } from '@trestle/compliance/src/ledger/wallet-binding';
import { requiredArgument } from '../support/arguments';

/** An EVM address argument in its EIP-55 checksummed form; mixed case must carry a valid checksum. */
export function walletAddressArgument(value: unknown, argument = 'address'): string {
  const text = requiredArgument(value, argument);
  if (isEvmAddressForm(text)) {
    try {
      return getAddress(text);
    } catch {
      // A mixed-case address whose checksum is wrong: most likely a typo, so refuse it below.
    }
  }
  throw new TrestleError('WALLET_BINDING_INVALID', `The ${argument} argument is not an EVM address; pass 0x and 40 hex digits, in lower case or with a valid EIP-55 checksum.`, {
    details: { argument },
  });
}

/** A uint256 argument written in decimal digits (no sign, no leading zeros); `min` is the least allowed, `code` the refusal's. */
export function uint256Argument(value: unknown, argument: string, min = 0n, code: 'WALLET_BINDING_INVALID' | 'BRIDGE_OUT_INVALID' = 'WALLET_BINDING_INVALID'): bigint {
  const number = parseUint256(requiredArgument(value, argument));
  if (number === undefined || number < min) {
    throw new TrestleError(code, `The ${argument} argument must be a whole number from ${min} to 2^256-1 in decimal digits, without sign or leading zeros.`, {
      details: { argument },
    });
  }
  return number;
}
