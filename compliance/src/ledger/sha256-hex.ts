/** How problem reports describe a document hash. */
export const SHA256_HEX_FORM = 'a SHA-256 digest as 64 lower-case hex digits';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Whether `value` is a SHA-256 digest in lower-case hex, the one spelling the ledger stores. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
