import fc from 'fast-check';

// Strings a client can put in any argument: what the contracts must refuse with a typed error (or
// accept) whatever the parameter means. Built once: the huge ones cost memory, not time per case.

const HUGE = ['x'.repeat(70_000), 'é'.repeat(40_000), '9'.repeat(100_000), `{"a":"${'b'.repeat(70_000)}"}`, 'A'.repeat(1_000_000)];

/** Texts that mean something to a parser: numbers in odd notations, JSON keywords, prototype keys, key separators. */
const TRICKY = [
  '', ' ', '\t', '\n', '\r\n', 'null', 'undefined', 'true', 'false', '[]', '{}', '""', '[{}]', '{"":""}',
  '0', '-0', '00', '007', '-1', '+1', ' 1', '1 ', '1.0', '1.5', '.5', '5.', '1e3', '1E-3', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity',
  '0x10', '0b11', '0o17', '1_000', '1,000', '١٢٣', '１２３', '²', '9007199254740993', '18446744073709551616', String(2n ** 256n), `-${2n ** 255n}`,
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
  '\u0000', 'a\u0000b', '\u0000asset\u0000ZOB\u0000', '\u0000holding\u0000', '\u{10ffff}', '\ud800', '\udfff', '\ufeff', '\u202e', '\u200b', 'Z\u0301',
  '%00', '%', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '${jndi:ldap://x}', '\\', '"', "'",
  '2026-03-01', '2026-03-01T10:00:00Z', '2026-02-30T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00.000Z',
];

/** A number of some kind, as decimal text the way JavaScript prints it. */
const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }).map(String),
  fc.nat({ max: 1_000_000 }).map((n) => `${n}.${n % 7}`),
);

/** JSON text of no particular shape: random keys, nesting, wrong types. */
export const jsonJunk: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }).map((object) => JSON.stringify(object)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map((array) => JSON.stringify(array)),
);

/** Any string at all, weighted towards the ones parsers trip on. */
export const junkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: numberText },
  { weight: 2, arbitrary: jsonJunk },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

/**
 * A value that is almost `valid`: another case, a space, a character more or less, a NUL or a
 * combining mark, a sign, a fraction, many more digits, quotes around it, or a thousand copies.
 */
export function nearMiss(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      valid.toLowerCase(),
      valid.toUpperCase(),
      ` ${valid}`,
      `${valid} `,
      valid.slice(0, -1),
      valid.slice(1),
      `${valid}\u0000`,
      `\u0000${valid}`,
      `${valid}\u0301`,
      `${valid}\u200b`,
      `\u202e${valid}`,
      `-${valid}`,
      `+${valid}`,
      `${valid}.5`,
      `${valid}.0`,
      `${valid}${'0'.repeat(80)}`,
      `${valid}e3`,
      JSON.stringify(valid),
      valid.repeat(1_000),
      valid.normalize('NFD'),
      valid.replace(/[A-Za-z]/, (letter) => (letter === 'I' ? '\u0130' : 'А')),
    ),
    fc.tuple(fc.nat({ max: valid.length }), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([at, inserted]) => `${valid.slice(0, at)}${inserted}${valid.slice(at)}`),
  );
}
