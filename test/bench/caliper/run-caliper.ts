/**
 * The Caliper part of `npm run bench`: installs Caliper in bench/caliper when missing, brings the
 * bench stack's Fabric consortium up (the steps of `trestle network up`), grants the roles the
 * workloads sign with, tokenizes a fresh asset for the transfer rounds, writes Caliper's network and
 * benchmark configuration, runs `caliper launch manager`, keeps its report.html and log in the
 * output folder and reads its summary back. The consortium is stopped again at the end (its ledger
 * kept), as the bench's devnet is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { genesisBlockPath } from '@trestle/network/src/fabric/channel-config';
import { ensureFabricBinaries } from '@trestle/network/src/fabric/fabric-binaries';
import { fabricRssFigures, networkUpFigure } from './fabric-footprint';
import { stopFabricProcesses } from '@trestle/network/src/fabric/fabric-processes';
import { fabricUpSteps } from '@trestle/network/src/fabric/fabric-up';
import { fabricTopology, type BankNode, type FabricTopology } from '@trestle/network/src/fabric/topology';
import { REPO_ROOT, type StackConfig } from '@trestle/network/src/stack/stack-config';
import { awaitEveryPeerDiscovered, walletIdentityId } from '@trestle/network/test/support/fabric-client';
import { ensurePeopleRoles } from '@trestle/network/test/support/ledger-people';
import { ledgerCli, tokenizedAsset, type TokenizedAsset } from '@trestle/network/test/support/tokenized-asset';
import { CALIPER_LABEL, parseCaliperSummary, type CaliperSection } from '../../src/caliper-report';
import { CALIPER_WORKLOADS, FULL_ROUNDS, QUICK_ROUNDS, writeCaliperBenchmarkConfig, type CaliperRoundPlan, type CaliperSetup, type CaliperWorkloadId, type TransferLane } from './benchmark-config';
import { invokerOf, writeCaliperNetworkConfig } from './network-config';
import { awaitRaftLeader } from '@trestle/network/src/fabric/raft-leader';

/** Caliper's own package: not a root workspace, installed from its lockfile. */
export const CALIPER_PACKAGE_DIR = path.join(REPO_ROOT, 'bench', 'caliper');
const CALIPER_CLI = path.join(CALIPER_PACKAGE_DIR, 'node_modules', '@hyperledger', 'caliper-cli', 'caliper.js');
/** Keeps Caliper's module resolution inside its package (the root's fabric-network would read as a second binding). */
const CONFINE_MODULES = path.join(CALIPER_PACKAGE_DIR, 'confine-modules.cjs');
/** The SUT binding: @hyperledger/fabric-gateway 1.5.0 with @grpc/grpc-js 1.10.3 (pinned in bench/caliper/package.json as well). */
const CALIPER_BINDING = 'fabric:2.5';
/** Base units per transfer: at the fixture policy's minimum, below its travel-rule and four-eyes thresholds. */
const TRANSFER_UNITS = '100';
/** A Caliper run that has not finished in this long is stopped (a full run takes about 8 minutes). */
const CALIPER_TIMEOUT_MS = 20 * 60_000;

export interface CaliperRunOptions {
  readonly stack: StackConfig;
  readonly quick: boolean;
  /** The bench's output folder; Caliper's files go to `<outDir>/caliper/`. */
  readonly outDir: string;
  readonly log: (line: string) => void;
  /** Round lengths instead of QUICK_ROUNDS / FULL_ROUNDS (short rounds while developing). */
  readonly plan?: CaliperRoundPlan;
  /** A subset of CALIPER_WORKLOADS, by id (default: all). */
  readonly workloads?: readonly CaliperWorkloadId[];
  /** Leave the consortium running afterwards (the bench stops it, as it stops its devnet). */
  readonly keepFabricUp?: boolean;
  /** Saturation steps (tx/s) instead of a workload's own, for a focused look above or below them. */
  readonly steps?: Partial<Record<CaliperWorkloadId, readonly number[]>>;
}

/** Runs `command` in bench/caliper, failing with its exit code; its output goes to the log. */
function runInPackage(log: (line: string) => void, command: string, args: readonly string[]): void {
  log(`${command} ${args.join(' ')}`);
  const done = spawnSync(command, args, { cwd: CALIPER_PACKAGE_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} in ${CALIPER_PACKAGE_DIR} exited ${done.status}:\n${done.stdout}${done.stderr}`);
}

/** Installs Caliper from bench/caliper's lockfile when it is missing, then the fabric:2.5 binding when that is missing. */
export function ensureCaliperInstalled(log: (line: string) => void): void {
  if (!existsSync(CALIPER_CLI)) runInPackage(log, 'npm', ['ci', '--no-audit', '--no-fund']);
  // The lockfile already holds the binding's packages; bind only repairs a tree that lost them, without touching package.json.
  if (!existsSync(path.join(CALIPER_PACKAGE_DIR, 'node_modules', '@hyperledger', 'fabric-gateway', 'package.json'))) {
    runInPackage(log, process.execPath, [CALIPER_CLI, 'bind', '--caliper-bind-sut', CALIPER_BINDING, '--caliper-bind-args=--no-save']);
  }
}

/** Brings the stack's consortium up (idempotent: a stack that ran before keeps its ledger). */
export async function ensureFabricUp(stack: StackConfig, log: (line: string) => void, topology: FabricTopology = fabricTopology(stack)): Promise<void> {
  ensureFabricBinaries(log);
  for (const step of fabricUpSteps(stack, topology)) {
    log(`  ${step.title}`);
    await step.run(() => {});
  }
  log(`  Raft leader of channel ${topology.channel}: ${await awaitRaftLeader(topology)}`);
  await awaitEveryPeerDiscovered(stack, 'bankA');
  await awaitEveryPeerDiscovered(stack, 'bankB');
}

const bankOf = (topology: FabricTopology, handle: BankNode['handle']) => topology.banks.find((bank) => bank.handle === handle) as BankNode;

/**
 * Transfer lanes, each on an asset of its own: four from BankA to BankB, two back. A lane carries
 * one transfer (three commits, about 1.2 s here) at a time, so at saturation the transfer rate is
 * about lanes / 1.2 s; three lanes held it at about 7.5 tx/s, half what the plain baseline reached.
 */
const LANES = ['A→B', 'A→B', 'B→A', 'A→B', 'A→B', 'B→A'] as const;

/**
 * The ledger the workloads need: roles (ledger-people.ts) and, per transfer lane, a fresh asset
 * tokenized with no lockup (a1, a2 at BankA and b1 at BankB hold units, b2 at BankB none). One
 * asset per lane because the transfer rules count the asset's holders by reading every holding of
 * the asset: a settlement in one lane changes what a transfer of the same asset in another lane
 * read, and Fabric invalidates the later one (MVCC_READ_CONFLICT, seen with three lanes on one
 * asset). Lanes on one asset would measure that conflict, not the transfer.
 */
async function prepareLedger(stack: StackConfig, topology: FabricTopology, log: (line: string) => void): Promise<CaliperSetup> {
  const bankA = bankOf(topology, 'bankA');
  const bankB = bankOf(topology, 'bankB');
  log('granting the roles the workloads sign with');
  await ensurePeopleRoles(stack);
  const runTag = randomBytes(3).toString('hex').toUpperCase();
  const cli = ledgerCli(stack);
  try {
    log(`tokenizing ${LANES.length} fresh assets for the transfer lanes (no lockup), side by side`);
    const assets = await Promise.all(LANES.map((_, index) => tokenizedAsset(cli, { tag: `CAL${runTag}L${index}`, policy: { lockupSeconds: 0 } })));
    const officerA = invokerOf(bankA, 'officer1');
    const officerB = invokerOf(bankB, 'officer1');
    const lanes = LANES.map((direction, index): TransferLane => {
      const { investors, assetId } = assets[index] as TokenizedAsset;
      return direction === 'A→B'
        ? { assetId, from: investors.a1, to: investors.b2, requester: invokerOf(bankA, 'operator1'), approvers: [officerA, officerB] }
        : { assetId, from: investors.b1, to: investors.a2, requester: invokerOf(bankB, 'operator1'), approvers: [officerB, officerA] };
    });
    return {
      runTag,
      reader: invokerOf(bankA, 'admin'),
      admin: invokerOf(bankA, 'admin'),
      adminIssuer: walletIdentityId(stack, 'bankA', 'admin').split('::')[2] as string,
      officer: officerA,
      onboardingEndorsers: [bankA.mspId, bankB.mspId],
      transferAmount: TRANSFER_UNITS,
      lanes,
    };
  } finally {
    cli.dispose();
  }
}

/** Runs `caliper launch manager` with its output in `logFile`; resolves when it exits 0. */
function launchCaliper(folder: string, networkFile: string, benchmarkFile: string, reportFile: string, logFile: string): Promise<void> {
  const args = [
    CALIPER_CLI, 'launch', 'manager',
    '--caliper-workspace', folder,
    '--caliper-networkconfig', networkFile,
    '--caliper-benchconfig', benchmarkFile,
    '--caliper-report-path', reportFile,
    '--caliper-flow-only-test',
    '--caliper-logging-formats-colorize-all', 'false',
    // The manager closes a round on the progress observer's next tick: 1 s instead of 5 s keeps a --quick run near two minutes.
    '--caliper-progress-reporting-interval', '1000',
  ];
  const log = createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    // NODE_OPTIONS reaches the workers Caliper forks too. NODE_NO_WARNINGS: grpc-js's DEP0123 warning on every 127.0.0.1 TLS connection would flood the log.
    const env = { ...process.env, NODE_OPTIONS: `--require "${CONFINE_MODULES}"`, NODE_NO_WARNINGS: '1' };
    const child = spawn(process.execPath, args, { cwd: CALIPER_PACKAGE_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => child.kill('SIGTERM'), CALIPER_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      log.end();
      if (code === 0) resolve();
      else reject(new Error(`caliper launch manager ${signal ? `was stopped (${signal})` : `exited ${code}`}; see ${logFile}`));
    });
  });
}

/** The Caliper section of the bench: every workload at a fixed rate and at saturation on the stack's real Fabric network. */
export async function runCaliper(options: CaliperRunOptions): Promise<CaliperSection> {
  const started = Date.now();
  // Each line says how far into the Caliper part it is: set-up time varies with the machine's load.
  const log = (line: string) => options.log(`[${Math.round((Date.now() - started) / 1000)} s] ${line}`);
  const { stack } = options;
  const folder = path.join(options.outDir, 'caliper');
  mkdirSync(folder, { recursive: true });
  ensureCaliperInstalled(log);
  const topology = fabricTopology(stack);
  log(`bringing the Fabric consortium up (${stack.home}, port base ${stack.portBase})`);
  try {
    const warm = existsSync(genesisBlockPath(topology));
    const upStarted = Date.now();
    await ensureFabricUp(stack, log, topology);
    const footprint = [networkUpFigure((Date.now() - upStarted) / 1000, warm), ...fabricRssFigures(stack.home, topology, 'idle')];
    const setup = await prepareLedger(stack, topology, log);
    const plan = options.plan ?? (options.quick ? QUICK_ROUNDS : FULL_ROUNDS);
    const workloads = CALIPER_WORKLOADS.filter((workload) => options.workloads?.includes(workload.id) ?? true).map((workload) => {
      const steps = options.steps?.[workload.id];
      return steps === undefined ? workload : { ...workload, steps: { full: steps, quick: steps } };
    });
    const networkFile = writeCaliperNetworkConfig(topology, folder);
    const benchmarkFile = writeCaliperBenchmarkConfig(folder, setup, plan, workloads);
    const reportFile = path.join(folder, 'report.html');
    const logFile = path.join(folder, 'caliper.log');
    log(`caliper launch manager: ${workloads.map((workload) => workload.id).join(', ')}, ${plan.fixedSeconds} s fixed rate and ${plan.maximumSeconds} s maximum rate each, saturation steps of ${plan.stepSeconds} s (log: ${logFile})`);
    await launchCaliper(folder, networkFile, benchmarkFile, reportFile, logFile);
    footprint.push(...fabricRssFigures(stack.home, topology, 'loaded'));
    log(`caliper finished; its report: ${reportFile}`);
    return {
      label: CALIPER_LABEL,
      workloads: workloads.map(({ id, title, txPerOperation, fixedRate }) => ({ id, title, txPerOperation, fixedRate })),
      rounds: parseCaliperSummary(readFileSync(reportFile, 'utf8')),
      reportFile: path.relative(options.outDir, reportFile),
      roundSeconds: { fixed: plan.fixedSeconds, maximum: plan.maximumSeconds, step: plan.stepSeconds },
      wallSeconds: Math.round((Date.now() - started) / 1000),
      footprint,
    };
  } finally {
    if (options.keepFabricUp !== true) {
      await stopFabricProcesses(stack.home, topology);
      log('Fabric consortium stopped (ledger kept)');
    }
  }
}
