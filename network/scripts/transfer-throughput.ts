import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { percentile } from '@trestle/test/src/bench-report';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { quietFabricClient } from '../src/cli/client-noise';
import { parseActingIdentity } from '../src/cli/ledger/acting-identity';
import { fabricLedgerSessions } from '../src/cli/ledger/fabric-ledger-session';
import type { LedgerSession } from '../src/cli/ledger/ledger-session';
import { ensureChaincodeBuild } from '../src/fabric/chaincode-build';
import { ensureChaincodeDefinition } from '../src/fabric/chaincode-lifecycle';
import { writeChaincodePackage } from '../src/fabric/chaincode-package';
import { chaincodeSpec, listening, READY_TIMEOUT_MS } from '../src/fabric/fabric-processes';
import { ensureConsortiumFounded } from '../src/fabric/found-consortium';
import { fabricTopology, type BankNode, type FabricTopology } from '../src/fabric/topology';
import { startProcess, stopProcess, waitUntilReady } from '../src/process/managed-process';
import { REPO_ROOT, stackFromEnv, type StackConfig } from '../src/stack/stack-config';
import { ensurePeopleRoles, PEOPLE_ROLES } from '../test/support/ledger-people';
import { ledgerCli, onboardInvestor, tokenizedAsset, type TokenizedAsset } from '../test/support/tokenized-asset';

// Issue 4's benchmark on the real three-bank network of a running stack (`trestle network up`):
// N compliant transfers (request by BankA's operator, an approval by BankA's officer, one by
// BankB's officer that re-runs the rules and settles) and N plain balance moves through the bench
// baseline that skips compliance (test/bench/chaincode/plain-move-baseline.ts), alternating, one
// transaction at a time, each timed from submit to the commit event (fabric-network, the CLI's
// endorsement plan: the caller's bank's peer plus one other bank's). Prints p50/p95 per transaction
// kind, the throughput of both (count over summed time) and their ratio.
//
// The baseline is never part of the product's chaincode, so this script deploys, on this stack
// only, a second chaincode "trestle-bench" (chaincode/dist's contracts plus the baseline) with its
// own chaincode server per bank (port of the bank's server + 1), consortium, roles and a fresh
// tokenized asset; both workloads run on it, on the same holdings. The bench servers are stopped
// at the end; the definition stays committed (a rerun reuses it).
//
// Then the same two workloads with `--lanes` L at once (each lane its own BankA sender and BankB
// receiver, onboarded and funded first), a transaction that fails validation retried until it
// commits: throughput under load, and how many of each kind Fabric invalidated and why.
//
//   TRESTLE_HOME=… TRESTLE_PORT_BASE=… node --import tsx network/scripts/transfer-throughput.ts [--count 30] [--warmup 3] [--lanes 4]

const DEFAULTS = { count: 30, warmup: 3, lanes: 4 } as const;
/** Units a lane's sender gets (by plain move from a1) before the concurrent phases. */
const LANE_FUNDS = 50_000n;
/** Attempts per transaction in the concurrent phases before the run gives up. */
const MAX_ATTEMPTS = 20;
const BENCH_CHAINCODE = 'trestle-bench';
/** Units per transfer and per move: above the policy's minimum (100), below its travel-rule (10,000) and four-eyes (50,000) thresholds. */
const UNITS = 1_000n;
const PEOPLE = { requester: 'bankA/operator1', officerA: 'bankA/officer1', officerB: 'bankB/officer1' } as const;

function positiveInteger(text: string | undefined, fallback: number, name: string, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new RangeError(`--${name} must be an integer of at least ${min}, got "${text}"`);
  return value;
}

/** The stack's topology with the bench chaincode's name and each bank's bench server on the port after its chaincode server's. */
function benchTopology(topology: FabricTopology): FabricTopology {
  return { ...topology, chaincode: BENCH_CHAINCODE, banks: topology.banks.map((bank): BankNode => ({ ...bank, chaincodeServer: { ...bank.chaincodeServer, port: bank.chaincodeServer.port + 1 } })) };
}

const benchProcessName = (bank: BankNode) => `chaincode-bench-${bank.handle}`;

/**
 * The bench chaincode's module: chaincode/dist's contracts and the baseline, which takes its amount
 * as the bigint the in-process bench passes, so a thin contract turns the transaction's string
 * argument into one. Loaded through tsx (the baseline is TypeScript under test/bench).
 */
function writeBenchModule(folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'trestle-bench-chaincode', private: true, main: 'index.js' }, null, 2));
  const source = [
    '// BENCH ONLY, written by network/scripts/transfer-throughput.ts: the product contracts plus the plain-move baseline.',
    "const { Contract } = require('fabric-contract-api');",
    `const trestle = require(${JSON.stringify(path.join(REPO_ROOT, 'chaincode', 'dist', 'index.js'))});`,
    `const { PlainMoveBaselineContract } = require(${JSON.stringify(path.join(REPO_ROOT, 'test', 'bench', 'chaincode', 'plain-move-baseline.ts'))});`,
    'const baseline = new PlainMoveBaselineContract();',
    'class PlainMoveContract extends Contract {',
    "  constructor() { super('PlainMoveBaselineContract'); }",
    '  async PlainMove(ctx, assetId, fromInvestorId, toInvestorId, amount) { await baseline.PlainMove(ctx, assetId, fromInvestorId, toInvestorId, BigInt(amount)); }',
    '}',
    'module.exports.contracts = [...trestle.contracts, PlainMoveContract];',
    '',
  ].join('\n');
  writeFileSync(path.join(folder, 'index.js'), source);
}

/** Starts the bench chaincode servers, commits the bench chaincode, founds its consortium and grants the people their roles. */
async function deployBenchChaincode(stack: StackConfig, bench: FabricTopology, log: (line: string) => void): Promise<void> {
  // The product contracts as `network up` serves them: chaincode/dist, compiled when stale.
  log(`chaincode/dist ${ensureChaincodeBuild()}`);
  const folder = path.join(stack.home, 'bench-chaincode');
  writeBenchModule(folder);
  const packageIds = new Map<string, string>();
  for (const bank of bench.banks) {
    const packageId = writeChaincodePackage(bench, bank);
    packageIds.set(bank.handle, packageId);
    const spec = chaincodeSpec(bench, bank, packageId);
    startProcess(stack.home, { ...spec, name: benchProcessName(bank), args: ['--import', 'tsx', ...spec.args, '--module-path', folder], cwd: folder });
  }
  await Promise.all(bench.banks.map((bank) => waitUntilReady(stack.home, benchProcessName(bank), () => listening(bench.host, bank.chaincodeServer.port), READY_TIMEOUT_MS.chaincode)));
  log(`chaincode ${BENCH_CHAINCODE}: ${ensureChaincodeDefinition(bench, packageIds, log)}`);
  log(`consortium on ${BENCH_CHAINCODE}: ${await ensureConsortiumFounded(stack, bench, log)}`);
  await ensurePeopleRoles(stack, PEOPLE_ROLES, { channel: bench.channel, chaincode: BENCH_CHAINCODE });
}

/** Times one submit, from the call to the commit event fabric-network waits for. */
async function timed(submit: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await submit();
  return performance.now() - started;
}

type Sessions = Record<keyof typeof PEOPLE, LedgerSession>;
type FlowTimes = { requestMs: number; approveMs: number; settleMs: number };

async function compliantTransfer(sessions: Sessions, asset: TokenizedAsset, transferId: string): Promise<FlowTimes> {
  const request = { transferId, assetId: asset.assetId, fromInvestorId: asset.investors.a1, toInvestorId: asset.investors.b1, amount: UNITS.toString() };
  const requestMs = await timed(() => sessions.requester.contract('TransferContract').submitTransaction('RequestTransfer', JSON.stringify(request)));
  const approveMs = await timed(() => sessions.officerA.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, ''));
  const settleMs = await timed(() => sessions.officerB.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, ''));
  return { requestMs, approveMs, settleMs };
}

function plainMove(sessions: Sessions, asset: TokenizedAsset): Promise<number> {
  return timed(() => sessions.requester.contract('PlainMoveBaselineContract').submitTransaction('PlainMove', asset.assetId, asset.investors.a1, asset.investors.b1, UNITS.toString()));
}

async function readJson<T>(session: LedgerSession, contract: string, transaction: string, ...args: string[]): Promise<T> {
  return JSON.parse(Buffer.from(await session.contract(contract).evaluateTransaction(transaction, ...args)).toString('utf8')) as T;
}

/** Fails unless every measured transfer SETTLED and the units went from a1 to b1 exactly: else the figures time something else. */
async function checkOutcome(session: LedgerSession, asset: TokenizedAsset, transferIds: readonly string[], moved: bigint, before: { a1: bigint; b1: bigint }): Promise<void> {
  for (const transferId of transferIds) {
    const { status } = await readJson<TransferRecord>(session, 'TransferContract', 'GetTransfer', transferId);
    if (status !== 'SETTLED') throw new Error(`transfer ${transferId} is ${status}, not SETTLED: the bench measured something else`);
  }
  const a1 = BigInt((await readJson<HoldingRecord>(session, 'AssetContract', 'GetHolding', asset.assetId, asset.investors.a1)).balance);
  const b1 = BigInt((await readJson<HoldingRecord>(session, 'AssetContract', 'GetHolding', asset.assetId, asset.investors.b1)).balance);
  if (before.a1 - a1 !== moved || b1 - before.b1 !== moved) throw new Error(`units moved a1 ${before.a1 - a1}, b1 ${b1 - before.b1}; expected ${moved} each`);
}

/** One lane of the concurrent phases: a BankA sender and a BankB receiver no other lane touches. */
type Lane = { readonly from: string; readonly to: string };

/** Validation codes of the transactions Fabric invalidated and retried, by transaction kind. */
type Conflicts = Map<string, number>;

/**
 * Why a submit failed in a way that a retry may cure, or undefined: Fabric invalidated it at commit
 * (MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT: another lane's transaction changed what it read), or
 * its two endorsing peers answered differently (one had committed a block the other had not yet),
 * which the client sees before ordering.
 */
function retryableFailure(error: unknown): string | undefined {
  const code = (error as { transactionCode?: string }).transactionCode;
  if (code !== undefined && code !== 'VALID') return code;
  return error instanceof Error && error.message.includes('Peer endorsements do not match') ? 'ENDORSEMENTS_DIFFER' : undefined;
}

/** Submits until the transaction commits: a retryable failure is counted and retried; anything else ends the run. */
async function committed(conflicts: Conflicts, kind: string, submit: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await submit();
      return;
    } catch (error) {
      const why = retryableFailure(error);
      if (why === undefined || attempt >= MAX_ATTEMPTS) throw error;
      conflicts.set(`${kind} ${why}`, (conflicts.get(`${kind} ${why}`) ?? 0) + 1);
    }
  }
}

/** Onboards a sender at BankA and a receiver at BankB per lane, and funds each sender from a1 by plain move. */
async function prepareLanes(stack: StackConfig, names: { channel: string; chaincode: string }, sessions: Sessions, asset: TokenizedAsset, lanes: number): Promise<Lane[]> {
  const cli = ledgerCli(stack, names);
  const prepared: Lane[] = [];
  try {
    for (let i = 0; i < lanes; i += 1) {
      const lane = { from: `${asset.assetId}-LA-${i}`, to: `${asset.assetId}-LB-${i}` };
      await onboardInvestor(cli, PEOPLE.officerA, lane.from, `Lane Sender ${i}`);
      await onboardInvestor(cli, PEOPLE.officerB, lane.to, `Lane Receiver ${i}`);
      await sessions.requester.contract('PlainMoveBaselineContract').submitTransaction('PlainMove', asset.assetId, asset.investors.a1, lane.from, LANE_FUNDS.toString());
      prepared.push(lane);
    }
  } finally {
    cli.dispose();
  }
  return prepared;
}

/** Runs `perLane` items on every lane at once; the wall time in seconds. */
async function concurrently(lanes: readonly Lane[], perLane: number, item: (lane: Lane, laneIndex: number, i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(lanes.map(async (lane, laneIndex) => {
    for (let i = 0; i < perLane; i += 1) await item(lane, laneIndex, i);
  }));
  return (performance.now() - started) / 1000;
}

type ConcurrentRun = { lanes: number; transfers: number; transferSeconds: number; transferConflicts: Conflicts; moves: number; moveSeconds: number; moveConflicts: Conflicts };

/** The concurrent phases: compliant transfers on every lane at once, then plain moves; every transfer checked SETTLED. */
async function runConcurrent(sessions: Sessions, asset: TokenizedAsset, lanes: readonly Lane[], count: number): Promise<ConcurrentRun> {
  const perLane = Math.ceil(count / lanes.length);
  const transferConflicts: Conflicts = new Map();
  const transferIds: string[] = [];
  const transferSeconds = await concurrently(lanes, perLane, async (lane, laneIndex, i) => {
    const transferId = `${asset.assetId}-L${laneIndex}-${i}`;
    const request = { transferId, assetId: asset.assetId, fromInvestorId: lane.from, toInvestorId: lane.to, amount: UNITS.toString() };
    await committed(transferConflicts, 'request', () => sessions.requester.contract('TransferContract').submitTransaction('RequestTransfer', JSON.stringify(request)));
    await committed(transferConflicts, 'approval', () => sessions.officerA.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, ''));
    await committed(transferConflicts, 'settling approval', () => sessions.officerB.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, ''));
    transferIds.push(transferId);
  });
  for (const transferId of transferIds) {
    const { status } = await readJson<TransferRecord>(sessions.officerA, 'TransferContract', 'GetTransfer', transferId);
    if (status !== 'SETTLED') throw new Error(`transfer ${transferId} is ${status}, not SETTLED: the bench measured something else`);
  }
  const moveConflicts: Conflicts = new Map();
  const moveSeconds = await concurrently(lanes, perLane, (lane) =>
    committed(moveConflicts, 'plain move', () => sessions.requester.contract('PlainMoveBaselineContract').submitTransaction('PlainMove', asset.assetId, lane.from, lane.to, UNITS.toString())),
  );
  return { lanes: lanes.length, transfers: transferIds.length, transferSeconds, transferConflicts, moves: perLane * lanes.length, moveSeconds, moveConflicts };
}

type Figures = { n: number; p50: number; p95: number; perSecond: number };

function figures(samplesMs: readonly number[]): Figures {
  const total = samplesMs.reduce((sum, ms) => sum + ms, 0);
  return { n: samplesMs.length, p50: percentile(samplesMs, 50), p95: percentile(samplesMs, 95), perSecond: (samplesMs.length / total) * 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, warmup: { type: 'string' }, lanes: { type: 'string' } } });
  const count = positiveInteger(values.count, DEFAULTS.count, 'count', 1);
  const warmup = positiveInteger(values.warmup, DEFAULTS.warmup, 'warmup', 0);
  const laneCount = positiveInteger(values.lanes, DEFAULTS.lanes, 'lanes', 0);
  const stack = stackFromEnv();
  quietFabricClient(stack.home);
  const bench = benchTopology(fabricTopology(stack));
  const log = (line: string) => console.error(`› ${line}`);
  const names = { channel: bench.channel, chaincode: BENCH_CHAINCODE };

  try {
    await deployBenchChaincode(stack, bench, log);
    const cli = ledgerCli(stack, names);
    let asset: TokenizedAsset;
    try {
      // Large enough a holder maximum that b1 receives every transfer and move of the run.
      asset = await tokenizedAsset(cli, { tag: 'BENCH', policy: { lockupSeconds: 0, maxBalancePerHolder: '1000000000' } });
    } finally {
      cli.dispose();
    }
    log(`asset ${asset.assetId}: ${warmup} warm-up pairs, then ${count} compliant transfers and ${count} plain moves of ${UNITS} units, alternating`);
    const open = fabricLedgerSessions(stack, names);
    const sessions: Sessions = {
      requester: await open(parseActingIdentity(PEOPLE.requester)),
      officerA: await open(parseActingIdentity(PEOPLE.officerA)),
      officerB: await open(parseActingIdentity(PEOPLE.officerB)),
    };
    try {
      const holding = async (investorId: string) => BigInt((await readJson<HoldingRecord>(sessions.officerA, 'AssetContract', 'GetHolding', asset.assetId, investorId)).balance);
      for (let i = 0; i < warmup; i += 1) {
        await compliantTransfer(sessions, asset, `${asset.assetId}-WARM-${i}`);
        await plainMove(sessions, asset);
      }
      const before = { a1: await holding(asset.investors.a1), b1: await holding(asset.investors.b1) };
      const samples = { flow: [] as number[], request: [] as number[], approve: [] as number[], settle: [] as number[], plain: [] as number[] };
      const transferIds: string[] = [];
      const started = performance.now();
      for (let i = 0; i < count; i += 1) {
        const transferId = `${asset.assetId}-T-${i}`;
        const flow = await compliantTransfer(sessions, asset, transferId);
        transferIds.push(transferId);
        samples.request.push(flow.requestMs);
        samples.approve.push(flow.approveMs);
        samples.settle.push(flow.settleMs);
        samples.flow.push(flow.requestMs + flow.approveMs + flow.settleMs);
        samples.plain.push(await plainMove(sessions, asset));
      }
      const wallSeconds = (performance.now() - started) / 1000;
      await checkOutcome(sessions.officerA, asset, transferIds, 2n * BigInt(count) * UNITS, before);
      report(stack, { count, warmup, wallSeconds, samples });
      if (laneCount > 0) {
        log(`${laneCount} lanes: onboarding and funding a sender and a receiver each`);
        const lanes = await prepareLanes(stack, names, sessions, asset, laneCount);
        log(`${laneCount} lanes: ${count} compliant transfers, then ${count} plain moves, the lanes at once`);
        reportConcurrent(await runConcurrent(sessions, asset, lanes, count));
      }
    } finally {
      for (const session of Object.values(sessions)) await session.close();
    }
  } finally {
    for (const bank of bench.banks) await stopProcess(stack.home, benchProcessName(bank));
  }
}

function report(stack: StackConfig, run: { count: number; warmup: number; wallSeconds: number; samples: Record<'flow' | 'request' | 'approve' | 'settle' | 'plain', number[]> }): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (label: string, figure: Figures, unit: string) => `${label.padEnd(44)} ${String(figure.n).padStart(4)}  p50 ${ms(figure.p50).padStart(9)}  p95 ${ms(figure.p95).padStart(9)}  ${figure.perSecond.toFixed(2).padStart(7)} ${unit}`;
  const flow = figures(run.samples.flow);
  const plain = figures(run.samples.plain);
  const settle = figures(run.samples.settle);
  console.log(`Compliant transfers vs plain moves on the real Fabric network of ${stack.home} (chaincode ${BENCH_CHAINCODE}, ${run.count} of each after ${run.warmup} warm-up pairs, one transaction at a time, ${UNITS} units each; ${run.wallSeconds.toFixed(1)} s)`);
  console.log(row('compliant transfer (3 transactions)', flow, 'transfers/s'));
  console.log(row('plain move (baseline, 1 transaction)', plain, 'moves/s'));
  console.log(row('  request', figures(run.samples.request), 'tx/s'));
  console.log(row('  approval, not settling', figures(run.samples.approve), 'tx/s'));
  console.log(row('  approval that settles', settle, 'tx/s'));
  const compliantTransactions = (flow.n * 3 * 1000) / run.samples.flow.reduce((sum, value) => sum + value, 0);
  console.log(`every compliant transaction: ${compliantTransactions.toFixed(2)} tx/s`);
  console.log(`compliant transfers/s ÷ plain moves/s   ${(flow.perSecond / plain.perSecond).toFixed(3)}  (issue 4's goal: at least 0.800; one transaction at a time, a 3-transaction transfer reaches about 1/3 at best)`);
  console.log(`compliant tx/s ÷ plain moves/s          ${(compliantTransactions / plain.perSecond).toFixed(3)}  (per transaction: what compliance costs each one)`);
  console.log(`settling approvals/s ÷ plain moves/s    ${(settle.perSecond / plain.perSecond).toFixed(3)}  (the settlement's own transaction against the move it wraps)`);
}

function reportConcurrent(run: ConcurrentRun): void {
  const conflicts = (map: Conflicts) => (map.size === 0 ? 'none invalidated' : [...map].map(([what, n]) => `${n} ${what}`).join(', '));
  const transfersPerSecond = run.transfers / run.transferSeconds;
  const movesPerSecond = run.moves / run.moveSeconds;
  console.log(`${run.lanes} lanes at once (each its own sender and receiver; a transaction Fabric invalidates is retried until it commits)`);
  console.log(`compliant transfers  ${run.transfers} in ${run.transferSeconds.toFixed(1)} s: ${transfersPerSecond.toFixed(2)} transfers/s; retried: ${conflicts(run.transferConflicts)}`);
  console.log(`plain moves          ${run.moves} in ${run.moveSeconds.toFixed(1)} s: ${movesPerSecond.toFixed(2)} moves/s; retried: ${conflicts(run.moveConflicts)}`);
  console.log(`compliant transfers/s ÷ plain moves/s   ${(transfersPerSecond / movesPerSecond).toFixed(3)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
