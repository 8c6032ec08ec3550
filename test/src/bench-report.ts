/**
 * The gas benchmark's report: ratios, goals, `results.json` and the markdown and console tables.
 * Pure functions over measured numbers; the measuring lives in `test/bench/gas/`.
 */

/** One measured transaction. */
export interface GasMeasurement {
  /** Stable key in results.json, e.g. `gateway.mint.2of3.repeat`. */
  readonly name: string;
  /** What a person reads in the table. */
  readonly label: string;
  /** The receipt's `gasUsed`. */
  readonly gasUsed: bigint;
  /** A figure measured earlier for context (DESIGN §10 or the issue), with where it comes from. */
  readonly reference?: { readonly gas: bigint; readonly source: string };
}

/** One Morpho Blue call on the ERC-3643 market next to the same call on the plain ERC-20 market. */
export interface MorphoComparison {
  /** Stable key, e.g. `supplyCollateral`; results.json names it `morpho.<call>.erc3643` / `.plain`. */
  readonly call: string;
  readonly label: string;
  readonly erc3643: bigint;
  readonly plain: bigint;
  /** Plain Morpho Blue on a local node, measured earlier. */
  readonly reference?: bigint;
}

/** A goal the issue sets: a gas ceiling for one operation, or a ceiling on an ERC-3643 / plain ratio. */
export type GoalSpec =
  | { readonly kind: 'gas-below'; readonly description: string; readonly measurement: string; readonly limit: bigint }
  | { readonly kind: 'ratio-below'; readonly description: string; readonly call: string; readonly limit: number };

export interface GoalResult {
  readonly description: string;
  /** Gas, or the ratio for ratio goals. */
  readonly measured: number;
  readonly limit: number;
  readonly unit: 'gas' | 'ratio';
  readonly met: boolean;
}

export interface Machine {
  readonly cpus: number;
  readonly model: string;
  readonly memoryGiB: number;
  readonly node: string;
  /** The 1, 5 and 15 minute load averages when the run started and when it ended (other work on a shared machine shows here). */
  readonly loadAverage?: { readonly start: readonly number[]; readonly end: readonly number[] };
}

/** A latency measured round by round, in milliseconds. */
export interface LatencySeries {
  /** Stable key in results.json, e.g. `bridge.approvalToMint`. */
  readonly name: string;
  readonly label: string;
  readonly samplesMs: readonly number[];
}

/** A latency section of the report: what was measured, under which conditions. */
export interface LatencySection {
  readonly title: string;
  readonly note: string;
  readonly series: readonly LatencySeries[];
  /** Sentences under the table, such as a goal and whether it was met. */
  readonly findings?: readonly string[];
}

/** One resource figure: a start-up time or a process's memory. */
export interface FootprintFigure {
  /** Stable key in results.json, e.g. `devnet.rssIdleMiB`. */
  readonly name: string;
  readonly label: string;
  readonly value: number;
  readonly unit: 'ms' | 's' | 'MiB';
}

/** The `p`-th percentile (0–100) of `samples` by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** n, p50, p95 and max of a series, in whole milliseconds (one decimal below 10 ms). */
export function latencySummary(series: LatencySeries): { n: number; p50: number; p95: number; max: number } {
  const round = (ms: number) => (ms < 10 ? Math.round(ms * 10) / 10 : Math.round(ms));
  return { n: series.samplesMs.length, p50: round(percentile(series.samplesMs, 50)), p95: round(percentile(series.samplesMs, 95)), max: round(percentile(series.samplesMs, 100)) };
}

/**
 * What `npm run bench` says wherever it shows the compliance-overhead figures: they time the
 * chaincode's own execution on the in-process stub, not a Fabric network.
 */
export const CHAINCODE_EXECUTION_LABEL = 'Chaincode execution on the in-process stub: no endorsement, ordering or commit; ratios, not Fabric throughput';

/** Raw timings of the compliance-overhead workload, in milliseconds, one entry per flow or transaction. */
export interface ChaincodeOverheadSamples {
  /** Compliant transfers measured (and plain moves: the same number). */
  readonly n: number;
  /** Flows and moves run first and not measured, so the JIT has compiled the paths measured. */
  readonly warmup: number;
  /** Transactions in one compliant flow (request, approvals, the settling approval). */
  readonly transactionsPerFlow: number;
  /** Units each transfer and each plain move carries. */
  readonly units: string;
  /** One sum of its transactions' times per compliant flow. */
  readonly flowsMs: readonly number[];
  readonly requestMs: readonly number[];
  /** Approvals that do not settle (every one but the last of a flow). */
  readonly approveMs: readonly number[];
  /** The approval that settles: rules again, units and lots moved. */
  readonly settleMs: readonly number[];
  readonly plainMoveMs: readonly number[];
}

/** n, p50 and p95 in milliseconds (three decimals: these are sub-millisecond figures) and the rate per second over the summed time. */
export interface RateSummary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly perSecond: number;
}

/** The compliance-overhead figures as results.json carries them. */
export interface ChaincodeOverheadSummary {
  readonly label: string;
  readonly warmup: number;
  readonly units: string;
  readonly transactionsPerFlow: number;
  readonly compliantFlow: RateSummary;
  readonly plainMove: RateSummary;
  readonly transactions: { readonly request: RateSummary; readonly approve: RateSummary; readonly settle: RateSummary; readonly plainMove: RateSummary };
  /** Every compliant transaction per second, against plain moves per second. */
  readonly compliantTransactionsPerSecond: number;
  readonly ratios: {
    /** Compliant transfers per second / plain moves per second: issue 4's ratio, here for chaincode execution only. */
    readonly flowThroughput: number;
    /** Settling approvals per second / plain moves per second: the settlement's own cost against the move it wraps. */
    readonly settleThroughput: number;
  };
}

/** Rounds to three decimals (microseconds for milliseconds). */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Samples per second over their summed time; NaN when there are none. */
function ratePerSecond(samplesMs: readonly number[], count = samplesMs.length): number {
  const totalMs = samplesMs.reduce((sum, ms) => sum + ms, 0);
  return samplesMs.length === 0 || totalMs <= 0 ? Number.NaN : (count / totalMs) * 1000;
}

function rateSummary(samplesMs: readonly number[]): RateSummary {
  return { n: samplesMs.length, p50: round3(percentile(samplesMs, 50)), p95: round3(percentile(samplesMs, 95)), perSecond: Math.round(ratePerSecond(samplesMs)) };
}

/**
 * Percentiles, rates and ratios of the compliance-overhead workload. Rates are counts over summed
 * execution time (the workload runs one transaction at a time, so this is its throughput); ratios
 * are taken on the unrounded rates.
 */
export function summarizeChaincodeOverhead(samples: ChaincodeOverheadSamples): ChaincodeOverheadSummary {
  const plainRate = ratePerSecond(samples.plainMoveMs);
  const plainMove = rateSummary(samples.plainMoveMs);
  return {
    label: CHAINCODE_EXECUTION_LABEL,
    warmup: samples.warmup,
    units: samples.units,
    transactionsPerFlow: samples.transactionsPerFlow,
    compliantFlow: rateSummary(samples.flowsMs),
    plainMove,
    transactions: { request: rateSummary(samples.requestMs), approve: rateSummary(samples.approveMs), settle: rateSummary(samples.settleMs), plainMove },
    compliantTransactionsPerSecond: Math.round(ratePerSecond(samples.flowsMs, samples.flowsMs.length * samples.transactionsPerFlow)),
    ratios: { flowThroughput: round3(ratePerSecond(samples.flowsMs) / plainRate), settleThroughput: round3(ratePerSecond(samples.settleMs) / plainRate) },
  };
}

/**
 * What `npm run bench` says wherever it shows the ledger-growth figures (issue 9): they are the
 * bytes the chaincode hands the ledger on the in-process stub, not a Fabric block store.
 */
export const LEDGER_GROWTH_LABEL =
  "Bytes the chaincode writes (state, write sets, events) on the in-process stub; a Fabric block also carries each transaction's signed proposal, endorsements and certificates (not measured here), and a state database adds its own overhead";

/** Keys and their bytes (UTF-8 key plus value) in one key–value store. */
export interface StoreSize {
  readonly keys: number;
  readonly bytes: number;
}

/** What one run of transfers (or of plain moves) on one world wrote, summed over its transactions. */
export interface LedgerGrowthTotals {
  /** Transfers (or plain moves) run. */
  readonly count: number;
  /** Transactions they took. */
  readonly transactions: number;
  readonly stateBefore: StoreSize;
  readonly stateAfter: StoreSize;
  readonly privateBefore: StoreSize;
  readonly privateAfter: StoreSize;
  /** Public write sets: each key's last write per transaction, key plus value (a delete, its key). */
  readonly writeSetBytes: number;
  readonly keysWritten: number;
  readonly keysDeleted: number;
  /** Private data written (key plus value), which a block carries only as hashes. */
  readonly privateWriteSetBytes: number;
  /** The last event of each transaction (the one Fabric keeps), name plus payload. */
  readonly eventBytes: number;
  /** Write-set bytes of the first and of the last transfer (all its transactions): the receiver's holding grows a lot per transfer. */
  readonly firstWriteSetBytes: number;
  readonly lastWriteSetBytes: number;
}

/** The ledger-growth workload's totals: compliant transfers and plain moves, each on its own world. */
export interface LedgerGrowthSamples {
  /** Transfers run (and plain moves: the same number). */
  readonly n: number;
  /** Units each transfer and each move carries. */
  readonly units: string;
  readonly compliant: LedgerGrowthTotals;
  readonly plainMove: LedgerGrowthTotals;
}

/** Figures of one kind of flow, all in bytes except the key counts. */
export interface LedgerGrowthFigures {
  readonly stateGrowthBytes: number;
  readonly keysAdded: number;
  readonly privateStateGrowthBytes: number;
  readonly writeSetBytes: number;
  readonly keysWritten: number;
  readonly keysDeleted: number;
  readonly privateWriteSetBytes: number;
  readonly eventBytes: number;
}

/** One kind of flow, scaled to 1,000 and averaged per flow. */
export interface LedgerGrowthKind {
  readonly transactionsPerFlow: number;
  readonly perThousand: LedgerGrowthFigures;
  /** Averages, one decimal. */
  readonly perFlow: LedgerGrowthFigures;
  readonly firstWriteSetBytes: number;
  readonly lastWriteSetBytes: number;
}

/** The ledger-growth figures as results.json carries them. */
export interface LedgerGrowthSummary {
  readonly label: string;
  readonly n: number;
  readonly units: string;
  readonly compliant: LedgerGrowthKind;
  readonly plainMove: LedgerGrowthKind;
  /** Compliant over plain, per flow, three decimals; null where the plain move wrote none. */
  readonly ratios: { readonly stateGrowth: number | null; readonly writeSet: number | null; readonly events: number | null };
}

function growthFigures(totals: LedgerGrowthTotals, scale: (value: number) => number): LedgerGrowthFigures {
  return {
    stateGrowthBytes: scale(totals.stateAfter.bytes - totals.stateBefore.bytes),
    keysAdded: scale(totals.stateAfter.keys - totals.stateBefore.keys),
    privateStateGrowthBytes: scale(totals.privateAfter.bytes - totals.privateBefore.bytes),
    writeSetBytes: scale(totals.writeSetBytes),
    keysWritten: scale(totals.keysWritten),
    keysDeleted: scale(totals.keysDeleted),
    privateWriteSetBytes: scale(totals.privateWriteSetBytes),
    eventBytes: scale(totals.eventBytes),
  };
}

function growthKind(totals: LedgerGrowthTotals): LedgerGrowthKind {
  if (totals.count <= 0) throw new RangeError(`ledger growth needs at least one flow, got ${totals.count}`);
  return {
    transactionsPerFlow: totals.transactions / totals.count,
    perThousand: growthFigures(totals, (value) => Math.round((value * 1000) / totals.count)),
    perFlow: growthFigures(totals, (value) => Math.round((value * 10) / totals.count) / 10),
    firstWriteSetBytes: totals.firstWriteSetBytes,
    lastWriteSetBytes: totals.lastWriteSetBytes,
  };
}

/** `compliant / plain` to three decimals, null when the plain side is not positive. */
function byteRatio(compliant: number, plain: number): number | null {
  return plain > 0 ? round3(compliant / plain) : null;
}

/**
 * Per-1,000 and per-flow figures of the ledger-growth workload, scaled from the flows run. The
 * receiver's holding gains a lot per transfer and is rewritten by each, so later flows write more
 * and a shorter run reads lower per 1,000 than a longer one: compare runs of the same length.
 */
export function summarizeLedgerGrowth(samples: LedgerGrowthSamples): LedgerGrowthSummary {
  const compliant = growthKind(samples.compliant);
  const plainMove = growthKind(samples.plainMove);
  // On the unrounded averages, not the rounded figures shown.
  const compliantAverage = growthFigures(samples.compliant, (value) => value / samples.compliant.count);
  const plainAverage = growthFigures(samples.plainMove, (value) => value / samples.plainMove.count);
  const ratio = (figure: keyof LedgerGrowthFigures) => byteRatio(compliantAverage[figure], plainAverage[figure]);
  return {
    label: LEDGER_GROWTH_LABEL,
    n: samples.n,
    units: samples.units,
    compliant,
    plainMove,
    ratios: { stateGrowth: ratio('stateGrowthBytes'), writeSet: ratio('writeSetBytes'), events: ratio('eventBytes') },
  };
}

export interface BenchReport {
  /** YYYY-MM-DD (UTC) of the run. */
  readonly date: string;
  /** The command that produced it, as a person would type it. */
  readonly command: string;
  /** Seconds from the bench's start to writing the report (stopping the devnet and Fabric after it not counted). */
  readonly wallSeconds?: number;
  readonly machine: Machine;
  /** The EVM node's `web3_clientVersion` and chain id. */
  readonly chain: { readonly client: string; readonly chainId: number };
  readonly operations: readonly GasMeasurement[];
  readonly morpho: readonly MorphoComparison[];
  readonly goals: readonly GoalResult[];
  /** State each figure was measured in (warm or cold storage), one sentence each. */
  readonly conditions: readonly string[];
  /** Latencies measured beside the gas, when the run measured them. */
  readonly latency?: LatencySection;
  /** Start-up times and memory of the processes the bench ran. */
  readonly footprint?: readonly FootprintFigure[];
  /** Compliant transfers against plain moves, chaincode execution only, when the run measured them. */
  readonly chaincodeOverhead?: ChaincodeOverheadSummary;
  /** Bytes compliant transfers and plain moves write on the in-process stub, when the run measured them. */
  readonly ledgerGrowth?: LedgerGrowthSummary;
}

/** A goal names a measurement the workload did not produce. */
export class BenchMeasurementMissingError extends Error {
  readonly code = 'BENCH_MEASUREMENT_MISSING';
  constructor(name: string) {
    super(`The goal refers to "${name}", which the gas workload did not measure; fix the goal or the workload.`);
    this.name = 'BenchMeasurementMissingError';
  }
}

/** ERC-3643 gas over plain gas, to three decimals. */
export function overheadRatio(erc3643: bigint, plain: bigint): number {
  if (plain <= 0n) throw new RangeError(`plain gas must be positive to form a ratio, got ${plain}`);
  // Gas figures are far below 2^53, so Number is exact for both.
  return Math.round((Number(erc3643) / Number(plain)) * 1000) / 1000;
}

/** Overhead ratio per Morpho call, keyed by call. */
export function morphoRatios(morpho: readonly MorphoComparison[]): Record<string, number> {
  return Object.fromEntries(morpho.map((m) => [m.call, overheadRatio(m.erc3643, m.plain)]));
}

/** Every measured figure by its results.json name, Morpho calls as `morpho.<call>.erc3643` and `.plain`. */
export function gasByName(operations: readonly GasMeasurement[], morpho: readonly MorphoComparison[]): Record<string, number> {
  const gas: Record<string, number> = {};
  for (const op of operations) gas[op.name] = Number(op.gasUsed);
  for (const m of morpho) {
    gas[`morpho.${m.call}.erc3643`] = Number(m.erc3643);
    gas[`morpho.${m.call}.plain`] = Number(m.plain);
  }
  return gas;
}

/** Marks each goal met or not; a goal is met only strictly below its limit. */
export function evaluateGoals(specs: readonly GoalSpec[], operations: readonly GasMeasurement[], morpho: readonly MorphoComparison[]): GoalResult[] {
  return specs.map((spec) => {
    if (spec.kind === 'gas-below') {
      const op = operations.find((o) => o.name === spec.measurement) ?? raiseMissing(spec.measurement);
      return { description: spec.description, measured: Number(op.gasUsed), limit: Number(spec.limit), unit: 'gas', met: op.gasUsed < spec.limit };
    }
    const m = morpho.find((c) => c.call === spec.call) ?? raiseMissing(`morpho.${spec.call}`);
    // Compared on the raw figures, not the rounded ratio.
    const met = Number(m.erc3643) < spec.limit * Number(m.plain);
    return { description: spec.description, measured: overheadRatio(m.erc3643, m.plain), limit: spec.limit, unit: 'ratio', met };
  });
}

function raiseMissing(name: string): never {
  throw new BenchMeasurementMissingError(name);
}

/** The machine-readable form written as results.json. */
export function resultsJson(report: BenchReport): Record<string, unknown> {
  return {
    date: report.date,
    command: report.command,
    machine: report.machine,
    chain: report.chain,
    gas: gasByName(report.operations, report.morpho),
    ratios: morphoRatios(report.morpho),
    goals: report.goals,
    ...(report.latency === undefined ? {} : { latencyMs: Object.fromEntries(report.latency.series.map((series) => [series.name, latencySummary(series)])) }),
    ...(report.footprint === undefined ? {} : { footprint: Object.fromEntries(report.footprint.map((figure) => [figure.name, figure.value])) }),
    ...(report.chaincodeOverhead === undefined ? {} : { chaincodeOverhead: report.chaincodeOverhead }),
    ...(report.ledgerGrowth === undefined ? {} : { ledgerGrowth: report.ledgerGrowth }),
  };
}

/**
 * p50 and p95 of each latency series as a horizontal bar chart (SVG, no dependencies), written
 * beside report.md so a person sees the spread at a glance.
 */
export function latencyChartSvg(section: LatencySection): string {
  const rows = section.series.map((series) => ({ label: series.label, ...latencySummary(series) }));
  const scale = Math.max(1, ...rows.map((row) => row.p95));
  const width = 760;
  const barWidth = 360;
  const left = 380;
  const rowHeight = 46;
  const height = 40 + rows.length * rowHeight;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const bars = rows.map((row, index) => {
    const y = 30 + index * rowHeight;
    const p95 = (row.p95 / scale) * barWidth;
    const p50 = (row.p50 / scale) * barWidth;
    return [
      `<text x="8" y="${y + 16}" font-size="12">${escape(row.label.length > 58 ? `${row.label.slice(0, 57)}…` : row.label)}</text>`,
      `<rect x="${left}" y="${y + 4}" width="${p95.toFixed(1)}" height="16" fill="#9ecae1"/>`,
      `<rect x="${left}" y="${y + 4}" width="${p50.toFixed(1)}" height="16" fill="#3182bd"/>`,
      `<text x="${(left + p95 + 6).toFixed(1)}" y="${y + 16}" font-size="12">p50 ${row.p50} ms · p95 ${row.p95} ms</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 160}" height="${height}" font-family="sans-serif">`,
    `<text x="8" y="18" font-size="14" font-weight="bold">${escape(section.title)} (dark: p50, light: p95)</text>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}

/** The rows of the compliance-overhead table: what was measured, n, p50, p95 and the rate with its unit. */
function chaincodeOverheadRows(summary: ChaincodeOverheadSummary): string[][] {
  const row = (label: string, figure: RateSummary, unit: string) => [label, String(figure.n), `${figure.p50} ms`, `${figure.p95} ms`, `${figure.perSecond} ${unit}`];
  const { transactions: tx } = summary;
  return [
    row(`compliant transfer (${summary.transactionsPerFlow} transactions)`, summary.compliantFlow, 'transfers/s'),
    row('plain move (baseline without compliance, 1 transaction)', summary.plainMove, 'moves/s'),
    row('request (transaction)', tx.request, 'tx/s'),
    row('approval, not settling (transaction)', tx.approve, 'tx/s'),
    row('approval that settles (transaction)', tx.settle, 'tx/s'),
    ['every compliant transaction', String(summary.compliantFlow.n * summary.transactionsPerFlow), '', '', `${summary.compliantTransactionsPerSecond} tx/s`],
  ];
}

/** The two ratios with what they divide. */
function chaincodeOverheadRatios(summary: ChaincodeOverheadSummary): string[][] {
  return [
    ['compliant transfers/s ÷ plain moves/s', summary.ratios.flowThroughput.toFixed(3)],
    ['settling approvals/s ÷ plain moves/s', summary.ratios.settleThroughput.toFixed(3)],
  ];
}

/** The compliance-overhead section of report.md, headed by its label; `machine` is the one it ran on. */
export function renderChaincodeOverhead(summary: ChaincodeOverheadSummary, machine: Machine): string {
  const perFlow = summary.transactionsPerFlow;
  return [
    '## Compliance overhead in the chaincode',
    '',
    `**${summary.label}.**`,
    '',
    `A compliant transfer is the real TransferContract: a request by BankA's operator, an approval by BankA's officer, and one by BankB's officer that re-runs the rules and settles (${perFlow} transactions of ${formatGas(BigInt(summary.units))} units). A plain move is a bench-only baseline, never deployed (\`test/bench/chaincode/plain-move-baseline.ts\`): it reads the two holdings, moves the units oldest lots first and writes them back, skipping roles, investor and policy reads, rules, approvals, the transfer and audit records. Each transfer and each move starts from its own copy of one world (the tokenized asset, holders at BankA and BankB, the policy in force); they alternate, after ${summary.warmup} unmeasured pairs. Only the contract call is timed (not the stub's copy of the ledger per transaction), one at a time on one thread of the ${machine.cpus}-core machine under Hardware; a rate is the count over the summed time.`,
    '',
    markdownTable(['measured', 'n', 'p50', 'p95', 'rate'], [false, true, true, true, true], chaincodeOverheadRows(summary)),
    '',
    markdownTable(['ratio', 'value'], [false, true], chaincodeOverheadRatios(summary)),
    '',
    `Issue 4's goal (compliant transfers at no less than 80 % of plain-move throughput) is about a Fabric network, where each of the ${perFlow} transactions is also endorsed, ordered and committed; it is not assessed on these figures. On a network bound by transactions per second, a ${perFlow}-transaction transfer reaches about 1/${perFlow} of a 1-transaction move's rate at best, whatever the chaincode costs.`,
    '',
  ].join('\n');
}

/** `12_582_912` → `12,582,912 B (12.0 MiB)`; averages keep one decimal. */
export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US', { maximumFractionDigits: 1 })} B`;
  if (Math.abs(bytes) >= 2 ** 20) return `${exact} (${(bytes / 2 ** 20).toFixed(1)} MiB)`;
  if (Math.abs(bytes) >= 2 ** 10) return `${exact} (${(bytes / 2 ** 10).toFixed(1)} KiB)`;
  return exact;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function formatByteRatio(ratio: number | null): string {
  return ratio === null ? '–' : formatRatio(ratio);
}

/** Rows of the per-1,000 table: figure, compliant transfers, plain moves, their ratio. */
function ledgerGrowthRows(summary: LedgerGrowthSummary): string[][] {
  const { compliant: c, plainMove: p, ratios } = summary;
  const a = c.perThousand;
  const b = p.perThousand;
  return [
    ['world-state growth (keys + values)', formatBytes(a.stateGrowthBytes), formatBytes(b.stateGrowthBytes), formatByteRatio(ratios.stateGrowth)],
    ['keys added', formatCount(a.keysAdded), formatCount(b.keysAdded), ''],
    ['write-set bytes (keys + values put, keys deleted)', formatBytes(a.writeSetBytes), formatBytes(b.writeSetBytes), formatByteRatio(ratios.writeSet)],
    ['keys written / deleted', `${formatCount(a.keysWritten)} / ${formatCount(a.keysDeleted)}`, `${formatCount(b.keysWritten)} / ${formatCount(b.keysDeleted)}`, ''],
    ['event bytes (last event of each transaction)', formatBytes(a.eventBytes), formatBytes(b.eventBytes), formatByteRatio(ratios.events)],
    ['private data: growth / written', `${formatBytes(a.privateStateGrowthBytes)} / ${formatBytes(a.privateWriteSetBytes)}`, `${formatBytes(b.privateStateGrowthBytes)} / ${formatBytes(b.privateWriteSetBytes)}`, ''],
  ];
}

/** Rows of the per-transfer table: averages, and the first and last flow's write set. */
function ledgerGrowthAverageRows(summary: LedgerGrowthSummary): string[][] {
  const { compliant: c, plainMove: p } = summary;
  return [
    ['transactions', formatCount(c.transactionsPerFlow), formatCount(p.transactionsPerFlow)],
    ['world-state growth', formatBytes(c.perFlow.stateGrowthBytes), formatBytes(p.perFlow.stateGrowthBytes)],
    ['keys added', formatCount(c.perFlow.keysAdded), formatCount(p.perFlow.keysAdded)],
    ['write-set bytes', formatBytes(c.perFlow.writeSetBytes), formatBytes(p.perFlow.writeSetBytes)],
    ['event bytes', formatBytes(c.perFlow.eventBytes), formatBytes(p.perFlow.eventBytes)],
    ['write set of the first → the last one', `${formatBytes(c.firstWriteSetBytes)} → ${formatBytes(c.lastWriteSetBytes)}`, `${formatBytes(p.firstWriteSetBytes)} → ${formatBytes(p.lastWriteSetBytes)}`],
  ];
}

/** The ledger-growth section of report.md, headed by its label. */
export function renderLedgerGrowth(summary: LedgerGrowthSummary): string {
  const scaled = summary.n === 1000 ? '' : ` Figures per 1,000 are the ${formatCount(summary.n)} run, scaled.`;
  return [
    '## Ledger growth per 1,000 transfers',
    '',
    `**${summary.label}.**`,
    '',
    `${formatCount(summary.n)} compliant transfers of ${formatGas(BigInt(summary.units))} units from anna (BankA) to chloe (BankB) ran one after another on one world, as on a ledger: each a request and an approval by each bank's officer, the last settling, through the real TransferContract. As many plain moves (\`test/bench/chaincode/plain-move-baseline.ts\`) ran on a copy of the same starting world. World state is counted before and after (UTF-8 keys plus values); a write set is each key's last write in a transaction (a delete counts its key); an event is the last one a transaction sets, the one Fabric keeps.${scaled} Transfers are one second apart, so the receiver's holding gains one lot per transfer until it holds \`LOT_LIMIT\` (1,000; compliance/src/ledger/lots.ts), and every transfer rewrites it and carries it in its events: each writes more than the one before (first and last below) until the limit, so per-1,000 write-set and event figures depend on the run's length (a \`--quick\` run reads below a full one), world-state growth hardly does.`,
    '',
    markdownTable(['per 1,000', 'compliant transfers', 'plain moves', 'compliant ÷ plain'], [false, true, true, true], ledgerGrowthRows(summary)),
    '',
    markdownTable(['per transfer (average)', 'compliant transfer', 'plain move'], [false, true, true], ledgerGrowthAverageRows(summary)),
    '',
  ].join('\n');
}

/** The footprint section of report.md. */
export function renderFootprint(figures: readonly FootprintFigure[]): string {
  return ['## Footprint', '', markdownTable(['measured', 'value'], [false, true], figures.map((figure) => [figure.label, `${figure.value} ${figure.unit}`])), ''].join('\n');
}

/** The latency section of report.md. */
export function renderLatency(section: LatencySection): string {
  const rows = section.series.map((series) => {
    const { n, p50, p95, max } = latencySummary(series);
    return [series.label, String(n), `${p50} ms`, `${p95} ms`, `${max} ms`];
  });
  const findings = (section.findings ?? []).map((finding) => `- ${finding}`);
  return [`## ${section.title}`, '', section.note, '', markdownTable(['measured', 'n', 'p50', 'p95', 'max'], [false, true, true, true, true], rows), '', ...(findings.length === 0 ? [] : [...findings, '']), '![p50 and p95 of each latency](latency.svg)', ''].join('\n');
}

/** `154321n` → `154,321`. */
export function formatGas(gas: bigint | number): string {
  return BigInt(gas).toLocaleString('en-US');
}

/** `1.874` → `1.87x`. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

function formatGoalFigure(value: number, unit: GoalResult['unit']): string {
  return unit === 'gas' ? formatGas(value) : formatRatio(value);
}

/** A markdown table; `rightAligned` per column (numbers). */
export function markdownTable(header: readonly string[], rightAligned: readonly boolean[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(rightAligned.map((r) => (r ? '--:' : '---'))), ...rows.map(line)].join('\n');
}

/** The human-readable report.md. */
export function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const operations = markdownTable(
    ['operation', 'gas', 'earlier figure'],
    [false, true, false],
    report.operations.map((op) => [op.label, formatGas(op.gasUsed), op.reference ? `${formatGas(op.reference.gas)} (${op.reference.source})` : '']),
  );
  const morpho = markdownTable(
    ['Morpho Blue call', 'ERC-3643', 'plain ERC-20', 'ratio', 'plain, measured earlier'],
    [false, true, true, true, true],
    report.morpho.map((c) => [c.label, formatGas(c.erc3643), formatGas(c.plain), formatRatio(overheadRatio(c.erc3643, c.plain)), c.reference ? formatGas(c.reference) : '']),
  );
  const goals = markdownTable(
    ['goal', 'measured', 'limit', 'result'],
    [false, true, true, false],
    report.goals.map((g) => [g.description, formatGoalFigure(g.measured, g.unit), formatGoalFigure(g.limit, g.unit), g.met ? 'met' : '**not met**']),
  );
  return [
    `# Gas per operation (${report.date})`,
    '',
    'Receipt `gasUsed` of real transactions on the local EVM devnet, one transaction per figure.',
    '',
    '## Bridge, oracle, identity and token',
    '',
    operations,
    '',
    '## Morpho Blue: ERC-3643 collateral against a plain ERC-20',
    '',
    'Same Morpho Blue instance, loan token, oracle type (NavOracle), IRM (KinkedIrm), LLTV and amounts; ratio = ERC-3643 / plain.',
    '',
    morpho,
    '',
    '## Goals',
    '',
    goals,
    '',
    '## Conditions',
    '',
    ...report.conditions.map((c) => `- ${c}`),
    '',
    ...(report.latency === undefined ? [] : [renderLatency(report.latency)]),
    ...(report.chaincodeOverhead === undefined ? [] : [renderChaincodeOverhead(report.chaincodeOverhead, report.machine)]),
    ...(report.ledgerGrowth === undefined ? [] : [renderLedgerGrowth(report.ledgerGrowth)]),
    ...(report.footprint === undefined ? [] : [renderFootprint(report.footprint)]),
    '## How it was produced',
    '',
    `- Command: \`${report.command}\`${report.wallSeconds === undefined ? '' : `, wall time ${report.wallSeconds} s`}`,
    `- Node: ${report.chain.client}, chain id ${report.chain.chainId}, automining, started by the bench on its own port range and stopped at the end.`,
    '- Contracts: ours with solc 0.8.17 (optimizer, 200 runs), Morpho Blue with solc 0.8.19 (viaIR, 999999 runs); T-REX 4.1.6 and ONCHAINID from their published artifacts, deployed directly (no proxies) as `deploy-all` does.',
    '',
    '## Hardware',
    '',
    `- CPU: ${m.model}, ${m.cpus} logical cores`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node.js: ${m.node}`,
    ...(m.loadAverage === undefined ? [] : [`- Load average (1, 5, 15 min): ${m.loadAverage.start.map((load) => load.toFixed(2)).join(', ')} at the start, ${m.loadAverage.end.map((load) => load.toFixed(2)).join(', ')} at the end (${m.cpus} cores; other work on the machine counts too)`]),
    '',
  ].join('\n');
}

/** A plain-text table for the terminal, first column left-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // First column left-aligned (labels), the rest right-aligned (numbers).
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The tables as plain text for the terminal. */
export function renderConsole(report: BenchReport): string {
  return [
    textTable(
      ['operation', 'gas'],
      report.operations.map((op) => [op.label, formatGas(op.gasUsed)]),
    ),
    '',
    textTable(
      ['Morpho Blue call', 'ERC-3643', 'plain', 'ratio'],
      report.morpho.map((c) => [c.label, formatGas(c.erc3643), formatGas(c.plain), formatRatio(overheadRatio(c.erc3643, c.plain))]),
    ),
    '',
    ...report.goals.map((g) => `${g.met ? 'met    ' : 'NOT MET'}  ${g.description}: ${formatGoalFigure(g.measured, g.unit)} (limit ${formatGoalFigure(g.limit, g.unit)})`),
    ...(report.latency === undefined
      ? []
      : [
          '',
          textTable(
            ['latency', 'n', 'p50 ms', 'p95 ms'],
            report.latency.series.map((series) => {
              const { n, p50, p95 } = latencySummary(series);
              return [series.label, String(n), String(p50), String(p95)];
            }),
          ),
        ]),
    ...(report.chaincodeOverhead === undefined
      ? []
      : [
          '',
          `Compliance overhead. ${report.chaincodeOverhead.label}.`,
          textTable(['measured', 'n', 'p50', 'p95', 'rate'], chaincodeOverheadRows(report.chaincodeOverhead)),
          ...chaincodeOverheadRatios(report.chaincodeOverhead).map(([ratio, value]) => `${ratio}: ${value}`),
        ]),
    ...(report.ledgerGrowth === undefined
      ? []
      : [
          '',
          `Ledger growth per 1,000 transfers (${formatCount(report.ledgerGrowth.n)} run). ${report.ledgerGrowth.label}.`,
          textTable(['per 1,000', 'compliant', 'plain', 'ratio'], ledgerGrowthRows(report.ledgerGrowth)),
        ]),
  ].join('\n');
}
