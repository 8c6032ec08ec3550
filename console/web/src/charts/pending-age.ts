import type { Bar } from './bar-chart';

// Buckets an officer reads at a glance: fresh, today, this week, older, and overdue.
const BUCKETS: ReadonlyArray<{ readonly label: string; readonly upToHours: number }> = [
  { label: '< 1 h', upToHours: 1 },
  { label: '1–24 h', upToHours: 24 },
  { label: '1–7 d', upToHours: 24 * 7 },
  { label: '7–30 d', upToHours: 24 * 30 },
  { label: '> 30 d', upToHours: Number.POSITIVE_INFINITY },
];

/** How many pending items have waited how long, from their `requestedAt` and the browser's clock. */
export function pendingAgeBars(requestedAt: readonly string[], now: number): Bar[] {
  const counts = BUCKETS.map(() => 0);
  for (const at of requestedAt) {
    const hours = Math.max(0, now - Date.parse(at)) / 3_600_000;
    // The last bucket is unbounded, so only an unparsable date finds none; it counts as oldest.
    const found = BUCKETS.findIndex((bucket) => hours < bucket.upToHours);
    const index = found === -1 ? BUCKETS.length - 1 : found;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return BUCKETS.map((bucket, index) => ({ label: bucket.label, value: counts[index] ?? 0 }));
}
