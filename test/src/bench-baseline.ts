import { formatGas } from './bench-report';

/** One operation's gas now and in the committed baseline. */
export interface BaselineRow {
  readonly name: string;
  readonly baseline: number | undefined;
  readonly current: number | undefined;
  /** current / baseline; undefined when either side lacks the operation. */
  readonly ratio: number | undefined;
}

/** The `gas` map of a results.json, validated; anything else is refused with a sentence. */
export function readGasMap(json: unknown, source: string): Record<string, number> {
  const gas = (json as { gas?: unknown } | null)?.gas;
  if (typeof gas !== 'object' || gas === null) throw new Error(`${source} has no "gas" object`);
  const entries = Object.entries(gas as Record<string, unknown>);
  for (const [name, value] of entries) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${source}: gas of "${name}" is not a number`);
  }
  return Object.fromEntries(entries) as Record<string, number>;
}

/**
 * Pairs every operation of either run, sorted by name. Gas is deterministic on the devnet up to
 * calldata zero bytes, so ratios near 1.00 mean "unchanged" and anything else is a real change.
 */
export function compareWithBaseline(current: Record<string, number>, baseline: Record<string, number>): BaselineRow[] {
  const names = [...new Set([...Object.keys(current), ...Object.keys(baseline)])].sort();
  return names.map((name) => {
    const now = current[name];
    const then = baseline[name];
    return { name, baseline: then, current: now, ratio: now !== undefined && then !== undefined && then > 0 ? now / then : undefined };
  });
}

/** The comparison section of report.md. */
export function renderBaselineSection(rows: readonly BaselineRow[], baselineDate: string): string {
  const cell = (gas: number | undefined) => (gas === undefined ? '–' : formatGas(gas));
  const lines = [
    `## Compared with the committed baseline (${baselineDate})`,
    '',
    'Ratio = this run / baseline (gas, not time, so the shared machine does not add noise).',
    '',
    '| operation | baseline | this run | ratio |',
    '| --- | --: | --: | --: |',
    ...rows.map((r) => `| ${r.name} | ${cell(r.baseline)} | ${cell(r.current)} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(3)}x`} |`),
    '',
  ];
  return lines.join('\n');
}
