import test from 'ava';
import fc from 'fast-check';
import type { Holding } from '../ledger/holding';
import { moveUnits, unitsHeld } from './move-units';

const ids = (investorId: string) => ({ assetId: 'ZOB', investorId, bankMsp: 'BankAMSP' });
const holding = (investorId: string, lots: Array<[number, number]>, frozen = 0n): Holding => {
  const parts = lots.map(([amount, acquiredAt]) => ({ amount: BigInt(amount), acquiredAt }));
  return { ...ids(investorId), balance: parts.reduce((sum, lot) => sum + lot.amount, 0n), frozen, escrowed: 0n, lots: parts };
};

test('the oldest lots go first, a lot taken in part keeps its acquisition time', (t) => {
  const sender = holding('A', [[30, 300], [10, 100], [20, 200]]);
  const moved = moveUnits(sender, undefined, ids('B'), 25n, 1_000, 'keep');
  t.deepEqual(moved.sender?.lots, [{ amount: 5n, acquiredAt: 200 }, { amount: 30n, acquiredAt: 300 }]);
  t.is(moved.sender?.balance, 35n);
  t.deepEqual(moved.receiver, { ...ids('B'), balance: 25n, frozen: 0n, escrowed: 0n, lots: [{ amount: 25n, acquiredAt: 1_000 }] });
});

test('the receiver keeps its lots and gains one acquired at the move', (t) => {
  const moved = moveUnits(holding('A', [[10, 1]]), holding('B', [[7, 2]]), ids('B'), 10n, 9, 'keep');
  t.deepEqual(moved.receiver.lots, [{ amount: 7n, acquiredAt: 2 }, { amount: 10n, acquiredAt: 9 }]);
  t.is(moved.sender, null, 'a holding moved to zero is dropped');
});

test('a transfer moves only unfrozen units and leaves the freeze whole; a forced transfer takes frozen units first', (t) => {
  const sender = holding('A', [[100, 1]], 60n);
  t.throws(() => moveUnits(sender, undefined, ids('B'), 41n, 2, 'keep'), { instanceOf: RangeError });
  t.is(moveUnits(sender, undefined, ids('B'), 40n, 2, 'keep').sender?.frozen, 60n);
  t.is(moveUnits(sender, undefined, ids('B'), 50n, 2, 'take-first').sender?.frozen, 10n);
  t.is(moveUnits(sender, undefined, ids('B'), 100n, 2, 'take-first').sender, null);
});

test('any move keeps the units of the two holdings and their lots in step', (t) => {
  const lots = fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 6 });
  fc.assert(
    fc.property(lots, fc.nat(), fc.boolean(), (senderLots, pick, forced) => {
      const sender = holding('A', senderLots);
      const amount = BigInt(1 + (pick % Number(sender.balance)));
      const moved = moveUnits(sender, holding('B', [[5, 0]]), ids('B'), amount, 99, forced ? 'take-first' : 'keep');
      const after = [moved.receiver, ...(moved.sender === null ? [] : [moved.sender])];
      const lotSum = (h: Holding) => h.lots.reduce((sum, lot) => sum + lot.amount, 0n);
      return unitsHeld(after) === sender.balance + 5n && after.every((h) => lotSum(h) === h.balance);
    }),
  );
  t.pass();
});
