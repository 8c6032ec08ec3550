/** One point of a NavOracle's published haircut schedule. */
export type HaircutPoint = { readonly secondsAfterExpiry: number; readonly haircutBps: number };

/** The NAV's standing against the schedule: where the haircut is and when the next point arrives. */
export type HaircutOutlook =
  | { readonly kind: 'valid'; readonly secondsUntilExpiry: number; readonly firstPoint: HaircutPoint | undefined }
  | { readonly kind: 'haircut'; readonly secondsSinceExpiry: number; readonly next: (HaircutPoint & { readonly secondsUntil: number }) | undefined }
  | { readonly kind: 'written-off' }
  | { readonly kind: 'no-nav' };

/**
 * Where a NAV valid until `validUntil` (Unix seconds) stands at `now` on its oracle's schedule: still
 * valid (and how long), or in its haircut with the next schedule point and the time until it, so
 * an operator sees how many days are left before the price falls further without a fresh valuation.
 */
export function haircutOutlook(nav: { readonly validUntil: number; readonly writtenOff: boolean; readonly updatedAt: number }, schedule: readonly HaircutPoint[], now: number): HaircutOutlook {
  if (nav.writtenOff) return { kind: 'written-off' };
  if (nav.updatedAt === 0) return { kind: 'no-nav' };
  if (now <= nav.validUntil) return { kind: 'valid', secondsUntilExpiry: nav.validUntil - now, firstPoint: schedule[0] };
  const since = now - nav.validUntil;
  const point = schedule.find((candidate) => candidate.secondsAfterExpiry > since);
  return { kind: 'haircut', secondsSinceExpiry: since, next: point === undefined ? undefined : { ...point, secondsUntil: point.secondsAfterExpiry - since } };
}

/** Time since an instant in whole days, rounded down (2 days and an hour ago is "2 day(s) ago"). */
function elapsed(seconds: number): string {
  return seconds < 86_400 ? 'less than a day ago' : `${Math.floor(seconds / 86_400)} day(s) ago`;
}

/** Whole days in `seconds`, rounded up (a step 1 s away is "in 1 day", not "in 0 days"). */
export function daysUp(seconds: number): number {
  return Math.ceil(seconds / 86_400);
}

/** The NAV's outlook in a sentence: what an operator must know about the price's next move. */
export function describeOutlook(outlook: HaircutOutlook): string {
  switch (outlook.kind) {
    case 'no-nav':
      return 'no NAV published yet';
    case 'written-off':
      return 'written off: the oracle prices the collateral at zero';
    case 'valid':
      return `valid for ${daysUp(outlook.secondsUntilExpiry)} more day(s)${outlook.firstPoint === undefined ? '' : `, then a ${outlook.firstPoint.haircutBps / 100}% haircut ${daysUp(outlook.firstPoint.secondsAfterExpiry)} day(s) later unless a new valuation arrives`}`;
    case 'haircut':
      return outlook.next === undefined
        ? `expired ${elapsed(outlook.secondsSinceExpiry)}; at the schedule's last step`
        : `expired ${elapsed(outlook.secondsSinceExpiry)}; next step ${outlook.next.haircutBps / 100}% in ${daysUp(outlook.next.secondsUntil)} day(s)`;
  }
}
