/**
 * The Caliper section of the bench report: the per-round figures Caliper's own HTML report
 * summarises, read back from it, and rendered for report.md, results.json and the console.
 * Pure functions; the running lives in `test/bench/caliper/`.
 */
import { markdownTable, textTable, type FootprintFigure } from './bench-report';

export const CALIPER_LABEL =
  'Hyperledger Caliper 0.6.0 (fabric:2.5 binding, Peer Gateway connector) on the local three-bank Fabric network: endorsed by two banks\' peers, ordered by Raft, committed; one Caliper worker on the same machine';

/** One round as Caliper's summary table gives it; a latency Caliper shows as "-" (no success) is null. */
export interface CaliperRound {
  readonly label: string;
  readonly succ: number;
  readonly fail: number;
  readonly sendRateTps: number;
  readonly maxLatencyS: number | null;
  readonly minLatencyS: number | null;
  readonly avgLatencyS: number | null;
  readonly throughputTps: number;
}

/** A workload as the report names it; its rounds are labelled `<id>-fixed-rate` and `<id>-maximum-rate`. */
export interface CaliperWorkloadInfo {
  readonly id: string;
  readonly title: string;
  readonly txPerOperation: number;
  /** Transactions per second the fixed-rate round sent (Caliper's controllers count transactions). */
  readonly fixedRate: number;
}

export interface CaliperSection {
  readonly label: string;
  readonly workloads: readonly CaliperWorkloadInfo[];
  readonly rounds: readonly CaliperRound[];
  /** Caliper's own HTML report, relative to report.md. */
  readonly reportFile: string;
  /** Seconds of each fixed-rate and maximum-rate round, and of each saturation step. */
  readonly roundSeconds: { readonly fixed: number; readonly maximum: number; readonly step?: number };
  /** Wall time of the Caliper part: install check, network up, set-up and the rounds. */
  readonly wallSeconds: number;
  /** Network up time and the Fabric processes' resident memory at idle and after the rounds (the report's footprint table). */
  readonly footprint?: readonly FootprintFigure[];
}

export class CaliperReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaliperReportError';
  }
}

const SUMMARY_COLUMNS = ['Name', 'Succ', 'Fail', 'Send Rate (TPS)', 'Max Latency (s)', 'Min Latency (s)', 'Avg Latency (s)', 'Throughput (TPS)'] as const;

const cellsOf = (row: string, tag: 'th' | 'td') => [...row.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => (match[1] ?? '').trim());

function numberCell(value: string, column: string, round: string): number {
  const number = Number(value);
  if (value === '' || !Number.isFinite(number)) throw new CaliperReportError(`Caliper's summary gives "${value}" for ${column} of round ${round}, not a number`);
  return number;
}

const latencyCell = (value: string, column: string, round: string) => (value === '-' ? null : numberCell(value, column, round));

/** The rounds of Caliper's "Summary of performance metrics" table in its report.html. */
export function parseCaliperSummary(html: string): CaliperRound[] {
  const start = html.indexOf('id="benchmarksummary"');
  const end = start < 0 ? -1 : html.indexOf('</table>', start);
  if (end < 0) throw new CaliperReportError('Caliper\'s report has no summary table (id="benchmarksummary")');
  const rows = html.slice(start, end).split(/<tr>/).slice(1);
  const header = cellsOf(rows[0] ?? '', 'th');
  if (header.join('|') !== SUMMARY_COLUMNS.join('|')) throw new CaliperReportError(`Caliper's summary columns are ${header.join(', ')}, not ${SUMMARY_COLUMNS.join(', ')}`);
  return rows.slice(1).map((row) => {
    const [label = '', succ = '', fail = '', sendRate = '', max = '', min = '', avg = '', throughput = ''] = cellsOf(row, 'td');
    return {
      label,
      succ: numberCell(succ, 'Succ', label),
      fail: numberCell(fail, 'Fail', label),
      sendRateTps: numberCell(sendRate, 'Send Rate (TPS)', label),
      maxLatencyS: latencyCell(max, 'Max Latency (s)', label),
      minLatencyS: latencyCell(min, 'Min Latency (s)', label),
      avgLatencyS: latencyCell(avg, 'Avg Latency (s)', label),
      throughputTps: numberCell(throughput, 'Throughput (TPS)', label),
    };
  });
}

/** Successful transactions per second: Caliper's throughput counts failed ones too. */
export function successfulTps(round: CaliperRound): number {
  const total = round.succ + round.fail;
  return total === 0 ? 0 : (round.throughputTps * round.succ) / total;
}

/** One workload's two rounds, with operations per second worked out from successful transactions. */
export interface CaliperWorkloadFigures {
  readonly workload: CaliperWorkloadInfo;
  readonly fixed?: CaliperRound;
  readonly maximum?: CaliperRound;
  /** Successful operations per second at saturation (maximum-rate round). */
  readonly saturationOpsPerSecond?: number;
}

export function caliperWorkloadFigures(section: CaliperSection): CaliperWorkloadFigures[] {
  const round = (label: string) => section.rounds.find((r) => r.label === label);
  return section.workloads.map((workload) => {
    const maximum = round(`${workload.id}-maximum-rate`);
    return {
      workload,
      fixed: round(`${workload.id}-fixed-rate`),
      maximum,
      saturationOpsPerSecond: maximum === undefined ? undefined : successfulTps(maximum) / workload.txPerOperation,
    };
  });
}

/** Compliant transfer ÷ plain baseline at saturation, per operation and per transaction; undefined without both. */
export function transferToPlainRatios(section: CaliperSection): { readonly perOperation: number; readonly perTransaction: number } | undefined {
  const figures = caliperWorkloadFigures(section);
  const transfer = figures.find((f) => f.workload.id === 'transfer');
  const plain = figures.find((f) => f.workload.id === 'plain');
  if (transfer?.maximum === undefined || plain?.maximum === undefined || successfulTps(plain.maximum) === 0) return undefined;
  return {
    perOperation: (transfer.saturationOpsPerSecond ?? 0) / (plain.saturationOpsPerSecond ?? 1),
    perTransaction: successfulTps(transfer.maximum) / successfulTps(plain.maximum),
  };
}

const fixed1 = (value: number) => value.toFixed(1);
const seconds = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)} s`);

function roundRows(section: CaliperSection): string[][] {
  return caliperWorkloadFigures(section).flatMap(({ workload, fixed, maximum }) =>
    [
      [fixed, `fixed ${workload.fixedRate} tx/s`],
      [maximum, 'maximum rate'],
    ].flatMap(([round, controller]) => {
      const r = round as CaliperRound | undefined;
      if (r === undefined) return [[workload.id, controller as string, 'not run', '', '', '', '', '', '']];
      return [[workload.id, controller as string, String(r.succ), String(r.fail), fixed1(r.sendRateTps), fixed1(r.throughputTps), fixed1(successfulTps(r) / workload.txPerOperation), seconds(r.avgLatencyS), seconds(r.maxLatencyS)]];
    }),
  );
}

const ROUND_HEADER = ['workload', 'rate', 'succ', 'fail', 'send tx/s', 'throughput tx/s', 'ops/s', 'avg latency', 'max latency'];

/** The Caliper section of report.md. */
export function renderCaliperMarkdown(section: CaliperSection): string {
  const ratios = transferToPlainRatios(section);
  return [
    '## Throughput on the Fabric network (Hyperledger Caliper)',
    '',
    `**${section.label}.**`,
    '',
    markdownTable(['workload', 'what one operation is', 'tx per operation'], [false, false, true], section.workloads.map((w) => [w.id, w.title, String(w.txPerOperation)])),
    '',
    `Each workload ran ${section.roundSeconds.fixed} s at a fixed send rate and ${section.roundSeconds.maximum} s under Caliper's maximum-rate controller, which raises the rate after each sample that its own measure (successes over summed latency) improved and backs off otherwise, so a short round may stop below saturation. Caliper counts transactions, its rate controllers too: send rate and throughput are its figures (throughput includes failed transactions), latency is per transaction from submit to commit (or to the answer, for the query); ops/s is successful transactions per second divided by the transactions one operation takes. Caliper's own report: [${section.reportFile}](${section.reportFile}).`,
    '',
    markdownTable(ROUND_HEADER, [false, false, true, true, true, true, true, true, true], roundRows(section)),
    '',
    ratios === undefined
      ? 'Compliant transfer against the plain baseline: not computed (a round is missing or the baseline committed nothing).'
      : `Compliant transfer ÷ plain baseline at saturation: ${ratios.perOperation.toFixed(2)}x per operation (transfers/s ÷ grant-revoke pairs/s), ${ratios.perTransaction.toFixed(2)}x per transaction. Issue 9's goal asks 0.8x. A transfer is three transactions signed by three people, so per operation it cannot pass about 1/3 on a network bound by transactions per second; per transaction is the like-for-like figure. Transfers run on lanes (an asset each, one transfer at a time, since the rules read every holding of the asset and a parallel settlement would invalidate them), so at saturation their rate is also bounded by lanes ÷ the three commits' latency.`,
    '',
  ].join('\n');
}

/** The Caliper figures as results.json keeps them. */
export function caliperResultsJson(section: CaliperSection): Record<string, unknown> {
  return {
    label: section.label,
    roundSeconds: section.roundSeconds,
    wallSeconds: section.wallSeconds,
    reportFile: section.reportFile,
    workloads: Object.fromEntries(
      caliperWorkloadFigures(section).map(({ workload, fixed, maximum, saturationOpsPerSecond }) => [workload.id, { title: workload.title, txPerOperation: workload.txPerOperation, fixedRate: workload.fixedRate, fixed: fixed ?? null, maximum: maximum ?? null, saturationOpsPerSecond: saturationOpsPerSecond ?? null }]),
    ),
    transferToPlain: transferToPlainRatios(section) ?? null,
  };
}

/** The Caliper rounds as a terminal table. */
export function renderCaliperConsole(section: CaliperSection): string {
  const ratios = transferToPlainRatios(section);
  return [
    `Caliper. ${section.label}.`,
    textTable(ROUND_HEADER, roundRows(section)),
    ...(ratios === undefined ? [] : [`compliant transfer ÷ plain baseline at saturation: ${ratios.perOperation.toFixed(2)}x per operation, ${ratios.perTransaction.toFixed(2)}x per transaction`]),
  ].join('\n');
}
