import type { RecordReader } from '../policy/record-reader';
import { isEvmAddressForm, parseUint256 } from '../ledger/wallet-binding';

// Field readers the bridge documents share: EVM values in the forms the chaincode stores them.

const BYTES32 = /^0x[0-9a-f]{64}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;

/** Whether `value` is 0x and 64 lower-case hex digits (a hash, a transaction id as bytes32). */
export function isBytes32(value: unknown): value is string {
  return typeof value === 'string' && BYTES32.test(value);
}

/** An EVM address (0x and 40 hex digits; the chaincode checks and writes the EIP-55 form). */
export function readAddress(reader: RecordReader, key: string): string {
  return reader.string(key, isEvmAddressForm, 'an EVM address (0x and 40 hex digits)');
}

/** A uint256 as a decimal string, kept as the string. */
export function readUintText(reader: RecordReader, key: string, min = 0n): string {
  return reader.string(key, (value) => (parseUint256(value) ?? -1n) >= min, `a whole number from ${min} to 2^256-1 in decimal digits, without sign or leading zeros`);
}

/** A bytes32 in lower-case hex. */
export function readBytes32(reader: RecordReader, key: string): string {
  return reader.string(key, isBytes32, '0x and 64 lower-case hex digits');
}

/** A 65-byte ECDSA signature (r ‖ s ‖ v) in hex. */
export function readSignature(reader: RecordReader, key: string): string {
  return reader.string(key, (value) => SIGNATURE.test(value), 'a 65-byte signature as 0x and 130 hex digits');
}
