import { isIdentifierType } from './identifier-types';
import type { SanctionsIdentifier } from './sanctions-entry';

// A document number: letters, digits and the separators OFAC prints inside numbers (`30.609.430`,
// `DIB-771110-HQ1`, `L 191609`, `J23/242/2004`), with at least one digit. Spaced text with a
// lower-case word in it is prose (`OR801168 and Kuwaiti National ID No. …`), not a number.
const NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]*$/;
const DIGIT = /[0-9]/;
const PROSE = / .*[a-z]{2}|[a-z]{2}.* /;

/**
 * An identifier when `type` is a known identifier type and `number` looks like a document number;
 * undefined otherwise, so CSV remarks and XML id lists keep exactly the same identifiers.
 */
export function makeIdentifier(type: string, number: string, country?: string): SanctionsIdentifier | undefined {
  const trimmed = number.trim();
  if (!isIdentifierType(type) || !NUMBER.test(trimmed) || !DIGIT.test(trimmed) || PROSE.test(trimmed)) return undefined;
  const place = country?.trim();
  return place === undefined || place === '' ? { type, number: trimmed } : { type, number: trimmed, country: place };
}
