/**
 * The saturation part of the Caliper section: each stepped fixed-rate round (`<workload>-step-<tps>`,
 * benchmark-config.ts) as a point of throughput against offered load, where the curve stops rising,
 * a chart, and the comparison issue 9 asks for with the published Fabric 2.5 figures scaled by
 * cores. Pure functions over the parsed Caliper summary.
 */
import { markdownTable, type Machine } from './bench-report';
import { successfulTps, type CaliperRound, type CaliperSection } from './caliper-report';

/** One step of the curve: the rate asked of Caliper and its round. */
export interface SaturationStep {
  readonly offeredTps: number;
  readonly round: CaliperRound;
}

/** Where a workload's curve stops rising, and why. */
export interface SaturationVerdict {
  /** The highest successful transactions per second of any step, and the offered rate it came at. */
  readonly peakTps: number;
  readonly peakAtOfferedTps: number;
  /** The first step that added no throughput or failed transactions; undefined when every step still rose. */
  readonly saturatedAtOfferedTps?: number;
  readonly reason: 'throughput stopped rising' | 'failures appeared' | 'not reached';
}

export interface SaturationCurve {
  readonly workload: string;
  readonly txPerOperation: number;
  readonly steps: readonly SaturationStep[];
  readonly verdict?: SaturationVerdict;
}

/** A step that raised throughput by less than this over the best before it added nothing. */
export const RISE_FACTOR = 1.05;
/**
 * A step whose failed share passes this saw failures appear. Not 1%: the transfer workload loses
 * about 2% at any rate to endorsements that do not match (another bank's peer had not yet
 * committed the previous step, bench/caliper/README.md), which is no sign of saturation.
 */
export const FAILURE_SHARE = 0.05;

/** Published Fabric 2.5 throughput for simple writes, and the hardware threads it ran on (issue 9). */
export const PUBLISHED_FABRIC = { lowTps: 2_500, highTps: 2_900, threads: 40, source: 'published Fabric 2.5 figures for simple writes on 40-thread servers (issue 9)' } as const;

const STEP_LABEL = /^(.+)-step-(\d+(?:\.\d+)?)$/;

/** The stepped rounds of `section`, per workload in the section's order, by offered rate. */
export function saturationCurves(section: CaliperSection): SaturationCurve[] {
  return section.workloads
    .map((workload) => {
      const steps = section.rounds
        .flatMap((round) => {
          const match = STEP_LABEL.exec(round.label);
          return match !== null && match[1] === workload.id ? [{ offeredTps: Number(match[2]), round }] : [];
        })
        .sort((a, b) => a.offeredTps - b.offeredTps);
      return { workload: workload.id, txPerOperation: workload.txPerOperation, steps, verdict: saturationVerdict(steps) };
    })
    .filter((curve) => curve.steps.length > 0);
}

/** The peak and the first step, in offered order, with failures or with no rise over the best before it. */
export function saturationVerdict(steps: readonly SaturationStep[]): SaturationVerdict | undefined {
  if (steps.length === 0) return undefined;
  let peak = steps[0]!;
  for (const step of steps) if (successfulTps(step.round) > successfulTps(peak.round)) peak = step;
  let best = 0;
  for (const step of steps) {
    const { succ, fail } = step.round;
    if (succ + fail > 0 && fail / (succ + fail) > FAILURE_SHARE) return { peakTps: successfulTps(peak.round), peakAtOfferedTps: peak.offeredTps, saturatedAtOfferedTps: step.offeredTps, reason: 'failures appeared' };
    const tps = successfulTps(step.round);
    if (best > 0 && tps < best * RISE_FACTOR) return { peakTps: successfulTps(peak.round), peakAtOfferedTps: peak.offeredTps, saturatedAtOfferedTps: step.offeredTps, reason: 'throughput stopped rising' };
    best = Math.max(best, tps);
  }
  return { peakTps: successfulTps(peak.round), peakAtOfferedTps: peak.offeredTps, reason: 'not reached' };
}

/** Our peak per core beside the published figure per thread; the ratio is ours ÷ theirs (low and high end). */
export function perCoreComparison(peakTps: number, cores: number): { ourPerCore: number; publishedPerThread: [number, number]; ratio: [number, number] } {
  const ourPerCore = peakTps / cores;
  const low = PUBLISHED_FABRIC.lowTps / PUBLISHED_FABRIC.threads;
  const high = PUBLISHED_FABRIC.highTps / PUBLISHED_FABRIC.threads;
  return { ourPerCore, publishedPerThread: [low, high], ratio: [ourPerCore / high, ourPerCore / low] };
}

const f1 = (value: number) => value.toFixed(1);

function verdictSentence(curve: SaturationCurve): string {
  const v = curve.verdict;
  if (v === undefined) return `${curve.workload}: no steps ran.`;
  const peak = `peak ${f1(v.peakTps)} successful tx/s (${f1(v.peakTps / curve.txPerOperation)} operations/s) at ${v.peakAtOfferedTps} tx/s offered`;
  if (v.reason === 'not reached') return `${curve.workload}: ${peak}; every step still raised throughput, so saturation lies above the last step.`;
  return `${curve.workload}: ${peak}; ${v.reason} at ${v.saturatedAtOfferedTps} tx/s offered.`;
}

/** The saturation part of report.md: the table, the chart, each workload's verdict, and the comparison. */
export function renderSaturationMarkdown(section: CaliperSection, machine: Machine, chartFile: string): string {
  const curves = saturationCurves(section);
  if (curves.length === 0) return '';
  const rows = curves.flatMap((curve) =>
    curve.steps.map(({ offeredTps, round }) => [curve.workload, String(offeredTps), f1(round.sendRateTps), f1(successfulTps(round)), f1(successfulTps(round) / curve.txPerOperation), String(round.succ), String(round.fail), round.avgLatencyS === null ? '–' : `${round.avgLatencyS.toFixed(2)} s`]),
  );
  const plain = curves.find((curve) => curve.workload === 'plain')?.verdict;
  const comparison =
    plain === undefined
      ? []
      : (() => {
          const c = perCoreComparison(plain.peakTps, machine.cpus);
          return [
            `**Saturation of the three-bank network (plain write):** ${plain.reason === 'not reached' ? 'at least ' : ''}${f1(plain.peakTps)} successful tx/s on ${machine.cpus} cores (${machine.model}, ${machine.memoryGiB} GiB). Per core ${f1(c.ourPerCore)} tx/s against ${f1(c.publishedPerThread[0])}–${f1(c.publishedPerThread[1])} tx/s per thread in the ${PUBLISHED_FABRIC.source} (${PUBLISHED_FABRIC.lowTps.toLocaleString('en-US')}–${PUBLISHED_FABRIC.highTps.toLocaleString('en-US')} TPS): ${c.ratio[0].toFixed(2)}–${c.ratio[1].toFixed(2)}x. Not like for like: here the 2 cores run every node of the network (three peers (LevelDB state), three Raft orderers, three chaincode servers), the Caliper worker and the other work on the machine (load under Hardware); each write is endorsed by two banks' peers and runs our chaincode (role checks, audit record); the published servers give the peer its own machine and measure a bare key-value write.`,
            '',
          ];
        })();
  return [
    '### Saturation: throughput against offered load',
    '',
    `Each step is a Caliper round of ${section.roundSeconds.step ?? '?'} s at a fixed send rate (tx/s offered); throughput counts successful transactions only. A step that adds less than ${Math.round((RISE_FACTOR - 1) * 100)}% over the best before it, or loses more than ${FAILURE_SHARE * 100}% of its transactions, marks saturation.`,
    '',
    markdownTable(['workload', 'offered tx/s', 'sent tx/s', 'successful tx/s', 'ops/s', 'succ', 'fail', 'avg latency'], [false, true, true, true, true, true, true, true], rows),
    '',
    `![throughput against offered load](${chartFile})`,
    '',
    ...curves.map((curve) => `- ${verdictSentence(curve)}`),
    '',
    ...comparison,
  ].join('\n');
}

/** The curves as results.json keeps them. */
export function saturationResultsJson(section: CaliperSection): Record<string, unknown> {
  return Object.fromEntries(
    saturationCurves(section).map((curve) => [
      curve.workload,
      { steps: curve.steps.map(({ offeredTps, round }) => ({ offeredTps, sendRateTps: round.sendRateTps, successfulTps: Math.round(successfulTps(round) * 10) / 10, succ: round.succ, fail: round.fail, avgLatencyS: round.avgLatencyS })), verdict: curve.verdict ?? null },
    ]),
  );
}

const COLOURS = ['#3182bd', '#e6550d', '#31a354', '#756bb1'];

/** Throughput (successful tx/s) against offered tx/s, one line per workload and the diagonal where throughput equals the load (SVG, no dependencies). */
export function saturationChartSvg(section: CaliperSection): string {
  const curves = saturationCurves(section);
  const width = 640;
  const height = 400;
  const left = 60;
  const bottom = 340;
  const top = 40;
  const right = 480;
  const maxX = Math.max(1, ...curves.flatMap((curve) => curve.steps.map((step) => step.offeredTps)));
  const maxY = Math.max(maxX, ...curves.flatMap((curve) => curve.steps.map((step) => successfulTps(step.round))));
  const x = (value: number) => left + (value / maxX) * (right - left);
  const y = (value: number) => bottom - (value / maxY) * (bottom - top);
  const ticks = (max: number) => [0, 0.25, 0.5, 0.75, 1].map((share) => Math.round(max * share));
  const lines = curves.map((curve, index) => {
    const colour = COLOURS[index % COLOURS.length]!;
    const points = curve.steps.map((step) => `${x(step.offeredTps).toFixed(1)},${y(successfulTps(step.round)).toFixed(1)}`);
    return [
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/>`,
      ...points.map((point) => `<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="3" fill="${colour}"/>`),
      `<text x="${right + 16}" y="${top + 20 + index * 18}" font-size="12" fill="${colour}">${curve.workload}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    '<text x="8" y="18" font-size="14" font-weight="bold">Throughput against offered load (Caliper, fixed-rate steps)</text>',
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#333"/><line x1="${left}" y1="${bottom}" x2="${left}" y2="${top}" stroke="#333"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(maxX).toFixed(1)}" y2="${y(maxX).toFixed(1)}" stroke="#bbb" stroke-dasharray="4 4"/>`,
    ...ticks(maxX).map((tick) => `<text x="${x(tick).toFixed(1)}" y="${bottom + 16}" font-size="11" text-anchor="middle">${tick}</text>`),
    ...ticks(maxY).map((tick) => `<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" font-size="11" text-anchor="end">${tick}</text>`),
    `<text x="${(left + right) / 2}" y="${bottom + 36}" font-size="12" text-anchor="middle">offered tx/s</text>`,
    `<text x="16" y="${(top + bottom) / 2}" font-size="12" transform="rotate(-90 16 ${(top + bottom) / 2})" text-anchor="middle">successful tx/s</text>`,
    ...lines,
    `<text x="${right + 16}" y="${top + 20 + curves.length * 18}" font-size="12" fill="#999">- - throughput = offered</text>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Each workload's verdict, one line each, for the terminal. */
export function renderSaturationConsole(section: CaliperSection): string {
  return saturationCurves(section)
    .map((curve) => `saturation ${verdictSentence(curve)}`)
    .join('\n');
}
