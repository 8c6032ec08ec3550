import { performance } from 'node:perf_hooks';
import type { Context } from 'fabric-contract-api';
import { ASSET_ID, json } from '@trestle/chaincode/src/testing/ledger-documents';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { copyLedger, type TestIdentity, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, balanceOf, DESK, ledgerForTransfers, transferOf, transferRequest, unitsOnLedger } from '@trestle/chaincode/src/testing/transfer-story';
import { TransferContract } from '@trestle/chaincode/src/transfers/transfer-contract';
import type { ChaincodeOverheadSamples } from '../../src/bench-report';
import { BenchPreconditionError } from './bench-precondition';
import { PlainMoveBaselineContract } from './plain-move-baseline';

/** Units per transfer and per plain move: above the policy's minimum (100), below its travel-rule (10,000) and four-eyes (50,000) thresholds. */
const UNITS = 1_000n;
/** Officers approving each transfer, in order: BankA's (the sender's bank), then BankB's, whose approval settles. */
const APPROVERS: readonly TestIdentity[] = [DESK.officerA, DESK.officerB];
/** Request, then one approval per bank; the last approval settles. */
const TRANSACTIONS_PER_FLOW = 1 + APPROVERS.length;

const transfers = new TransferContract();
const baseline = new PlainMoveBaselineContract();

/**
 * Times one contract call. The stub context is built before the clock starts: building it copies
 * the in-memory ledger (stub work a peer does not do), so only the chaincode's own execution and
 * its state calls on the stub are timed.
 */
async function timed(identity: TestIdentity, worldState: WorldState, call: (ctx: Context) => Promise<unknown>): Promise<number> {
  const { ctx } = tx(identity, worldState, { at: AFTER_LOCKUP });
  const started = performance.now();
  await call(ctx);
  return performance.now() - started;
}

interface FlowTimes {
  readonly requestMs: number;
  readonly approveMs: number[];
  readonly settleMs: number;
}

/** Request by BankA's operator, approval by BankA's officer, approval by BankB's officer that settles. */
async function compliantFlow(worldState: WorldState, transferId: string): Promise<FlowTimes> {
  const document = json(transferRequest(transferId, UNITS));
  const requestMs = await timed(DESK.requesterA, worldState, (ctx) => transfers.RequestTransfer(ctx, document));
  const approvals: number[] = [];
  for (const officer of APPROVERS) approvals.push(await timed(officer, worldState, (ctx) => transfers.ApproveTransfer(ctx, transferId, '')));
  const settleMs = approvals.pop() as number;
  return { requestMs, approveMs: approvals, settleMs };
}

/** The baseline move of the same units between the same two holdings. */
function plainMove(worldState: WorldState): Promise<number> {
  return timed(DESK.requesterA, worldState, (ctx) => baseline.PlainMove(ctx, ASSET_ID, INVESTORS.annaA, INVESTORS.chloeB, UNITS));
}

/** Units on the ledger and the two parties' balances, as the regulator reads them. */
interface Units {
  readonly total: bigint;
  readonly anna: bigint;
  readonly chloe: bigint;
}

async function unitsOf(worldState: WorldState): Promise<Units> {
  return {
    total: unitsOnLedger(worldState, tx(DESK.regulator, worldState).ctx),
    anna: BigInt(await balanceOf(worldState, INVESTORS.annaA)),
    chloe: BigInt(await balanceOf(worldState, INVESTORS.chloeB)),
  };
}

/** The transfer SETTLED (a plain move has none), units conserved, and `UNITS` gone from anna to chloe: else the figures time something else. */
async function checkOutcome(kind: string, worldState: WorldState, before: Units, transferId?: string): Promise<void> {
  if (transferId !== undefined) {
    const { status } = await transferOf(worldState, transferId);
    if (status !== 'SETTLED') throw new BenchPreconditionError(`transfer ${transferId} ended ${status}, not SETTLED`);
  }
  const after = await unitsOf(worldState);
  if (after.total !== before.total) throw new BenchPreconditionError(`a ${kind} left ${after.total} units on the ledger, not the ${before.total} it started with`);
  if (after.anna !== before.anna - UNITS || after.chloe !== before.chloe + UNITS) {
    throw new BenchPreconditionError(`a ${kind} took anna from ${before.anna} to ${after.anna} and chloe from ${before.chloe} to ${after.chloe}, not a move of ${UNITS}`);
  }
}

/** One compliant transfer and one plain move, each on its own copy of `base` (whose units are `before`), both checked; their times. */
async function pair(base: WorldState, before: Units, transferId: string): Promise<{ flow: FlowTimes; plainMs: number }> {
  const compliantWorld = copyLedger(base);
  const flow = await compliantFlow(compliantWorld, transferId);
  await checkOutcome('compliant transfer', compliantWorld, before, transferId);
  const plainWorld = copyLedger(base);
  const plainMs = await plainMove(plainWorld);
  await checkOutcome('plain move', plainWorld, before);
  return { flow, plainMs };
}

/**
 * Issue 4's "Measure", for the chaincode alone: `n` compliant transfers (request by BankA's
 * operator, an approval by an officer of each bank, the last one settling) through the real
 * TransferContract, and `n` plain moves of the same units between the same holdings through the
 * baseline that skips compliance. Every flow and every move starts from its own copy of one world
 * (the story's tokenized asset, holders at BankA and BankB, the policy in force), so each sample
 * does the same work and `n` sets only the sample count: on one shared world the receiver would
 * gain a lot per transfer and later samples would read larger holdings. Flows and moves alternate,
 * so the shared machine's load falls on both alike; `warmup` pairs run first, unmeasured, for the
 * JIT. Ends with BenchPreconditionError unless every transfer SETTLED and every world conserves
 * units with the expected balances.
 */
export async function runComplianceOverhead(n: number, warmup: number, log: (line: string) => void): Promise<ChaincodeOverheadSamples> {
  log(`compliance overhead: building the transfer world, warming up with ${warmup} transfers and moves`);
  const base = await ledgerForTransfers();
  const before = await unitsOf(base);
  for (let i = 0; i < warmup; i += 1) await pair(base, before, `BENCH-WARM-${i}`);
  const samples = { flowsMs: [] as number[], requestMs: [] as number[], approveMs: [] as number[], settleMs: [] as number[], plainMoveMs: [] as number[] };
  log(`compliance overhead: ${n} compliant transfers (${TRANSACTIONS_PER_FLOW} transactions each) and ${n} plain moves, alternating`);
  for (let i = 0; i < n; i += 1) {
    const { flow, plainMs } = await pair(base, before, `BENCH-T-${i}`);
    samples.requestMs.push(flow.requestMs);
    samples.approveMs.push(...flow.approveMs);
    samples.settleMs.push(flow.settleMs);
    samples.flowsMs.push(flow.requestMs + flow.approveMs.reduce((sum, ms) => sum + ms, 0) + flow.settleMs);
    samples.plainMoveMs.push(plainMs);
  }
  return { n, warmup, transactionsPerFlow: TRANSACTIONS_PER_FLOW, units: UNITS.toString(), ...samples };
}
