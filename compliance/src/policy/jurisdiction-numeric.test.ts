import test from 'ava';
import { JURISDICTIONS } from './jurisdiction';
import { JURISDICTION_NUMERIC, jurisdictionNumeric } from './jurisdiction-numeric';

test('every jurisdiction has an ISO 3166-1 numeric code, and no other code has one', (t) => {
  for (const code of JURISDICTIONS) t.true(Number.isInteger(JURISDICTION_NUMERIC[code]) && JURISDICTION_NUMERIC[code] > 0 && JURISDICTION_NUMERIC[code] < 1000, code);
  t.deepEqual(Object.keys(JURISDICTION_NUMERIC).sort(), [...JURISDICTIONS]);
});

test('the numbers are the registered ones for well-known countries', (t) => {
  t.is(jurisdictionNumeric('CH'), 756);
  t.is(jurisdictionNumeric('DE'), 276);
  t.is(jurisdictionNumeric('US'), 840);
  t.is(jurisdictionNumeric('AF'), 4, 'leading zeros of "004" are not part of the number');
});

test('no two jurisdictions share a number', (t) => {
  const numbers = Object.values(JURISDICTION_NUMERIC);
  t.is(new Set(numbers).size, numbers.length);
});
