import test from 'ava';
import {
  CALIPER_LABEL,
  caliperResultsJson,
  caliperWorkloadFigures,
  CaliperReportError,
  parseCaliperSummary,
  renderCaliperConsole,
  renderCaliperMarkdown,
  successfulTps,
  transferToPlainRatios,
  type CaliperRound,
  type CaliperSection,
} from './caliper-report';

/** Caliper 0.6.0's report.html summary as its template writes it (whitespace included). */
function summaryHtml(rows: readonly (readonly string[])[], header = ['Name', 'Succ', 'Fail', 'Send Rate (TPS)', 'Max Latency (s)', 'Min Latency (s)', 'Avg Latency (s)', 'Throughput (TPS)']): string {
  const cells = (tag: string, values: readonly string[]) => values.map((value) => ` <${tag}>${value}</${tag}>`).join('');
  return [
    '<html><body><div class="left-column"><ul><li><a href="#benchmarksummary">Summary</a></li></ul></div>',
    '<div style="border-bottom: 1px solid #d9d9d9; margin-bottom: 10px;" id="benchmarksummary">',
    '    <table style="min-width: 100%;">',
    '        <h3>Summary of performance metrics</h3>',
    `        <tr>\n            ${cells('th', header)}\n        </tr>\n`,
    ...rows.map((row) => `        <tr>\n            ${cells('td', row)}\n        </tr>`),
    '    </table>',
    '</div>',
    '<div id="transfer-fixed-rate"><h2>Benchmark round: transfer-fixed-rate</h2><table><tr><th>Name</th></tr><tr><td>not the summary</td></tr></table></div>',
    '</body></html>',
  ].join('\n');
}

const round = (label: string, fields: Partial<CaliperRound> = {}): CaliperRound => ({ label, succ: 100, fail: 0, sendRateTps: 10, maxLatencyS: 0.5, minLatencyS: 0.1, avgLatencyS: 0.3, throughputTps: 10, ...fields });

function section(rounds: readonly CaliperRound[]): CaliperSection {
  return {
    label: CALIPER_LABEL,
    workloads: [
      { id: 'read', title: 'ListRoles', txPerOperation: 1, fixedRate: 20 },
      { id: 'plain', title: 'GrantRole then RevokeRole', txPerOperation: 2, fixedRate: 4 },
      { id: 'transfer', title: 'request, two approvals', txPerOperation: 3, fixedRate: 3 },
    ],
    rounds,
    reportFile: 'caliper/report.html',
    roundSeconds: { fixed: 8, maximum: 12 },
    wallSeconds: 95,
  };
}

test("Caliper's summary table is read back round by round, a latency without successes as null", (t) => {
  const rounds = parseCaliperSummary(
    summaryHtml([
      ['transfer-fixed-rate', '12', '0', '1.6', '0.40', '0.29', '0.32', '1.5'],
      ['onboard-maximum-rate', '0', '7', '3.5', '-', '-', '-', '3.1'],
    ]),
  );
  t.deepEqual(rounds, [
    { label: 'transfer-fixed-rate', succ: 12, fail: 0, sendRateTps: 1.6, maxLatencyS: 0.4, minLatencyS: 0.29, avgLatencyS: 0.32, throughputTps: 1.5 },
    { label: 'onboard-maximum-rate', succ: 0, fail: 7, sendRateTps: 3.5, maxLatencyS: null, minLatencyS: null, avgLatencyS: null, throughputTps: 3.1 },
  ]);
});

test('a report without the summary table, with other columns or with a cell that is no number is refused by name', (t) => {
  t.throws(() => parseCaliperSummary('<html><body>Caliper failed before any round</body></html>'), { instanceOf: CaliperReportError, message: /no summary table/ });
  const reordered = summaryHtml([['read-fixed-rate', '1', '0', '1', '1', '1', '1', '1']], ['Name', 'Fail', 'Succ', 'Send Rate (TPS)', 'Max Latency (s)', 'Min Latency (s)', 'Avg Latency (s)', 'Throughput (TPS)']);
  t.throws(() => parseCaliperSummary(reordered), { instanceOf: CaliperReportError, message: /columns are Name, Fail, Succ/ });
  t.throws(() => parseCaliperSummary(summaryHtml([['read-fixed-rate', '1', '0', 'NaN', '1', '1', '1', '1']])), { instanceOf: CaliperReportError, message: /"NaN" for Send Rate \(TPS\) of round read-fixed-rate/ });
  t.throws(() => parseCaliperSummary(summaryHtml([['read-fixed-rate', '', '0', '1', '1', '1', '1', '1']])), { instanceOf: CaliperReportError, message: /"" for Succ/ });
});

test('successful tx/s leaves the failed share out of Caliper’s throughput, and ops/s divides by the transactions one operation takes', (t) => {
  t.is(successfulTps(round('x', { succ: 75, fail: 25, throughputTps: 8 })), 6);
  t.is(successfulTps(round('x', { succ: 0, fail: 0, throughputTps: 0 })), 0);
  const figures = caliperWorkloadFigures(section([round('transfer-maximum-rate', { succ: 90, fail: 10, throughputTps: 10 }), round('transfer-fixed-rate')]));
  const transfer = figures.find((f) => f.workload.id === 'transfer');
  t.is(transfer?.saturationOpsPerSecond, 3, '9 successful tx/s of 3 each');
  t.is(transfer?.fixed?.label, 'transfer-fixed-rate');
  t.is(figures.find((f) => f.workload.id === 'read')?.maximum, undefined, 'a round not run is missing, not zero');
});

test('compliant transfer against the plain baseline is compared at saturation per operation and per transaction, and only with both rounds', (t) => {
  const both = section([round('plain-maximum-rate', { throughputTps: 20 }), round('transfer-maximum-rate', { throughputTps: 12 })]);
  const ratios = transferToPlainRatios(both);
  t.is(ratios?.perTransaction, 0.6);
  t.is(ratios?.perOperation, 4 / 10, '4 transfers/s against 10 pairs/s');
  t.is(transferToPlainRatios(section([round('transfer-maximum-rate')])), undefined);
  t.is(transferToPlainRatios(section([round('transfer-maximum-rate'), round('plain-maximum-rate', { succ: 0, fail: 5 })])), undefined, 'a baseline that committed nothing gives no ratio');
});

test('the report section lists every workload and round with Caliper’s figures, marks a round not run, and links Caliper’s own report', (t) => {
  const report = section([
    round('read-fixed-rate', { succ: 160, sendRateTps: 20.1, throughputTps: 20, avgLatencyS: 0.03, maxLatencyS: 0.1 }),
    round('read-maximum-rate', { succ: 900, sendRateTps: 151.2, throughputTps: 149.9 }),
    round('plain-maximum-rate', { throughputTps: 20 }),
    round('transfer-maximum-rate', { succ: 60, fail: 3, throughputTps: 6.3, avgLatencyS: 0.34, maxLatencyS: 0.5 }),
  ]);
  const markdown = renderCaliperMarkdown(report);
  t.true(markdown.startsWith('## Throughput on the Fabric network (Hyperledger Caliper)\n'));
  t.true(markdown.includes(`**${CALIPER_LABEL}.**`));
  t.true(markdown.includes('| read | fixed 20 tx/s | 160 | 0 | 20.1 | 20.0 | 20.0 | 0.03 s | 0.10 s |'), markdown);
  t.true(markdown.includes('| read | maximum rate | 900 | 0 | 151.2 | 149.9 | 149.9 |'));
  t.true(markdown.includes('| plain | fixed 4 tx/s | not run |'));
  t.true(markdown.includes('| transfer | maximum rate | 60 | 3 | 10.0 | 6.3 | 2.0 | 0.34 s | 0.50 s |'));
  t.true(markdown.includes('[caliper/report.html](caliper/report.html)'));
  t.true(markdown.includes('8 s at a fixed send rate and 12 s under'));
  t.regex(markdown, /Compliant transfer ÷ plain baseline at saturation: 0\.20x per operation \(transfers\/s ÷ grant-revoke pairs\/s\), 0\.30x per transaction/);
  t.regex(renderCaliperConsole(report), /^transfer +maximum rate +60 +3 +10\.0 +6\.3 +2\.0 +0\.34 s +0\.50 s$/m);
});

test('results.json keeps each workload’s rounds by id, its saturation ops/s and the ratios', (t) => {
  const json = caliperResultsJson(section([round('plain-maximum-rate', { throughputTps: 20 }), round('transfer-maximum-rate', { throughputTps: 12 })])) as {
    workloads: Record<string, { fixed: CaliperRound | null; maximum: CaliperRound | null; saturationOpsPerSecond: number | null; txPerOperation: number }>;
    transferToPlain: { perOperation: number; perTransaction: number } | null;
    roundSeconds: unknown;
  };
  t.deepEqual(Object.keys(json.workloads), ['read', 'plain', 'transfer']);
  t.is(json.workloads.read?.maximum, null);
  t.is(json.workloads.plain?.saturationOpsPerSecond, 10);
  t.is(json.workloads.transfer?.maximum?.throughputTps, 12);
  t.is(json.workloads.transfer?.txPerOperation, 3);
  t.deepEqual(json.transferToPlain, { perOperation: 0.4, perTransaction: 0.6 });
  t.deepEqual(json.roundSeconds, { fixed: 8, maximum: 12 });
});
