import test from 'ava';
import { isJurisdiction, JURISDICTIONS } from './jurisdiction';

test('the jurisdiction list is 249 sorted, distinct two-letter codes', (t) => {
  t.is(JURISDICTIONS.length, 249);
  t.deepEqual([...JURISDICTIONS], [...new Set(JURISDICTIONS)].sort());
  for (const code of JURISDICTIONS) t.regex(code, /^[A-Z]{2}$/);
});

test('assigned codes are jurisdictions; user-assigned, reserved and lower-case ones are not', (t) => {
  for (const code of ['CH', 'DE', 'GB', 'US', 'KP']) t.true(isJurisdiction(code), code);
  for (const code of ['XK', 'UK', 'EU', 'ch', 'CHE', '', 41]) t.false(isJurisdiction(code), String(code));
});
