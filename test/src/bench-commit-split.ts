/**
 * How much of a bridge round trip was spent waiting for the two ledgers' own commits: the time
 * inside the round during which at least one Fabric transaction of the validators was being
 * endorsed, ordered and committed, or an EVM transaction awaited its receipt. The rest is the
 * bridge's own overhead (polling passes, queries, signing, the bench's own polls). Pure functions;
 * the clock that records the intervals is test/bench/bridge/commit-clock.ts.
 */
import { percentile, type LatencySeries } from './bench-report';

/** A ledger transaction from send to commit (Fabric: submit returned; EVM: receipt seen), in performance.now() milliseconds. */
export interface CommitInterval {
  readonly ledger: 'fabric' | 'evm';
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Milliseconds of [fromMs, toMs] covered by at least one of `intervals` (their union, clipped to
 * the window): overlapping transactions, such as two banks' signatures submitted side by side,
 * count once.
 */
export function coveredMs(intervals: readonly CommitInterval[], fromMs: number, toMs: number): number {
  const clipped = intervals
    .map((interval) => [Math.max(interval.startMs, fromMs), Math.min(interval.endMs, toMs)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = fromMs;
  for (const [start, end] of clipped) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}

/** A round's total split into the ledgers' commit waits and the rest. */
export interface CommitSplit {
  readonly totalMs: number;
  readonly commitMs: number;
  readonly overheadMs: number;
}

export function splitRound(intervals: readonly CommitInterval[], fromMs: number, toMs: number): CommitSplit {
  const totalMs = toMs - fromMs;
  const commitMs = coveredMs(intervals, fromMs, toMs);
  return { totalMs, commitMs, overheadMs: totalMs - commitMs };
}

/** Issue 6's goal: the bridge adds under 1 s at p50 above the ledgers' commit times. */
export const BRIDGE_OVERHEAD_GOAL_MS = 1_000;

/**
 * The goal's sentence for each `<name>.overhead` series in `series` (p50 against the goal), or
 * nothing when the run measured none.
 */
export function bridgeOverheadFindings(series: readonly LatencySeries[]): string[] {
  return series
    .filter((entry) => entry.name.endsWith('.overhead'))
    .map((entry) => {
      const p50 = Math.round(percentile(entry.samplesMs, 50));
      const total = series.find((candidate) => candidate.name === entry.name.slice(0, -'.overhead'.length));
      const of = total === undefined ? '' : ` of ${Math.round(percentile(total.samplesMs, 50))} ms end to end`;
      return `Bridge overhead above the ledgers' commits, ${entry.name.slice(0, -'.overhead'.length)}: p50 ${p50} ms${of}; goal under ${BRIDGE_OVERHEAD_GOAL_MS} ms at p50: ${p50 < BRIDGE_OVERHEAD_GOAL_MS ? 'met' : 'NOT met'}.`;
    });
}
