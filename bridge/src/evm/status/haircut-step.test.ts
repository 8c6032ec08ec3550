import test from 'ava';
import { daysUp, haircutOutlook } from './haircut-step';

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
