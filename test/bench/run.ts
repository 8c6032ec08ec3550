/**
 * `npm run bench`: times compliant transfers against plain moves in the chaincode (on the in-process
 * stub) and counts the bytes they write there (ledger growth per 1,000 transfers); runs the
 * Hyperledger Caliper workloads on the bench stack's real three-bank Fabric network (unless
 * --no-caliper), fixed rate, maximum rate and stepped rates up to saturation; starts its own devnet
 * and measures the gas of real transactions; measures the bridge's latency through that real Fabric
 * network and the devnet (validators on the real peers), and once more in process on the stubbed
 * ledger; writes `report.md`, `results.json` and the charts under `bench/results/<YYYY-MM-DD>/` (or
 * `--out <dir>`), prints the tables and stops the devnet and the Fabric network.
 */
import './quiet-fabric-client';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { JsonRpcProvider } from 'ethers';
import { compileAll } from '@trestle/bridge/src/compile/compile';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { devnetStatus, startDevnet, stopDevnet } from '@trestle/network/src/evm/devnet';
import { REPO_ROOT, stackFromEnv } from '@trestle/network/src/stack/stack-config';
import { performance } from 'node:perf_hooks';
import { CHAINCODE_EXECUTION_LABEL, evaluateGoals, LEDGER_GROWTH_LABEL, summarizeLedgerGrowth, latencyChartSvg, renderConsole, renderMarkdown, resultsJson, summarizeChaincodeOverhead, type BenchReport, type FootprintFigure, type LatencySection, type Machine } from '../src/bench-report';
import { bridgeOverheadFindings } from '../src/bench-commit-split';
import { rssMiB } from './footprint';
import { BENCH_HOME, BENCH_PORT_BASE } from './quiet-fabric-client';
import { runRealBridgeLatency } from './bridge/real-latency-workload';
import { runBridgeLatency } from './bridge/latency-workload';
import { compareWithBaseline, readChaincodeRatios, readGasMap, readLatencyP50, readLedgerGrowth, renderBaselineSection, renderChaincodeRatioBaselineSection, renderLatencyBaselineSection, renderLedgerGrowthBaselineSection } from '../src/bench-baseline';
import { runComplianceOverhead } from './chaincode/compliance-overhead';
import { runLedgerGrowth } from './chaincode/ledger-growth';
import { ensureFabricUp, runCaliper } from './caliper/run-caliper';
import { fabricTopology } from '@trestle/network/src/fabric/topology';
import { stopFabricProcesses } from '@trestle/network/src/fabric/fabric-processes';
import { caliperResultsJson, renderCaliperConsole, renderCaliperMarkdown, type CaliperSection } from '../src/caliper-report';
import { renderSaturationConsole, renderSaturationMarkdown, saturationChartSvg, saturationResultsJson } from '../src/caliper-saturation';
import { GAS_GOALS } from './gas/goals';
import { GAS_CONDITIONS, runGasWorkload } from './gas/workload';


const USAGE = 'usage: npm run bench -- [--quick] [--out <dir>] [--save-baseline] [--no-caliper]';
/** Bridge round trips measured: the issue asks for at least 50; --quick takes 10. */
const FULL_TRANSFERS = 50;
const QUICK_TRANSFERS = 10;
/** Compliant transfers and plain moves timed in the chaincode (issue 4 asks for N; --quick takes 50), after unmeasured warm-up pairs. */
const FULL_COMPLIANCE_PAIRS = 200;
const QUICK_COMPLIANCE_PAIRS = 50;
const FULL_COMPLIANCE_WARMUP = 50;
const QUICK_COMPLIANCE_WARMUP = 20;
/** Transfers (and plain moves) run on one world for ledger growth: issue 9 asks per 1,000; --quick runs 200 and scales (about 4 s here, against about 45 s for 1,000). */
const FULL_LEDGER_GROWTH_TRANSFERS = 1_000;
const QUICK_LEDGER_GROWTH_TRANSFERS = 200;
const LATENCY_NOTE = [
  "[real network]: round trips through the bench stack's real three-bank Fabric network (endorsed by",
  "two banks' peers, ordered by Raft with a 250 ms BatchTimeout, committed) and its devnet (automining),",
  "each bank's ValidatorNode on its own peer (validator1), passes every 200 ms, BankC relaying; the",
  'bridge-out is requested and approved through the CLI, the clock starts once the approval has',
  'committed. "Of which the ledgers committing" is the time inside the round during which at least one',
  "validator's Fabric transaction was in submission (endorse, order, commit) or an EVM transaction",
  "awaited its receipt (overlaps count once, the third bank's signature side by side included); the",
  "overhead is the rest: the validators' polling passes and queries, signing, and the bench's own",
  "polls (25 ms EVM, 50 ms ledger). The burn's confirmation blocks are mined at once and not counted.",
  '[in process]: the same bridge code with the BridgeContract run in process on the stubbed context,',
  "called directly (no polling passes): the bridge's own work plus the EVM node's round trips, no Fabric.",
].join(' ');
/** The throughput-against-offered-load chart, beside report.md. */
const SATURATION_CHART = 'saturation.svg';
const BASELINE_FILE = path.join(REPO_ROOT, 'bench', 'results', 'baseline', 'results.json');

/** This run beside the committed baseline, if there is one: gas ratios, and latency p50 ratios when both runs measured them. */
function baselineComparison(results: Record<string, unknown>): { date: string; section: string; summary: string } | undefined {
  if (!existsSync(BASELINE_FILE)) return undefined;
  const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { date?: string };
  const rows = compareWithBaseline(readGasMap(results, 'this run'), readGasMap(baseline, BASELINE_FILE));
  const date = baseline.date ?? 'unknown date';
  // A figure new in this run (or gone from it) has no ratio: counted apart, so a new row is not read as a moved one.
  const moved = rows.filter((r) => r.ratio !== undefined && Math.abs(r.ratio - 1) > 0.01).length;
  const added = rows.filter((r) => r.baseline === undefined).length;
  const missing = rows.filter((r) => r.current === undefined).length;
  const summary = `${moved} operation(s) moved by more than 1%, ${added} new (not in the baseline), ${missing} in the baseline but not measured`;
  const latency = compareWithBaseline(readLatencyP50(results), readLatencyP50(baseline));
  const latencySection = latency.length === 0 ? '' : `\n${renderLatencyBaselineSection(latency, date)}`;
  // Compliance overhead: the compliant/plain ratios only, since its times follow the machine's load.
  const chaincode = compareWithBaseline(readChaincodeRatios(results), readChaincodeRatios(baseline));
  const chaincodeSection = chaincode.length === 0 ? '' : `\n${renderChaincodeRatioBaselineSection(chaincode, date)}`;
  // Ledger growth: bytes, deterministic like gas, but scaled from the run's length (the section says when lengths differ).
  const growthNow = readLedgerGrowth(results);
  const growthThen = readLedgerGrowth(baseline);
  const growth = compareWithBaseline(growthNow?.figures ?? {}, growthThen?.figures ?? {});
  const growthSection = growth.length === 0 ? '' : `\n${renderLedgerGrowthBaselineSection(growth, date, { baseline: growthThen?.n, current: growthNow?.n })}`;
  const growthMoved = growth.filter((r) => r.ratio !== undefined && Math.abs(r.ratio - 1) > 0.01).length;
  const growthSummary = growthNow === undefined || growthThen === undefined ? '' : `; ledger growth (${growthThen.n} transfers then, ${growthNow.n} now): ${growthMoved} figure(s) moved by more than 1%`;
  return { date, section: renderBaselineSection(rows, date) + latencySection + chaincodeSection + growthSection, summary: summary + growthSummary };
}

interface BenchArgs {
  /** Fewer bridge round trips, compliance-overhead pairs and ledger-growth transfers; gas figures are exact, so the gas workload runs in full either way. */
  readonly quick: boolean;
  readonly outDir: string;
  readonly command: string;
  /** Also write this run as bench/results/baseline/results.json, the reference later runs compare to. */
  readonly saveBaseline: boolean;
  /** Run the Caliper workloads on the bench stack's Fabric network (--no-caliper skips them). */
  readonly caliper: boolean;
}

function readArgs(argv: readonly string[], date: string): BenchArgs {
  const { values } = parseArgs({ args: [...argv], options: { quick: { type: 'boolean', default: false }, out: { type: 'string' }, 'save-baseline': { type: 'boolean', default: false }, 'no-caliper': { type: 'boolean', default: false } }, strict: true });
  return {
    quick: values.quick ?? false,
    outDir: path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'results', date)),
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
    saveBaseline: values['save-baseline'] ?? false,
    caliper: !(values['no-caliper'] ?? false),
  };
}

/** Start-up time and memory as the report lists them; a figure /proc would not give is left out. */
function footprintFigures(startMs: number, idleRss: number | undefined, loadedRss: number | undefined, benchRss: number | undefined): FootprintFigure[] {
  const figures: FootprintFigure[] = [{ name: 'devnet.startMs', label: 'EVM devnet start to first answer (contracts compiled)', value: startMs, unit: 'ms' }];
  if (idleRss !== undefined) figures.push({ name: 'devnet.rssIdleMiB', label: 'EVM devnet resident memory, idle after start', value: idleRss, unit: 'MiB' });
  if (loadedRss !== undefined) figures.push({ name: 'devnet.rssLoadedMiB', label: 'EVM devnet resident memory after the gas and bridge workloads', value: loadedRss, unit: 'MiB' });
  if (benchRss !== undefined) figures.push({ name: 'bench.rssMiB', label: 'bench process (validators, relayer, in-process ledger) after the workloads', value: benchRss, unit: 'MiB' });
  return figures;
}

const loadAverage = () => os.loadavg().map((load) => Math.round(load * 100) / 100);

function machine(loadAtStart: readonly number[]): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: { start: loadAtStart, end: loadAverage() },
  };
}

/** `file` relative to the working directory when it lies below it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

async function main(argv: readonly string[]): Promise<number> {
  const started = Date.now();
  const loadAtStart = loadAverage();
  const date = new Date().toISOString().slice(0, 10);
  let args: BenchArgs;
  try {
    args = readArgs(argv, date);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const stack = stackFromEnv({
    TRESTLE_HOME: process.env.TRESTLE_HOME ?? BENCH_HOME,
    TRESTLE_PORT_BASE: process.env.TRESTLE_PORT_BASE ?? BENCH_PORT_BASE,
  });
  if (args.quick) log(`--quick: ${QUICK_TRANSFERS} bridge round trips, ${QUICK_COMPLIANCE_PAIRS} compliant transfers and plain moves timed, ${QUICK_LEDGER_GROWTH_TRANSFERS} for ledger growth (scaled to 1,000); gas figures are exact, so the gas workload runs in full`);

  // First, on a fresh heap and with no devnet running beside it: inside the run, after the EVM
  // workloads, its ratio read about 1.5x the figure alone (garbage collection, the p95s said).
  log(`compliance overhead (${CHAINCODE_EXECUTION_LABEL})`);
  const chaincodeOverhead = summarizeChaincodeOverhead(
    await runComplianceOverhead(args.quick ? QUICK_COMPLIANCE_PAIRS : FULL_COMPLIANCE_PAIRS, args.quick ? QUICK_COMPLIANCE_WARMUP : FULL_COMPLIANCE_WARMUP, (line) => log(line)),
  );
  log(`ledger growth (${LEDGER_GROWTH_LABEL})`);
  const ledgerGrowth = summarizeLedgerGrowth(await runLedgerGrowth(args.quick ? QUICK_LEDGER_GROWTH_TRANSFERS : FULL_LEDGER_GROWTH_TRANSFERS, (line) => log(line)));
  // Before the devnet starts, so the Fabric network has the machine's cores to itself; left up for
  // the bridge's round trips on the real network and stopped at the end (its ledger kept).
  const topology = fabricTopology(stack);
  let caliper: CaliperSection | undefined;
  let provider: JsonRpcProvider | undefined;
  try {
    if (args.caliper) {
      log('Hyperledger Caliper on the Fabric network');
      caliper = await runCaliper({ stack, quick: args.quick, outDir: args.outDir, log: (line) => log(`caliper: ${line}`), keepFabricUp: true });
    } else {
      log(`bringing the bench stack's Fabric network up for the bridge round trips (${stack.home})`);
      await ensureFabricUp(stack, (line) => log(line), topology);
    }
    log('compiling contracts');
    compileAll((line) => log(line));
    log(`starting the bench devnet (${stack.home}, port base ${stack.portBase})`);
    // Inside the try: a devnet that started but never answered is stopped too.
    try {
      const starting = performance.now();
      const url = await startDevnet(stack);
      const startMs = Math.round(performance.now() - starting);
      const devnetPid = (await devnetStatus(stack)).pid;
      const idleRss = rssMiB(devnetPid);
      provider = localProvider(url);
      const client = (await provider.send('web3_clientVersion', [])) as string;
      const { chainId } = await provider.getNetwork();
      log(`devnet ${client} at ${url}`);

      const { operations, morpho } = await runGasWorkload(provider, (line) => log(line));
      // The bridge workload's fixtures find the devnet through the test stack variables: point them at this one.
      process.env.TRESTLE_HOME = stack.home;
      process.env.TRESTLE_PORT_BASE = String(stack.portBase);
      const transfers = args.quick ? QUICK_TRANSFERS : FULL_TRANSFERS;
      log(`bridge latency: ${transfers} round trips on the real Fabric network (bridge-out to mint, burn to release)`);
      const real = await runRealBridgeLatency(stack, transfers, (line) => log(line));
      log(`bridge latency: ${transfers} round trips in process (stubbed ledger)`);
      const inProcess = await runBridgeLatency(transfers, (line) => log(line));
      const latency: LatencySection = { title: 'Bridge latency', note: LATENCY_NOTE, series: [...real, ...inProcess], findings: bridgeOverheadFindings(real) };
      const footprint = [...footprintFigures(startMs, idleRss, rssMiB(devnetPid), rssMiB(process.pid)), ...(caliper?.footprint ?? [])];
      const report: BenchReport = {
        date,
        command: args.command,
        wallSeconds: Math.round((Date.now() - started) / 1000),
        machine: machine(loadAtStart),
        chain: { client, chainId: Number(chainId) },
        operations,
        morpho,
        goals: evaluateGoals(GAS_GOALS, operations, morpho),
        conditions: GAS_CONDITIONS,
        latency,
        footprint,
        chaincodeOverhead,
        ledgerGrowth,
      };

      mkdirSync(args.outDir, { recursive: true });
      const reportFile = path.join(args.outDir, 'report.md');
      const resultsFile = path.join(args.outDir, 'results.json');
      const results = { ...resultsJson(report), ...(caliper === undefined ? {} : { caliper: { ...caliperResultsJson(caliper), saturation: saturationResultsJson(caliper) } }) };
      writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(path.join(args.outDir, 'latency.svg'), latencyChartSvg(latency));
      if (caliper !== undefined) writeFileSync(path.join(args.outDir, SATURATION_CHART), saturationChartSvg(caliper));
      const comparison = baselineComparison(results);
      const caliperMarkdown = caliper === undefined ? '' : `\n${renderCaliperMarkdown(caliper)}\n${renderSaturationMarkdown(caliper, report.machine, SATURATION_CHART)}`;
      writeFileSync(reportFile, renderMarkdown(report) + caliperMarkdown + (comparison ? `\n${comparison.section}` : ''));
      if (comparison) log(`compared with the baseline of ${comparison.date}: ${comparison.summary}`);
      if (args.saveBaseline) {
        mkdirSync(path.dirname(BASELINE_FILE), { recursive: true });
        writeFileSync(BASELINE_FILE, `${JSON.stringify(results, null, 2)}\n`);
        log(`saved this run as the baseline: ${shown(BASELINE_FILE)} (commit it)`);
      }

      console.log(`\n${renderConsole(report)}\n${latency.findings?.join('\n') ?? ''}\n`);
      if (caliper !== undefined) console.log(`${renderCaliperConsole(caliper)}\n${renderSaturationConsole(caliper)}\n`);
      log(`wrote ${shown(reportFile)}`);
      log(`wrote ${shown(resultsFile)}`);
      log(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return 0;
    } finally {
      provider?.destroy();
      await stopDevnet(stack);
      log('bench devnet stopped');
    }
  } finally {
    await stopFabricProcesses(stack.home, topology);
    log('bench Fabric network stopped (ledger kept)');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
