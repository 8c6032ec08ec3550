import { getAddress } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isTransferId } from '@trestle/compliance/src/transfers/transfer-record';
import { requiredArgument } from '../support/arguments';
import { uint256Argument } from '../wallets/wallet-arguments';

/** A chain id argument: a uint256 of at least 1 in decimal digits, returned in that canonical text. */
export function chainIdArgument(value: unknown): string {
  return uintArgument(value, 'chainId', 1n).toString();
}

/** A uint256 argument in decimal digits (no sign, no leading zeros); BRIDGE_OUT_INVALID otherwise. */
export function uintArgument(value: unknown, argument: string, min = 0n): bigint {
  return uint256Argument(value, argument, min, 'BRIDGE_OUT_INVALID');
}

/** A bridge-out id argument. */
export function bridgeOutIdArgument(value: unknown): string {
  const id = requiredArgument(value, 'bridgeOutId');
  if (!isTransferId(id)) throw new TrestleError('BRIDGE_OUT_INVALID', 'The bridgeOutId argument must be 1 to 128 printable ASCII characters without spaces.', { details: { argument: 'bridgeOutId', length: id.length } });
  return id;
}

/** A 32-byte transaction hash argument, returned in lower case. */
export function txHashArgument(value: unknown, argument: string): string {
  const text = requiredArgument(value, argument);
  if (!/^0x[0-9a-fA-F]{64}$/.test(text)) throw new TrestleError('BRIDGE_OUT_INVALID', `The ${argument} argument must be 0x and 64 hex digits.`, { details: { argument } });
  return text.toLowerCase();
}

/** An EVM address argument in its EIP-55 form; mixed case must carry a valid checksum. */
export function addressArgument(value: unknown, argument: string): string {
  const text = requiredArgument(value, argument);
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) {
    try {
      return getAddress(text);
    } catch {
      // A mixed-case address with a wrong checksum: a typo, refused below.
    }
  }
  throw new TrestleError('BRIDGE_VALIDATOR_INVALID', `The ${argument} argument is not an EVM address; pass 0x and 40 hex digits, in lower case or with a valid EIP-55 checksum.`, { details: { argument } });
}
