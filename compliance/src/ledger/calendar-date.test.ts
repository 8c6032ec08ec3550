import test from 'ava';
import { calendarDateStart, isCalendarDate } from './calendar-date';

test('real days written YYYY-MM-DD are calendar dates; impossible or differently written days are not', (t) => {
  for (const value of ['2026-03-01', '2024-02-29', '1900-01-01', '9999-12-31']) t.true(isCalendarDate(value), value);
  for (const value of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-01', '01.03.2026', '2026-03-01T00:00:00Z', '', 20260301, null]) t.false(isCalendarDate(value), String(value));
});

test('a date starts at midnight UTC', (t) => {
  t.is(calendarDateStart('2026-03-01'), Date.UTC(2026, 2, 1) / 1000);
});
