import test from 'ava';
import {
  BenchMeasurementMissingError,
  CHAINCODE_EXECUTION_LABEL,
  evaluateGoals,
  formatBytes,
  formatGas,
  formatRatio,
  gasByName,
  latencyChartSvg,
  latencySummary,
  LEDGER_GROWTH_LABEL,
  overheadRatio,
  percentile,
  renderConsole,
  renderFootprint,
  renderLatency,
  renderChaincodeOverhead,
  renderLedgerGrowth,
  renderMarkdown,
  resultsJson,
  summarizeChaincodeOverhead,
  summarizeLedgerGrowth,
  type BenchReport,
  type ChaincodeOverheadSamples,
  type LedgerGrowthSamples,
  type LedgerGrowthTotals,
  type GasMeasurement,
  type GoalSpec,
  type MorphoComparison,
} from './bench-report';

const operations: GasMeasurement[] = [
  { name: 'gateway.mint.2of3.repeat', label: 'gateway mint, 2 of 3, repeat', gasUsed: 180_000n, reference: { gas: 149_000n, source: 'T-REX alone' } },
  { name: 'gateway.mint.3of5.repeat', label: 'gateway mint, 3 of 5, repeat', gasUsed: 201_000n },
];
const morpho: MorphoComparison[] = [
  { call: 'supplyCollateral', label: 'supplyCollateral', erc3643: 180_000n, plain: 90_000n, reference: 91_000n },
  { call: 'liquidate', label: 'liquidate', erc3643: 199_999n, plain: 100_000n },
];

function report(goals: GoalSpec[]): BenchReport {
  return {
    date: '2026-01-02',
    command: 'npm run bench',
    machine: { cpus: 2, model: 'Test CPU', memoryGiB: 3.8, node: 'v20.0.0' },
    chain: { client: 'HardhatNetwork/2.0.0', chainId: 31337 },
    operations,
    morpho,
    goals: evaluateGoals(goals, operations, morpho),
    conditions: ['Every figure is one transaction.'],
  };
}

test('the overhead ratio is ERC-3643 gas over plain gas, rounded to three decimals', (t) => {
  t.is(overheadRatio(180_000n, 90_000n), 2);
  t.is(overheadRatio(100_000n, 30_000n), 3.333);
  t.is(overheadRatio(2n, 3n), 0.667);
});

test('a ratio against zero plain gas is refused rather than reported as infinite', (t) => {
  t.throws(() => overheadRatio(1n, 0n), { instanceOf: RangeError });
});

test('a gas goal is met strictly below its limit and not at it', (t) => {
  const specs: GoalSpec[] = [
    { kind: 'gas-below', description: 'under 200k', measurement: 'gateway.mint.2of3.repeat', limit: 200_000n },
    { kind: 'gas-below', description: 'under 180k', measurement: 'gateway.mint.2of3.repeat', limit: 180_000n },
  ];
  const [under, at] = evaluateGoals(specs, operations, morpho);
  t.like(under, { measured: 180_000, limit: 200_000, unit: 'gas', met: true });
  t.like(at, { met: false });
});

test('a ratio goal compares the raw figures, so 1.99999x meets 2x and exactly 2x does not', (t) => {
  const specs: GoalSpec[] = [
    { kind: 'ratio-below', description: 'supply below 2x', call: 'supplyCollateral', limit: 2 },
    { kind: 'ratio-below', description: 'liquidate below 2x', call: 'liquidate', limit: 2 },
  ];
  const [supply, liquidate] = evaluateGoals(specs, operations, morpho);
  t.like(supply, { measured: 2, unit: 'ratio', met: false });
  // 199,999 / 100,000 rounds to 2.000 yet is below the limit.
  t.like(liquidate, { measured: 2, met: true });
});

test('a goal naming an operation that was not measured fails with a typed error', (t) => {
  const error = t.throws(() => evaluateGoals([{ kind: 'ratio-below', description: 'repay', call: 'repay', limit: 2 }], operations, morpho), {
    instanceOf: BenchMeasurementMissingError,
  });
  t.is(error?.code, 'BENCH_MEASUREMENT_MISSING');
});

test('results name every figure, Morpho calls once per collateral kind', (t) => {
  t.deepEqual(gasByName(operations, morpho), {
    'gateway.mint.2of3.repeat': 180_000,
    'gateway.mint.3of5.repeat': 201_000,
    'morpho.supplyCollateral.erc3643': 180_000,
    'morpho.supplyCollateral.plain': 90_000,
    'morpho.liquidate.erc3643': 199_999,
    'morpho.liquidate.plain': 100_000,
  });
});

test('results.json carries date, machine, gas, ratios and goals and survives JSON', (t) => {
  const json = JSON.parse(JSON.stringify(resultsJson(report([{ kind: 'ratio-below', description: 'supply below 2x', call: 'supplyCollateral', limit: 2 }]))));
  t.is(json.date, '2026-01-02');
  t.deepEqual(json.machine, { cpus: 2, model: 'Test CPU', memoryGiB: 3.8, node: 'v20.0.0' });
  t.is(json.gas['morpho.liquidate.plain'], 100_000);
  t.deepEqual(json.ratios, { supplyCollateral: 2, liquidate: 2 });
  t.deepEqual(json.goals, [{ description: 'supply below 2x', measured: 2, limit: 2, unit: 'ratio', met: false }]);
});

test('gas is printed with thousands separators and ratios with two decimals', (t) => {
  t.is(formatGas(154_321n), '154,321');
  t.is(formatGas(999), '999');
  t.is(formatRatio(1.874), '1.87x');
});

test('the markdown report has the operation table, the side-by-side Morpho table, goals, command and hardware', (t) => {
  const md = renderMarkdown(report([{ kind: 'gas-below', description: 'mint under 200k', measurement: 'gateway.mint.2of3.repeat', limit: 200_000n }]));
  t.true(md.includes('| gateway mint, 2 of 3, repeat | 180,000 | 149,000 (T-REX alone) |'));
  t.true(md.includes('| supplyCollateral | 180,000 | 90,000 | 2.00x | 91,000 |'));
  t.true(md.includes('| mint under 200k | 180,000 | 200,000 | met |'));
  t.true(md.includes('`npm run bench`'));
  t.true(md.includes('Test CPU, 2 logical cores'));
  t.true(md.includes('- Every figure is one transaction.'));
  t.false(md.includes('Load average'), 'no load line when the run did not record it');
});

test('the report gives the wall time beside the command, and the load averages at the start and the end of the run, when recorded', (t) => {
  const base = report([]);
  t.false(renderMarkdown(base).includes('wall time'));
  const md = renderMarkdown({ ...base, wallSeconds: 1234, machine: { ...base.machine, loadAverage: { start: [1.5, 2, 0.25], end: [7.126, 6, 5.5] } } });
  t.true(md.includes('- Command: `npm run bench`, wall time 1234 s'));
  t.true(md.includes('- Load average (1, 5, 15 min): 1.50, 2.00, 0.25 at the start, 7.13, 6.00, 5.50 at the end (2 cores'));
});

test('a goal not met stands out in both the markdown and the console output', (t) => {
  const r = report([{ kind: 'gas-below', description: 'mint under 100k', measurement: 'gateway.mint.2of3.repeat', limit: 100_000n }]);
  t.true(renderMarkdown(r).includes('| mint under 100k | 180,000 | 100,000 | **not met** |'));
  t.true(renderConsole(r).includes('NOT MET  mint under 100k: 180,000 (limit 100,000)'));
});

test('the console table aligns numbers to the right under their header', (t) => {
  const lines = renderConsole(report([])).split('\n');
  const header = lines[0] ?? '';
  const row = lines.find((l) => l.startsWith('gateway mint, 3 of 5')) ?? '';
  t.is(header.length, row.length);
  t.true(row.endsWith('201,000'));
});

test('percentiles are nearest-rank, and the latency summary, results and report carry them', (t) => {
  const samples = [12, 3, 7, 20, 5, 9, 15, 1, 30, 11];
  t.is(percentile(samples, 50), 9);
  t.is(percentile(samples, 95), 30);
  t.is(percentile(samples, 100), 30);
  t.is(percentile([4.25], 50), 4.25);
  t.true(Number.isNaN(percentile([], 50)));
  const series = { name: 'bridge.approvalToMint', label: 'approval → mint', samplesMs: samples };
  t.deepEqual(latencySummary(series), { n: 10, p50: 9, p95: 30, max: 30 });
  t.deepEqual(latencySummary({ ...series, samplesMs: [1.234, 2.345] }), { n: 2, p50: 1.2, p95: 2.3, max: 2.3 });
  const section = { title: 'Bridge latency', note: 'In process.', series: [series] };
  t.regex(renderLatency(section), /\| approval → mint \| 10 \| 9 ms \| 30 ms \| 30 ms \|/);
});

test('the latency chart draws one p50 and one p95 bar per series, scaled to the largest p95, and escapes labels', (t) => {
  const section = { title: 'Bridge latency', note: '', series: [{ name: 'a', label: 'approval → mint <fast>', samplesMs: [10, 20, 30] }, { name: 'b', label: 'burn', samplesMs: [60] }] };
  const svg = latencyChartSvg(section);
  t.is((svg.match(/<rect /g) ?? []).length, 4);
  t.regex(svg, /width="360.0"/, 'the largest p95 spans the full bar width');
  t.regex(svg, /approval → mint &lt;fast&gt;/);
  t.regex(svg, /p50 20 ms · p95 30 ms/);
  t.regex(renderFootprint([{ name: 'devnet.startMs', label: 'devnet start', value: 1234, unit: 'ms' }]), /\| devnet start \| 1234 ms \|/);
});

// Two flows of 3 transactions (10 ms and 6 ms) against two plain moves (1 ms and 3 ms).
const overheadSamples: ChaincodeOverheadSamples = {
  n: 2,
  warmup: 5,
  transactionsPerFlow: 3,
  units: '1000',
  flowsMs: [10, 6],
  requestMs: [4, 2],
  approveMs: [2, 1],
  settleMs: [4, 3],
  plainMoveMs: [1, 3],
};

test('compliance overhead: rates are counts over summed time and the ratios divide compliant by plain rates', (t) => {
  const summary = summarizeChaincodeOverhead(overheadSamples);
  t.is(summary.label, CHAINCODE_EXECUTION_LABEL);
  t.deepEqual(summary.compliantFlow, { n: 2, p50: 6, p95: 10, perSecond: 125 });
  t.deepEqual(summary.plainMove, { n: 2, p50: 1, p95: 3, perSecond: 500 });
  t.deepEqual(summary.transactions.settle, { n: 2, p50: 3, p95: 4, perSecond: 286 });
  t.is(summary.compliantTransactionsPerSecond, 375, '6 transactions in 16 ms');
  // 125/s over 500/s, and 2 settlements in 7 ms (285.7/s) over 500/s, on the unrounded rates.
  t.deepEqual(summary.ratios, { flowThroughput: 0.25, settleThroughput: 0.571 });
});

test('compliance overhead: sub-millisecond percentiles keep three decimals', (t) => {
  const summary = summarizeChaincodeOverhead({ ...overheadSamples, plainMoveMs: [0.123456, 0.2] });
  t.is(summary.plainMove.p50, 0.123);
  t.is(summary.plainMove.p95, 0.2);
});

test('compliance overhead: the report section carries the label, the table, the ratios and says the issue goal is not assessed', (t) => {
  const md = renderChaincodeOverhead(summarizeChaincodeOverhead(overheadSamples), { cpus: 2, model: 'Test CPU', memoryGiB: 3.8, node: 'v20.0.0' });
  t.true(md.includes(`**${CHAINCODE_EXECUTION_LABEL}.**`));
  t.regex(md, /\| compliant transfer \(3 transactions\) \| 2 \| 6 ms \| 10 ms \| 125 transfers\/s \|/);
  t.regex(md, /\| plain move \(baseline without compliance, 1 transaction\) \| 2 \| 1 ms \| 3 ms \| 500 moves\/s \|/);
  t.regex(md, /\| every compliant transaction \| 6 \| {2}\| {2}\| 375 tx\/s \|/);
  t.regex(md, /\| compliant transfers\/s ÷ plain moves\/s \| 0\.250 \|/);
  t.regex(md, /\| settling approvals\/s ÷ plain moves\/s \| 0\.571 \|/);
  t.regex(md, /not assessed on these figures/);
  t.regex(md, /after 5 unmeasured pairs/);
  t.regex(md, /3 transactions of 1,000 units/);
  t.regex(md, /one thread of the 2-core machine/);
});

test('compliance overhead: results.json, report.md and the console carry it only when measured', (t) => {
  const without = report([]);
  const withOverhead: BenchReport = { ...without, chaincodeOverhead: summarizeChaincodeOverhead(overheadSamples) };
  t.false('chaincodeOverhead' in resultsJson(without));
  const json = JSON.parse(JSON.stringify(resultsJson(withOverhead)));
  t.deepEqual(json.chaincodeOverhead.ratios, { flowThroughput: 0.25, settleThroughput: 0.571 });
  t.is(json.chaincodeOverhead.label, CHAINCODE_EXECUTION_LABEL);
  t.false(renderMarkdown(without).includes('Compliance overhead'));
  t.true(renderMarkdown(withOverhead).includes('## Compliance overhead in the chaincode'));
  const text = renderConsole(withOverhead);
  t.true(text.includes(`Compliance overhead. ${CHAINCODE_EXECUTION_LABEL}.`));
  t.true(text.includes('compliant transfers/s ÷ plain moves/s: 0.250'));
});

const growthTotals = (overrides: Partial<LedgerGrowthTotals>): LedgerGrowthTotals => ({
  count: 200,
  transactions: 600,
  stateBefore: { keys: 26, bytes: 12_000 },
  stateAfter: { keys: 826, bytes: 3_212_000 },
  privateBefore: { keys: 3, bytes: 900 },
  privateAfter: { keys: 3, bytes: 900 },
  writeSetBytes: 6_000_000,
  keysWritten: 2_000,
  keysDeleted: 400,
  privateWriteSetBytes: 0,
  eventBytes: 4_000_000,
  firstWriteSetBytes: 25_000,
  lastWriteSetBytes: 33_000,
  ...overrides,
});
const growthSamples: LedgerGrowthSamples = {
  n: 200,
  units: '500',
  compliant: growthTotals({}),
  plainMove: growthTotals({ transactions: 200, stateAfter: { keys: 26, bytes: 20_000 }, writeSetBytes: 900_000, keysWritten: 400, keysDeleted: 0, eventBytes: 1_000_000, firstWriteSetBytes: 400, lastWriteSetBytes: 8_500 }),
};

test('ledger growth: totals are scaled to 1,000 transfers and averaged per transfer, and ratios divide compliant by plain', (t) => {
  const summary = summarizeLedgerGrowth(growthSamples);
  t.is(summary.label, LEDGER_GROWTH_LABEL);
  t.deepEqual(summary.compliant.perThousand, { stateGrowthBytes: 16_000_000, keysAdded: 4_000, privateStateGrowthBytes: 0, writeSetBytes: 30_000_000, keysWritten: 10_000, keysDeleted: 2_000, privateWriteSetBytes: 0, eventBytes: 20_000_000 });
  t.like(summary.compliant.perFlow, { stateGrowthBytes: 16_000, keysAdded: 4, writeSetBytes: 30_000, eventBytes: 20_000 });
  t.is(summary.compliant.transactionsPerFlow, 3);
  t.like(summary.plainMove, { transactionsPerFlow: 1, firstWriteSetBytes: 400, lastWriteSetBytes: 8_500 });
  t.like(summary.plainMove.perThousand, { stateGrowthBytes: 40_000, keysAdded: 0, writeSetBytes: 4_500_000 });
  // 16,000 B against 40 B of state growth, 30,000 against 4,500 of write set, 20,000 against 5,000 of events.
  t.deepEqual(summary.ratios, { stateGrowth: 400, writeSet: 6.667, events: 4 });
});

test('ledger growth: averages keep one decimal, a ratio over nothing written is null, and no flows is refused', (t) => {
  const summary = summarizeLedgerGrowth({ ...growthSamples, n: 3, compliant: growthTotals({ count: 3, transactions: 9, writeSetBytes: 100 }), plainMove: growthTotals({ count: 3, eventBytes: 0 }) });
  t.is(summary.compliant.perFlow.writeSetBytes, 33.3);
  t.is(summary.compliant.perThousand.writeSetBytes, 33_333);
  t.is(summary.ratios.events, null);
  t.throws(() => summarizeLedgerGrowth({ ...growthSamples, plainMove: growthTotals({ count: 0 }) }), { instanceOf: RangeError });
});

test('bytes are printed exactly with separators, and in KiB or MiB beside them from 1 KiB', (t) => {
  t.is(formatBytes(41), '41 B');
  t.is(formatBytes(16_228.3), '16,228.3 B (15.8 KiB)');
  t.is(formatBytes(16_228_250), '16,228,250 B (15.5 MiB)');
});

test('ledger growth: the report section carries the label, the per-1,000 and per-transfer tables and says when it was scaled', (t) => {
  const md = renderLedgerGrowth(summarizeLedgerGrowth(growthSamples));
  t.true(md.startsWith('## Ledger growth per 1,000 transfers'));
  t.true(md.includes(`**${LEDGER_GROWTH_LABEL}.**`));
  t.regex(md, /\| world-state growth \(keys \+ values\) \| 16,000,000 B \(15\.3 MiB\) \| 40,000 B \(39\.1 KiB\) \| 400\.00x \|/);
  t.regex(md, /\| keys written \/ deleted \| 10,000 \/ 2,000 \| 2,000 \/ 0 \| {2}\|/);
  t.regex(md, /\| write set of the first → the last one \| 25,000 B \(24\.4 KiB\) → 33,000 B \(32\.2 KiB\) \| 400 B → 8,500 B \(8\.3 KiB\) \|/);
  t.regex(md, /Figures per 1,000 are the 200 run, scaled\./);
  t.regex(md, /200 compliant transfers of 500 units/);
  t.false(renderLedgerGrowth(summarizeLedgerGrowth({ ...growthSamples, n: 1000, compliant: growthTotals({ count: 1000 }), plainMove: growthTotals({ count: 1000 }) })).includes('scaled'));
});

test('ledger growth: results.json, report.md and the console carry it only when measured', (t) => {
  const without = report([]);
  const withGrowth: BenchReport = { ...without, ledgerGrowth: summarizeLedgerGrowth(growthSamples) };
  t.false('ledgerGrowth' in resultsJson(without));
  const json = JSON.parse(JSON.stringify(resultsJson(withGrowth)));
  t.is(json.ledgerGrowth.compliant.perThousand.writeSetBytes, 30_000_000);
  t.is(json.ledgerGrowth.n, 200);
  t.is(json.ledgerGrowth.label, LEDGER_GROWTH_LABEL);
  t.false(renderMarkdown(without).includes('Ledger growth'));
  t.true(renderMarkdown(withGrowth).includes('## Ledger growth per 1,000 transfers'));
  const text = renderConsole(withGrowth);
  t.true(text.includes(`Ledger growth per 1,000 transfers (200 run). ${LEDGER_GROWTH_LABEL}.`));
  t.regex(text, /write-set bytes \(keys \+ values put, keys deleted\) +30,000,000 B \(28\.6 MiB\) +4,500,000 B \(4\.3 MiB\)/);
  t.false(renderConsole(without).includes('Ledger growth'));
});
