import { isIdentityId, isMspId } from '../identity/identity-id';
import { isLedgerId, LEDGER_ID_FORM } from '../policy/ledger-id';
import type { RecordReader } from '../policy/record-reader';
import { isPlainText } from '../rules/plain-text';
import { isIsoInstant, ISO_INSTANT_FORM } from './iso-instant';
import { MAX_REASON_CHARS, MAX_UNIX_SECONDS } from './ledger-limits';

// Field readers the ledger documents share, so each kind of field is checked and described the
// same way wherever it appears.

/** Free text of `min` to `max` characters without control characters; `noun` names it in problems. */
export function readText(reader: RecordReader, key: string, min: number, max: number, noun: string): string {
  return reader.string(key, (value) => isPlainText(value, min, max), `${noun} of ${min} to ${max} characters without control characters`);
}

/** An SPV, asset or investor id. */
export function readLedgerId(reader: RecordReader, key: string, noun: 'an SPV id' | 'an asset id' | 'an investor id'): string {
  return reader.string(key, isLedgerId, `${noun} of ${LEDGER_ID_FORM}`);
}

/** An instant in Unix seconds (what the rules compare against the transaction time). */
export function readUnixSeconds(reader: RecordReader, key: string): number {
  return reader.integer(key, 0, MAX_UNIX_SECONDS);
}

/** An audit timestamp: the transaction time as ISO 8601. */
export function readIsoInstant(reader: RecordReader, key: string): string {
  return reader.string(key, isIsoInstant, ISO_INSTANT_FORM);
}

/** An identity id, as `getID()` returns it. */
export function readIdentityId(reader: RecordReader, key: string): string {
  return reader.string(key, isIdentityId, 'an identity id (x509::<subject DN>::<issuer DN>)');
}

/** An org's MSP id. */
export function readMspId(reader: RecordReader, key: string): string {
  return reader.string(key, isMspId, 'an MSP id such as "BankAMSP"');
}

/** A reason that may be null (none given), otherwise plain text of 1 to `MAX_REASON_CHARS` characters. */
export function readNullableReason(reader: RecordReader, key: string): string | null {
  return reader.nullableString(key, (value) => isPlainText(value, 1, MAX_REASON_CHARS), `1 to ${MAX_REASON_CHARS} characters of text`);
}

/** A type guard for one of `values`, for `RecordReader.member`. */
export function memberOf<T extends string>(values: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => (values as readonly unknown[]).includes(value);
}
