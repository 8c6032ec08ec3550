import test from 'ava';
import {
  BenchMeasurementMissingError,
  CHAINCODE_EXECUTION_LABEL,
  evaluateGoals,
  formatGas,
  formatRatio,
  gasByName,
  latencyChartSvg,
  latencySummary,
  overheadRatio,
  percentile,
  renderConsole,
  renderFootprint,
  renderLatency,
  renderChaincodeOverhead,
  renderMarkdown,
  resultsJson,
  summarizeChaincodeOverhead,
  type BenchReport,
  type ChaincodeOverheadSamples,
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
