import test from 'ava';
import {
  compareWithBaseline,
  readChaincodeRatios,
  readGasMap,
  readLatencyP50,
  readLedgerGrowth,
  renderBaselineSection,
  renderChaincodeRatioBaselineSection,
  renderLatencyBaselineSection,
  renderLedgerGrowthBaselineSection,
} from './bench-baseline';
import { CHAINCODE_EXECUTION_LABEL, LEDGER_GROWTH_LABEL } from './bench-report';

test('operations present in both runs get their ratio; one-sided ones are kept without a ratio', (t) => {
  const rows = compareWithBaseline({ mint: 220_000, transfer: 211_000 }, { mint: 200_000, burn: 120_000 });
  t.deepEqual(rows, [
    { name: 'burn', baseline: 120_000, current: undefined, ratio: undefined },
    { name: 'mint', baseline: 200_000, current: 220_000, ratio: 1.1 },
    { name: 'transfer', baseline: undefined, current: 211_000, ratio: undefined },
  ]);
});

test('the report section shows gas with separators and ratios to three places', (t) => {
  const section = renderBaselineSection(compareWithBaseline({ mint: 220_000 }, { mint: 200_000 }), '2026-11-26');
  t.true(section.includes('| mint | 200,000 | 220,000 | 1.100x |'));
  t.true(section.startsWith('## Compared with the committed baseline (2026-11-26)'));
});

test('a results file without a numeric gas map is refused with its name in the message', (t) => {
  t.throws(() => readGasMap({}, 'baseline.json'), { message: /baseline.json has no "gas" object/ });
  t.throws(() => readGasMap({ gas: { mint: '1' } }, 'baseline.json'), { message: /gas of "mint" is not a number/ });
  t.deepEqual(readGasMap({ gas: { mint: 1 } }, 'x'), { mint: 1 });
});

test('latency p50s are read from latencyMs and compared as ratios; a run without latency compares none', (t) => {
  t.deepEqual(readLatencyP50({ latencyMs: { 'bridge.approvalToMint': { n: 50, p50: 190, p95: 300, max: 400 }, broken: { p50: 'fast' } } }), { 'bridge.approvalToMint': 190 });
  t.deepEqual(readLatencyP50({ gas: {} }), {});
  const rows = compareWithBaseline({ 'bridge.approvalToMint': 285 }, { 'bridge.approvalToMint': 190 });
  t.is(rows[0]?.ratio, 1.5);
  t.regex(renderLatencyBaselineSection(rows, '2026-11-26'), /\| bridge\.approvalToMint \| 190 ms \| 285 ms \| 1\.50x \|/);
});

test('compliance-overhead ratios are read from chaincodeOverhead.ratios and compared; a run without them compares none', (t) => {
  const current = readChaincodeRatios({ chaincodeOverhead: { ratios: { flowThroughput: 0.05, settleThroughput: 0.1, broken: 'x' }, compliantFlow: { p50: 2 } } });
  t.deepEqual(current, { 'chaincodeOverhead.flowThroughput': 0.05, 'chaincodeOverhead.settleThroughput': 0.1 });
  t.deepEqual(readChaincodeRatios({ gas: {} }), {});
  t.deepEqual(readChaincodeRatios(null), {});
  const rows = compareWithBaseline(current, { 'chaincodeOverhead.flowThroughput': 0.04 });
  t.is(rows[0]?.ratio, 1.25);
  t.is(rows[1]?.ratio, undefined, 'a ratio the baseline lacks is shown, not compared');
  const section = renderChaincodeRatioBaselineSection(rows, '2026-11-26');
  t.regex(section, /\| chaincodeOverhead\.flowThroughput \| 0\.040 \| 0\.050 \| 1\.25x \|/);
  t.regex(section, /\| chaincodeOverhead\.settleThroughput \| – \| 0\.100 \| – \|/);
  t.true(section.includes(CHAINCODE_EXECUTION_LABEL));
  t.regex(section, /not times/);
});

test('ledger-growth figures are read per 1,000 as ledgerGrowth.<kind>.<figure>; a run without them reads as undefined', (t) => {
  const read = readLedgerGrowth({ ledgerGrowth: { n: 200, compliant: { perThousand: { writeSetBytes: 29_100_350, keysAdded: 4_000, broken: 'x' }, perFlow: { writeSetBytes: 29_100.4 } }, plainMove: { perThousand: { writeSetBytes: 4_496_500 } } } });
  t.deepEqual(read, { n: 200, figures: { 'ledgerGrowth.compliant.writeSetBytes': 29_100_350, 'ledgerGrowth.compliant.keysAdded': 4_000, 'ledgerGrowth.plainMove.writeSetBytes': 4_496_500 } });
  t.is(readLedgerGrowth({ gas: {} }), undefined);
  t.is(readLedgerGrowth(null), undefined);
  t.is(readLedgerGrowth({ ledgerGrowth: { compliant: {} } }), undefined, 'no transfer count, nothing to compare against');
});

test('ledger-growth bytes compare like gas, three decimals, and a different run length is called out', (t) => {
  const rows = compareWithBaseline({ 'ledgerGrowth.compliant.writeSetBytes': 30_000_000 }, { 'ledgerGrowth.compliant.writeSetBytes': 24_000_000 });
  t.is(rows[0]?.ratio, 1.25);
  const same = renderLedgerGrowthBaselineSection(rows, '2026-11-26', { baseline: 1000, current: 1000 });
  t.regex(same, /\| ledgerGrowth\.compliant\.writeSetBytes \| 24,000,000 \| 30,000,000 \| 1\.250x \|/);
  t.true(same.includes(LEDGER_GROWTH_LABEL));
  t.regex(same, /deterministic/);
  t.false(same.includes('differ by design'));
  const quick = renderLedgerGrowthBaselineSection(rows, '2026-11-26', { baseline: 1000, current: 200 });
  t.regex(quick, /The baseline ran 1000 transfers and this run 200: .*differ by design/);
  const none = renderLedgerGrowthBaselineSection(compareWithBaseline({ 'ledgerGrowth.compliant.writeSetBytes': 30_000_000 }, {}), '2026-11-26', { baseline: undefined, current: 200 });
  t.regex(none, /The baseline has no ledger-growth figures/);
  t.false(none.includes('30,000,000'), 'no table of one-sided rows');
});
