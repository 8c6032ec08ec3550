import test from 'ava';
import type { CaliperRound, CaliperSection } from './caliper-report';
import { perCoreComparison, renderSaturationMarkdown, saturationChartSvg, saturationCurves, saturationResultsJson, saturationVerdict, type SaturationStep } from './caliper-saturation';

const round = (label: string, succ: number, fail: number, throughputTps: number, sendRateTps = throughputTps): CaliperRound => ({ label, succ, fail, sendRateTps, maxLatencyS: 1, minLatencyS: 0.2, avgLatencyS: 0.5, throughputTps });
const step = (offeredTps: number, throughput: number, fail = 0): SaturationStep => ({ offeredTps, round: round(`plain-step-${offeredTps}`, 1000, fail, throughput) });
const machine = { cpus: 2, model: 'Test CPU', memoryGiB: 23.4, node: 'v20.0.0' };

function section(rounds: CaliperRound[]): CaliperSection {
  return {
    label: 'Caliper',
    workloads: [
      { id: 'plain', title: 'plain write', txPerOperation: 2, fixedRate: 4 },
      { id: 'transfer', title: 'compliant transfer', txPerOperation: 3, fixedRate: 3 },
      { id: 'read', title: 'read', txPerOperation: 1, fixedRate: 20 },
    ],
    rounds,
    reportFile: 'caliper/report.html',
    roundSeconds: { fixed: 30, maximum: 60, step: 30 },
    wallSeconds: 600,
  };
}

test('the steps of each workload, by offered rate, read from the round labels; rounds of other kinds and workloads without steps are left out', (t) => {
  const curves = saturationCurves(section([round('plain-step-20', 500, 0, 16), round('plain-fixed-rate', 100, 0, 4), round('plain-step-5', 150, 0, 5), round('transfer-step-3', 90, 0, 3), round('read-maximum-rate', 900, 0, 90)]));
  t.deepEqual(curves.map((curve) => curve.workload), ['plain', 'transfer']);
  t.deepEqual(curves[0]!.steps.map((s) => s.offeredTps), [5, 20]);
  t.is(curves[0]!.txPerOperation, 2);
});

test('saturation where a step adds less than 5% over the best before it; the peak is the highest step', (t) => {
  t.deepEqual(saturationVerdict([step(5, 5), step(10, 10), step(15, 14.5), step(20, 15), step(25, 14)]), { peakTps: 15, peakAtOfferedTps: 20, saturatedAtOfferedTps: 20, reason: 'throughput stopped rising' });
});

test('saturation where failures pass 5% of a step, even while throughput still rises; 2% is not yet', (t) => {
  const verdict = saturationVerdict([step(5, 5), step(10, 10, 20), step(15, 15, 60)]);
  t.is(verdict?.reason, 'failures appeared');
  t.is(verdict?.saturatedAtOfferedTps, 15);
  // Throughput counts successes only: 15 tx/s with 60 of 1,060 failed.
  t.true(Math.abs(verdict!.peakTps - (15 * 1000) / 1060) < 1e-9);
});

test('not reached when every step still rises; no steps, no verdict', (t) => {
  t.deepEqual(saturationVerdict([step(5, 5), step(10, 10)]), { peakTps: 10, peakAtOfferedTps: 10, reason: 'not reached' });
  t.regex(renderSaturationMarkdown(section([round('plain-step-5', 150, 0, 5), round('plain-step-10', 300, 0, 10)]), machine, 's.svg'), /\(plain write\):\*\* at least 10\.0 successful tx\/s/);
  t.is(saturationVerdict([]), undefined);
});

test('per core against the published 2,500–2,900 TPS on 40 threads', (t) => {
  const c = perCoreComparison(20, 2);
  t.is(c.ourPerCore, 10);
  t.deepEqual(c.publishedPerThread, [62.5, 72.5]);
  t.is(c.ratio[0].toFixed(3), (10 / 72.5).toFixed(3));
  t.is(c.ratio[1], 10 / 62.5);
});

test('the report part: a row per step, the chart, the verdicts and the comparison with the hardware', (t) => {
  const s = section([round('plain-step-5', 150, 0, 5), round('plain-step-10', 300, 0, 10), round('plain-step-15', 300, 0, 10.2), round('transfer-step-3', 90, 0, 3)]);
  const md = renderSaturationMarkdown(s, machine, 'saturation.svg');
  t.regex(md, /\| plain +\| +15 \|/);
  t.regex(md, /!\[throughput against offered load\]\(saturation\.svg\)/);
  t.regex(md, /plain: peak 10\.2 successful tx\/s \(5\.1 operations\/s\) at 15 tx\/s offered; throughput stopped rising at 15 tx\/s offered/);
  t.regex(md, /transfer: peak 3\.0 .*saturation lies above the last step/);
  t.regex(md, /10\.2 successful tx\/s on 2 cores \(Test CPU, 23\.4 GiB\)\. Per core 5\.1 tx\/s against 62\.5–72\.5 tx\/s per thread/);
  t.is(renderSaturationMarkdown(section([round('plain-fixed-rate', 100, 0, 4)]), machine, 'x.svg'), '');
  const svg = saturationChartSvg(s);
  t.is((svg.match(/<polyline/g) ?? []).length, 2);
  t.is((svg.match(/<circle/g) ?? []).length, 4);
  const json = JSON.parse(JSON.stringify(saturationResultsJson(s))) as Record<string, { steps: unknown[]; verdict: { reason: string } }>;
  t.is(json.plain!.steps.length, 3);
  t.is(json.plain!.verdict.reason, 'throughput stopped rising');
});
