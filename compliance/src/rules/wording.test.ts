import test from 'ava';
import { duration, instant, joined, listed, units } from './wording';

test('instants read as UTC to the second, followed by the Unix seconds', (t) => {
  t.is(instant(1_772_323_200), '2026-03-01T00:00:00Z (Unix 1772323200)');
  t.is(instant(0), '1970-01-01T00:00:00Z (Unix 0)');
});

test('an instant beyond the calendar range is given in seconds instead of throwing', (t) => {
  t.is(instant(Number.MAX_SAFE_INTEGER), 'Unix time 9007199254740991');
});

test('lists are sorted and joined, and long ones counted', (t) => {
  t.is(listed(['LI', 'CH', 'DE'], 'jurisdictions'), 'CH, DE and LI');
  t.is(listed(['CH'], 'jurisdictions'), 'CH');
  t.is(listed([], 'jurisdictions'), 'no jurisdictions');
  t.is(listed(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'], 'jurisdictions'), '9 jurisdictions');
  t.is(joined(['b', 'a']), 'b and a');
});

test('amounts read as units with the right number', (t) => {
  t.is(units(1n), '1 unit');
  t.is(units(0n), '0 units');
  t.is(units(12_000n), '12000 units');
});

test('durations of whole days also say the days', (t) => {
  t.is(duration(7_776_000), '7776000 seconds (90 days)');
  t.is(duration(86_400), '86400 seconds (1 day)');
  t.is(duration(90), '90 seconds');
  t.is(duration(0), '0 seconds');
});
