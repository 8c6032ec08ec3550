import test from 'ava';
import { fuzzBudget, seedFor } from './fuzz-budget';

test('the budget is fixed by default and taken from TRESTLE_FUZZ_SEED and TRESTLE_FUZZ_RUNS when set', (t) => {
  t.deepEqual(fuzzBudget(200, {}), { seed: 20_260_301, runs: 200 });
  t.deepEqual(fuzzBudget(200, { TRESTLE_FUZZ_SEED: '-7', TRESTLE_FUZZ_RUNS: '5000' }), { seed: -7, runs: 5000 });
  for (const runs of ['0', '1.5', 'many', '-1']) t.throws(() => fuzzBudget(200, { TRESTLE_FUZZ_RUNS: runs }), { instanceOf: RangeError });
});

test('each label gets its own seed, the same on every run', (t) => {
  t.is(seedFor(1, 'a'), seedFor(1, 'a'));
  t.not(seedFor(1, 'a'), seedFor(1, 'b'));
  t.not(seedFor(1, 'a'), seedFor(2, 'a'));
});
