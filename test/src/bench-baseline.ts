import { CHAINCODE_EXECUTION_LABEL, formatGas, LEDGER_GROWTH_LABEL } from './bench-report';

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

/** The p50 of each latency series of a results.json (its `latencyMs`), or an empty map for a run that measured none. */
export function readLatencyP50(json: unknown): Record<string, number> {
  const latency = (json as { latencyMs?: unknown } | null)?.latencyMs;
  if (typeof latency !== 'object' || latency === null) return {};
  const p50s: Record<string, number> = {};
  for (const [name, summary] of Object.entries(latency as Record<string, unknown>)) {
    const p50 = (summary as { p50?: unknown } | null)?.p50;
    if (typeof p50 === 'number' && Number.isFinite(p50)) p50s[name] = p50;
  }
  return p50s;
}

/** The latency part of the comparison: p50 now and then, as a ratio, read with the machine's noise in mind. */
export function renderLatencyBaselineSection(rows: readonly BaselineRow[], baselineDate: string): string {
  const cell = (ms: number | undefined) => (ms === undefined ? '–' : `${ms} ms`);
  return [
    `### Latency p50 against the baseline (${baselineDate})`,
    '',
    'Times on a shared 2-core machine: a ratio within about ±30% is noise; beyond it, look at the change.',
    '',
    '| latency | baseline | this run | ratio |',
    '| --- | --: | --: | --: |',
    ...rows.map((r) => `| ${r.name} | ${cell(r.baseline)} | ${cell(r.current)} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(2)}x`} |`),
    '',
  ].join('\n');
}

/**
 * The compliant/plain ratios of a results.json's compliance-overhead figures (its
 * `chaincodeOverhead.ratios`), as `chaincodeOverhead.<ratio>`; an empty map for a run that measured none.
 */
export function readChaincodeRatios(json: unknown): Record<string, number> {
  const ratios = (json as { chaincodeOverhead?: { ratios?: unknown } } | null)?.chaincodeOverhead?.ratios;
  if (typeof ratios !== 'object' || ratios === null) return {};
  const read: Record<string, number> = {};
  for (const [name, value] of Object.entries(ratios as Record<string, unknown>)) {
    if (typeof value === 'number' && Number.isFinite(value)) read[`chaincodeOverhead.${name}`] = value;
  }
  return read;
}

/**
 * The compliance-overhead part of the comparison: only the compliant/plain ratios, never the times,
 * which follow the shared machine's load; both sides of a ratio ran alternately in one process, so
 * most of that load cancels out.
 */
export function renderChaincodeRatioBaselineSection(rows: readonly BaselineRow[], baselineDate: string): string {
  const cell = (ratio: number | undefined) => (ratio === undefined ? '–' : ratio.toFixed(3));
  return [
    `### Compliance-overhead ratios against the baseline (${baselineDate})`,
    '',
    `${CHAINCODE_EXECUTION_LABEL}. Only the compliant/plain ratios are compared, not times: times follow the shared machine's load, a ratio of two workloads run alternately far less. On the shared 2-core machine, repeats of the workload alone varied by about ±10% and \`--quick\` (fewer pairs) read 10–20% above full runs, but the same workload inside \`npm run bench\` (more garbage collection) read 1.5x its figure alone: compare runs of the same length, and read a change short of 1.5x as noise.`,
    '',
    '| ratio | baseline | this run | this run / baseline |',
    '| --- | --: | --: | --: |',
    ...rows.map((r) => `| ${r.name} | ${cell(r.baseline)} | ${cell(r.current)} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(2)}x`} |`),
    '',
  ].join('\n');
}

/** The per-1,000 ledger-growth figures of one results.json and the number of transfers they were scaled from. */
export interface LedgerGrowthFiguresRead {
  readonly n: number;
  /** `ledgerGrowth.<compliant|plainMove>.<figure>` to its per-1,000 value. */
  readonly figures: Record<string, number>;
}

/** The ledger-growth figures of a results.json (its `ledgerGrowth.<kind>.perThousand`), or undefined for a run that measured none. */
export function readLedgerGrowth(json: unknown): LedgerGrowthFiguresRead | undefined {
  const growth = (json as { ledgerGrowth?: unknown } | null)?.ledgerGrowth as Record<string, unknown> | null | undefined;
  if (typeof growth !== 'object' || growth === null || typeof growth.n !== 'number') return undefined;
  const figures: Record<string, number> = {};
  for (const kind of ['compliant', 'plainMove']) {
    const perThousand = (growth[kind] as { perThousand?: unknown } | null | undefined)?.perThousand;
    if (typeof perThousand !== 'object' || perThousand === null) continue;
    for (const [name, value] of Object.entries(perThousand as Record<string, unknown>)) {
      if (typeof value === 'number' && Number.isFinite(value)) figures[`ledgerGrowth.${kind}.${name}`] = value;
    }
  }
  return { n: growth.n, figures };
}

/**
 * The ledger-growth part of the comparison. Bytes are deterministic (same code, same world, same
 * figures), so like gas any ratio off 1.000 is a real change in what the chaincode writes; but they
 * are scaled from the run's length and write sets grow per transfer, so runs of different lengths
 * (`--quick` against a full baseline) differ by design, and the section says so.
 */
export function renderLedgerGrowthBaselineSection(rows: readonly BaselineRow[], baselineDate: string, transfers: { readonly baseline: number | undefined; readonly current: number | undefined }): string {
  const heading = `### Ledger growth per 1,000 transfers against the baseline (${baselineDate})`;
  // A row per figure, every one "–", says less than one sentence.
  if (transfers.baseline === undefined) return [heading, '', 'The baseline has no ledger-growth figures; a run saved with `--save-baseline` adds them.', ''].join('\n');
  const cell = (value: number | undefined) => (value === undefined ? '–' : formatGas(value));
  const differentLength =
    transfers.baseline !== undefined && transfers.current !== undefined && transfers.baseline !== transfers.current
      ? ` The baseline ran ${transfers.baseline} transfers and this run ${transfers.current}: write sets and events grow with each transfer, so their per-1,000 figures differ by design; only runs of the same length compare.`
      : '';
  return [
    heading,
    '',
    `${LEDGER_GROWTH_LABEL}. Bytes and key counts are deterministic: a ratio off 1.000 is a change in what the chaincode writes, not noise.${differentLength}`,
    '',
    '| figure | baseline | this run | ratio |',
    '| --- | --: | --: | --: |',
    ...rows.map((r) => `| ${r.name} | ${cell(r.baseline)} | ${cell(r.current)} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(3)}x`} |`),
    '',
  ].join('\n');
}
