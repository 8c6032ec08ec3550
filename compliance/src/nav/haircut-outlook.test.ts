import test from 'ava';
import { daysUp, describeOutlook, haircutOutlook } from './haircut-outlook';

const DAY = 86_400;
const SCHEDULE = [
  { secondsAfterExpiry: DAY, haircutBps: 1_000 },
  { secondsAfterExpiry: 7 * DAY, haircutBps: 5_000 },
];
const NAV = { validUntil: 1_000_000, writtenOff: false, updatedAt: 900_000 };

test('a valid NAV says how long it has; an expired one, the next schedule point and the days until it', (t) => {
  t.deepEqual(haircutOutlook(NAV, SCHEDULE, NAV.validUntil - 10), { kind: 'valid', secondsUntilExpiry: 10, firstPoint: SCHEDULE[0] });
  t.deepEqual(haircutOutlook(NAV, SCHEDULE, NAV.validUntil + DAY / 2), { kind: 'haircut', secondsSinceExpiry: DAY / 2, next: { ...SCHEDULE[0]!, secondsUntil: DAY / 2 } });
  t.deepEqual(haircutOutlook(NAV, SCHEDULE, NAV.validUntil + DAY), { kind: 'haircut', secondsSinceExpiry: DAY, next: { ...SCHEDULE[1]!, secondsUntil: 6 * DAY } }, 'at a point, the next one');
  t.deepEqual(haircutOutlook(NAV, SCHEDULE, NAV.validUntil + 8 * DAY), { kind: 'haircut', secondsSinceExpiry: 8 * DAY, next: undefined }, 'past the last point');
  t.deepEqual(haircutOutlook({ ...NAV, writtenOff: true }, SCHEDULE, 0), { kind: 'written-off' });
  t.deepEqual(haircutOutlook({ ...NAV, updatedAt: 0 }, SCHEDULE, 0), { kind: 'no-nav' });
  t.deepEqual([daysUp(1), daysUp(DAY), daysUp(DAY + 1)], [1, 1, 2]);
});

test('the outlook in a sentence: days left round up, days since expiry round down', (t) => {
  t.is(describeOutlook(haircutOutlook(NAV, SCHEDULE, NAV.validUntil - DAY - 1)), 'valid for 2 more day(s), then a 10% haircut 1 day(s) later unless a new valuation arrives');
  t.is(describeOutlook(haircutOutlook(NAV, SCHEDULE, NAV.validUntil + 3_600)), 'expired less than a day ago; next step 10% in 1 day(s)');
  t.is(describeOutlook(haircutOutlook(NAV, SCHEDULE, NAV.validUntil + 2 * DAY + 10)), 'expired 2 day(s) ago; next step 50% in 5 day(s)');
  t.is(describeOutlook(haircutOutlook(NAV, SCHEDULE, NAV.validUntil + 8 * DAY)), "expired 8 day(s) ago; at the schedule's last step");
  t.is(describeOutlook({ kind: 'written-off' }), 'written off: the oracle prices the collateral at zero');
});
