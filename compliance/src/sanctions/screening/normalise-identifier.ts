/** Shorter numbers (`55`, `2377`) are too common to say anything about who a person is. */
export const MIN_IDENTIFIER_LENGTH = 5;

/**
 * A document number in comparable form: letters and digits only, upper case (`30.609.430` →
 * `30609430`, `L 191609` → `L191609`), and IMO ship numbers without their `IMO` prefix, which is
 * sometimes printed and sometimes not. Undefined when fewer than `MIN_IDENTIFIER_LENGTH` remain.
 */
export function normaliseIdentifier(number: string): string | undefined {
  const compact = number
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const withoutImo = /^IMO[0-9]{7}$/.test(compact) ? compact.slice(3) : compact;
  return withoutImo.length >= MIN_IDENTIFIER_LENGTH ? withoutImo : undefined;
}
