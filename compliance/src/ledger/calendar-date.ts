const DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/** How problem reports describe a calendar date. */
export const CALENDAR_DATE_FORM = 'a calendar date such as "2026-03-01" (YYYY-MM-DD)';

/** Whether `value` is a real day written `YYYY-MM-DD` (so "2026-02-30" and "2026-13-01" are not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_FORM.test(value)) return false;
  const millis = Date.parse(`${value}T00:00:00.000Z`);
  // Date.parse rolls some impossible days over (Feb 30 to Mar 2); printing it back catches that.
  return !Number.isNaN(millis) && new Date(millis).toISOString().startsWith(value);
}

/** The Unix second at which `date` (already checked with `isCalendarDate`) begins, in UTC. */
export function calendarDateStart(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) / 1000;
}
