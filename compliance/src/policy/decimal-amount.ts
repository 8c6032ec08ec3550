/**
 * Amounts travel as decimal strings of base units and are bigint in code: JSON numbers lose
 * precision above 2^53 and every peer must compute the same bytes.
 *
 * The form is digits only, no sign, no leading zeros (so each amount has exactly one spelling and
 * hashes stay stable), at most 78 digits (uint256 has 78, and the units may cross the bridge).
 */
export const MAX_AMOUNT_DIGITS = 78;

/** The wire form of an amount, for JSON Schema `pattern` and for the parser alike. */
export const DECIMAL_AMOUNT_PATTERN = `^(0|[1-9][0-9]{0,${MAX_AMOUNT_DIGITS - 1}})$`;

/** The wire form of an amount that must be at least 1. */
export const POSITIVE_DECIMAL_AMOUNT_PATTERN = `^[1-9][0-9]{0,${MAX_AMOUNT_DIGITS - 1}}$`;

const DECIMAL_AMOUNT = new RegExp(DECIMAL_AMOUNT_PATTERN);

/** The amount a decimal string spells, or undefined when it is not in the wire form above. */
export function parseDecimalAmount(value: string): bigint | undefined {
  return DECIMAL_AMOUNT.test(value) ? BigInt(value) : undefined;
}

/** The wire form of a non-negative amount. */
export function formatDecimalAmount(amount: bigint): string {
  if (amount < 0n) throw new RangeError(`formatDecimalAmount: amounts on the wire are never negative, got ${amount}.`);
  return amount.toString(10);
}
