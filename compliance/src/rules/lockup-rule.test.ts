import test from 'ava';
import { checkLockup } from './lockup-rule';
import { ruleTable } from './testing/rule-table';
import { DAY, LOCKUP, NOW, transferInput } from './testing/transfer-input-fixture';

const oneLot = (acquiredAt: number) => ({ lots: [{ amount: 20_000n, acquiredAt }] });

ruleTable(test, 'the lockup rule', 'lockup', checkLockup, [
  ['passes for exactly the units past the lockup', { amount: 12_000n }, 'OK', /12000 of the sender's 20000 units are past the lockup of 7776000 seconds \(90 days\), enough for 12000/],
  ['fails one unit above them and says when enough unlock', { amount: 12_001n }, 'LOCKUP_ACTIVE', /fewer than the 12001 requested; enough will be unlocked at 2026-05-20T00:00:00Z/],
  ['passes for a lot whose lockup ends exactly now', { amount: 20_000n, senderHolding: oneLot(NOW - LOCKUP) }, 'OK'],
  ['fails for a lot whose lockup ends one second from now', { amount: 20_000n, senderHolding: oneLot(NOW - LOCKUP + 1) }, 'LOCKUP_ACTIVE', /unlocked at 2026-03-01T00:00:01Z/],
  ['passes for units acquired this second when there is no lockup', { amount: 20_000n, senderHolding: oneLot(NOW), policy: { lockupSeconds: 0 } }, 'OK'],
  ['fails for more than all lots hold and says they never will', { amount: 25_000n }, 'LOCKUP_ACTIVE', /does not hold that many even once every lot unlocks/],
  ['never counts more unlocked units than the balance', { amount: 20_001n, senderHolding: { lots: [{ amount: 30_000n, acquiredAt: 0 }] } }, 'LOCKUP_ACTIVE', /Only 20000 of/],
]);

test('the lockup verdict does not depend on the order of the lots', (t) => {
  const lots = [
    { amount: 5_000n, acquiredAt: NOW - 5 * DAY },
    { amount: 12_000n, acquiredAt: NOW - 200 * DAY },
    { amount: 3_000n, acquiredAt: NOW - 50 * DAY },
  ];
  const forward = checkLockup(transferInput({ amount: 16_000n, senderHolding: { lots } }));
  const backward = checkLockup(transferInput({ amount: 16_000n, senderHolding: { lots: [...lots].reverse() } }));
  t.deepEqual(forward, backward);
  t.is(forward.details.unlocksEnoughAt, NOW - 5 * DAY + LOCKUP);
});

test('frozen units are attributed to the newest lots first, so the movable amount is the smaller of unlocked and unfrozen', (t) => {
  // 12000 unlocked, 8000 locked. A freeze of 8000 sits on the locked lot: all 12000 unlocked can move.
  t.is(checkLockup(transferInput({ senderHolding: { frozen: 8_000n } })).details.movableNow, '12000');
  // A freeze of 10000 takes all 8000 locked units and 2000 unlocked ones.
  t.is(checkLockup(transferInput({ senderHolding: { frozen: 10_000n } })).details.movableNow, '10000');
  t.is(checkLockup(transferInput({ senderHolding: { frozen: 20_000n } })).details.movableNow, '0');
});
