/**
 * The Caliper part of the bench alone, on the stack TRESTLE_HOME / TRESTLE_PORT_BASE name (both
 * required, so it never lands on a developer's or the tests' stack by default):
 *
 *   node --import tsx test/bench/caliper/main.ts [--quick] [--out <dir>] [--round-seconds <n>] [--workloads read,plain,onboard,transfer] [--keep-up] [--plain-steps 60,80,100] [--transfer-steps 18,24]
 *
 * --plain-steps / --transfer-steps replace that workload's saturation steps (tx/s), for a look beyond them.
 *
 * Writes `<out>/caliper.md`, `<out>/saturation.svg` and `<out>/caliper/` (Caliper's report.html, log and configs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stackFromEnv } from '@trestle/network/src/stack/stack-config';
import { renderCaliperConsole, renderCaliperMarkdown } from '../../src/caliper-report';
import { renderSaturationConsole, renderSaturationMarkdown, saturationChartSvg } from '../../src/caliper-saturation';
import { CALIPER_WORKLOADS, type CaliperWorkloadId } from './benchmark-config';
import { runCaliper } from './run-caliper';

const USAGE = 'usage: TRESTLE_HOME=<dir> TRESTLE_PORT_BASE=<n> node --import tsx test/bench/caliper/main.ts [--quick] [--out <dir>] [--round-seconds <n>] [--workloads read,plain,onboard,transfer] [--keep-up] [--plain-steps 60,80,100] [--transfer-steps 18,24]';

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { quick: { type: 'boolean', default: false }, out: { type: 'string' }, 'round-seconds': { type: 'string' }, workloads: { type: 'string' }, 'keep-up': { type: 'boolean', default: false }, 'plain-steps': { type: 'string' }, 'transfer-steps': { type: 'string' } }, strict: true });
  if (process.env.TRESTLE_HOME === undefined || process.env.TRESTLE_PORT_BASE === undefined) {
    console.error(`TRESTLE_HOME and TRESTLE_PORT_BASE must name the stack to run on.\n${USAGE}`);
    return 2;
  }
  const known = CALIPER_WORKLOADS.map((workload) => workload.id);
  const workloads = values.workloads?.split(',') as CaliperWorkloadId[] | undefined;
  const unknown = workloads?.filter((id) => !known.includes(id)) ?? [];
  const seconds = values['round-seconds'] === undefined ? undefined : Number(values['round-seconds']);
  const stepList = (text: string | undefined) => text?.split(',').map(Number);
  const steps = { plain: stepList(values['plain-steps']), transfer: stepList(values['transfer-steps']) };
  const badSteps = [...(steps.plain ?? []), ...(steps.transfer ?? [])].some((tps) => !(Number.isFinite(tps) && tps > 0));
  if (badSteps) {
    console.error(`--plain-steps and --transfer-steps take rates above 0, comma-separated\n${USAGE}`);
    return 2;
  }
  if (unknown.length > 0 || (seconds !== undefined && !(Number.isInteger(seconds) && seconds > 0))) {
    console.error(`${unknown.length > 0 ? `unknown workload(s) ${unknown.join(', ')}; known: ${known.join(', ')}` : '--round-seconds takes a whole number of seconds'}\n${USAGE}`);
    return 2;
  }
  const outDir = path.resolve(values.out ?? path.join('bench', 'results', `caliper-${new Date().toISOString().slice(0, 10)}`));
  mkdirSync(outDir, { recursive: true });
  const section = await runCaliper({
    stack: stackFromEnv(process.env),
    quick: values.quick ?? false,
    outDir,
    log: (line) => console.log(`[caliper] ${line}`),
    plan: seconds === undefined ? undefined : { fixedSeconds: seconds, maximumSeconds: seconds, sampleSeconds: Math.max(1, Math.floor(seconds / 4)), stepSeconds: seconds, steps: values.quick === true ? 'quick' : 'full' },
    workloads,
    keepFabricUp: values['keep-up'] ?? false,
    steps: { ...(steps.plain === undefined ? {} : { plain: steps.plain }), ...(steps.transfer === undefined ? {} : { transfer: steps.transfer }) },
  });
  const cpus = os.cpus();
  const machine = { cpus: cpus.length, model: cpus[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, node: process.version };
  writeFileSync(path.join(outDir, 'saturation.svg'), saturationChartSvg(section));
  writeFileSync(path.join(outDir, 'caliper.md'), `${renderCaliperMarkdown(section)}\n${renderSaturationMarkdown(section, machine, 'saturation.svg')}`);
  console.log(`\n${renderCaliperConsole(section)}\n${renderSaturationConsole(section)}\n`);
  console.log(`[caliper] wrote ${path.join(outDir, 'caliper.md')}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
