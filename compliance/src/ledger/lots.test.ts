import test from 'ava';
import fc from 'fast-check';
import { unlockedUnits } from '../rules/lot-schedule';
import type { Lot } from '../rules/transfer-check-input';
import { addLot, LOT_LIMIT } from './lots';

const total = (lots: readonly Lot[]) => lots.reduce((sum, lot) => sum + lot.amount, 0n);

test('units acquired in the same second as the newest lot join it; another second is a new lot', (t) => {
  const lots: Lot[] = [{ amount: 5n, acquiredAt: 100 }];
  t.deepEqual(addLot(lots, 3n, 100), [{ amount: 8n, acquiredAt: 100 }]);
  t.deepEqual(addLot(lots, 3n, 101), [{ amount: 5n, acquiredAt: 100 }, { amount: 3n, acquiredAt: 101 }]);
  t.deepEqual(addLot([], 7n, 42), [{ amount: 7n, acquiredAt: 42 }]);
});

test('past LOT_LIMIT the two oldest lots become one, dated at the later of the two; the count stays at the limit', (t) => {
  const full: Lot[] = Array.from({ length: LOT_LIMIT }, (_, i) => ({ amount: BigInt(i + 1), acquiredAt: 1_000 + i }));
  const next = addLot(full, 9n, 5_000);
  t.is(next.length, LOT_LIMIT);
  t.deepEqual(next[0], { amount: 3n, acquiredAt: 1_001 });
  t.deepEqual(next.at(-1), { amount: 9n, acquiredAt: 5_000 });
  t.is(total(next), total(full) + 9n);
});

test('a holder receiving 5,000 times keeps at most LOT_LIMIT lots and every unit', (t) => {
  let lots: Lot[] = [];
  for (let i = 0; i < 5_000; i += 1) lots = addLot(lots, 2n, i);
  t.is(lots.length, LOT_LIMIT);
  t.is(total(lots), 10_000n);
});

test('bounding never unlocks a unit earlier than the lots it merged would have, under any lockup and at any time', (t) => {
  const lot = fc.record({ amount: fc.bigInt({ min: 1n, max: 1_000n }), acquiredAt: fc.integer({ min: 0, max: 10_000 }) });
  fc.assert(
    fc.property(fc.array(lot, { minLength: LOT_LIMIT, maxLength: LOT_LIMIT }), lot, fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 20_000 }), (lots, added, lockup, now) => {
      const bounded = addLot(lots, added.amount, added.acquiredAt);
      const unbounded = [...lots, added];
      const balance = total(unbounded);
      return total(bounded) === balance && bounded.length <= LOT_LIMIT && unlockedUnits(bounded, balance, lockup, now) <= unlockedUnits(unbounded, balance, lockup, now);
    }),
    { numRuns: 200, seed: 20261126 },
  );
  t.pass();
});
