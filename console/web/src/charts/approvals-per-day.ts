import type { AuditRecord } from '../types';
import type { Bar } from './bar-chart';

// The ledger audits the approval that completes four-eyes under what it caused (settled or
// escrowed, or failed at that step), not as "approved"; each of those is one approval too.
const APPROVALS = new Set(['transfer-approved', 'transfer-settled', 'transfer-failed-at-settlement', 'bridge-out-approved', 'bridge-out-escrowed', 'bridge-out-failed-at-approval']);

/** Approvals (transfers and bridge-outs) per UTC day over the `days` days ending with `lastDay` (YYYY-MM-DD). */
export function approvalsPerDayBars(records: readonly AuditRecord[], lastDay: string, days: number): Bar[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    if (!APPROVALS.has(record.action)) continue;
    const day = record.at.slice(0, 10);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  const bars: Bar[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    const day = new Date(end - back * 86_400_000).toISOString().slice(0, 10);
    bars.push({ label: day.slice(5), value: counts.get(day) ?? 0 });
  }
  return bars;
}
