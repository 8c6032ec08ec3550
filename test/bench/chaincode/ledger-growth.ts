import type { Context } from 'fabric-contract-api';
import { ASSET_ID, json } from '@trestle/chaincode/src/testing/ledger-documents';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { copyLedger, privateStateOf, type TestIdentity, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, balanceOf, DESK, ledgerForTransfers, transferRequest, unitsOnLedger } from '@trestle/chaincode/src/testing/transfer-story';
import { TransferContract } from '@trestle/chaincode/src/transfers/transfer-contract';
import type { LedgerGrowthSamples, LedgerGrowthTotals } from '../../src/bench-report';
import { BenchPreconditionError } from './bench-precondition';
import { ledgerSize, recordWrites, type TransactionBytes } from './ledger-bytes';
import { PlainMoveBaselineContract } from './plain-move-baseline';

/**
 * Units per transfer and per plain move: above the policy's minimum (100), below its travel-rule
 * and four-eyes thresholds, and small enough that anna's 600,000 units cover 1,000 transfers from
 * one holding.
 */
export const LEDGER_GROWTH_UNITS = 500n;
/** Officers approving each transfer, in order; BankB's approval settles. */
const APPROVERS: readonly TestIdentity[] = [DESK.officerA, DESK.officerB];

const transfers = new TransferContract();
const baseline = new PlainMoveBaselineContract();

/** Sums of the transactions' bytes. */
type Sums = { -readonly [K in keyof TransactionBytes]: number } & { transactions: number };

function emptySums(): Sums {
  return { transactions: 0, writeSetBytes: 0, keysWritten: 0, keysDeleted: 0, privateWriteSetBytes: 0, eventBytes: 0 };
}

function add(sums: Sums, bytes: TransactionBytes): void {
  sums.transactions += 1;
  sums.writeSetBytes += bytes.writeSetBytes;
  sums.keysWritten += bytes.keysWritten;
  sums.keysDeleted += bytes.keysDeleted;
  sums.privateWriteSetBytes += bytes.privateWriteSetBytes;
  sums.eventBytes += bytes.eventBytes;
}

/**
 * The time of flow `index`: one second after the one before, so each transfer is an acquisition of
 * its own second and the receiver's lots accumulate as they would on a ledger (units acquired in the
 * same second join one lot, addLot); from LOT_LIMIT lots on, the holding stops growing.
 */
const flowTime = (index: number) => new Date(AFTER_LOCKUP.getTime() + index * 1000);

/** Runs one contract call as `identity` on `worldState` at `at`, adds its bytes to `sums` and returns its write-set bytes. */
async function recorded(identity: TestIdentity, worldState: WorldState, sums: Sums, at: Date, call: (ctx: Context) => Promise<unknown>): Promise<number> {
  const transaction = tx(identity, worldState, { at });
  const bytesOf = recordWrites(transaction);
  await call(transaction.ctx);
  const bytes = bytesOf();
  add(sums, bytes);
  return bytes.writeSetBytes;
}

/** Request by BankA's operator, approval by BankA's officer, approval by BankB's officer that settles; the flow's write-set bytes. */
async function compliantFlow(worldState: WorldState, sums: Sums, transferId: string, at: Date): Promise<number> {
  const document = json(transferRequest(transferId, LEDGER_GROWTH_UNITS));
  let bytes = await recorded(DESK.requesterA, worldState, sums, at, (ctx) => transfers.RequestTransfer(ctx, document));
  for (const officer of APPROVERS) bytes += await recorded(officer, worldState, sums, at, (ctx) => transfers.ApproveTransfer(ctx, transferId, ''));
  return bytes;
}

function plainMove(worldState: WorldState, sums: Sums, at: Date): Promise<number> {
  return recorded(DESK.requesterA, worldState, sums, at, (ctx) => baseline.PlainMove(ctx, ASSET_ID, INVESTORS.annaA, INVESTORS.chloeB, LEDGER_GROWTH_UNITS));
}

/** `flows` flows one after another on `worldState`, with its size before and after and the sums of their bytes. */
async function grow(worldState: WorldState, flows: number, flow: (index: number, sums: Sums) => Promise<number>): Promise<LedgerGrowthTotals> {
  const before = ledgerSize(worldState, privateStateOf(worldState));
  const sums = emptySums();
  let firstWriteSetBytes = 0;
  let lastWriteSetBytes = 0;
  for (let index = 0; index < flows; index += 1) {
    lastWriteSetBytes = await flow(index, sums);
    if (index === 0) firstWriteSetBytes = lastWriteSetBytes;
  }
  const after = ledgerSize(worldState, privateStateOf(worldState));
  const { transactions, ...bytes } = sums;
  return { count: flows, transactions, stateBefore: before.state, stateAfter: after.state, privateBefore: before.privateState, privateAfter: after.privateState, ...bytes, firstWriteSetBytes, lastWriteSetBytes };
}

/** Every transfer record on the world state, by status, read straight from the map (a transaction per record would copy the ledger each time). */
function transferStatuses(worldState: WorldState, context: Context): Map<string, number> {
  const prefix = context.stub.createCompositeKey('transfer', []);
  const statuses = new Map<string, number>();
  for (const [key, value] of worldState) {
    if (!key.startsWith(prefix)) continue;
    const { status } = JSON.parse(Buffer.from(value).toString('utf8')) as { status: string };
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  return statuses;
}

/** Anna's balance, chloe's balance and every unit of the asset. */
async function unitsOf(worldState: WorldState): Promise<{ total: bigint; anna: bigint; chloe: bigint }> {
  return {
    total: unitsOnLedger(worldState, tx(DESK.regulator, worldState).ctx),
    anna: BigInt(await balanceOf(worldState, INVESTORS.annaA)),
    chloe: BigInt(await balanceOf(worldState, INVESTORS.chloeB)),
  };
}

/** Units conserved and `flows × LEDGER_GROWTH_UNITS` gone from anna to chloe, else the bytes are not those of the moves intended. */
async function checkMoved(kind: string, worldState: WorldState, before: { total: bigint; anna: bigint; chloe: bigint }, flows: number): Promise<void> {
  const after = await unitsOf(worldState);
  const moved = BigInt(flows) * LEDGER_GROWTH_UNITS;
  if (after.total !== before.total) throw new BenchPreconditionError(`${kind} left ${after.total} units on the ledger, not the ${before.total} it started with`, 'Ledger-growth');
  if (after.anna !== before.anna - moved || after.chloe !== before.chloe + moved) {
    throw new BenchPreconditionError(`${kind} took anna from ${before.anna} to ${after.anna} and chloe from ${before.chloe} to ${after.chloe}, not a move of ${moved}`, 'Ledger-growth');
  }
}

/**
 * Issue 9's ledger growth, for what the chaincode writes: `n` compliant transfers (request, an
 * approval by each bank's officer, the last settling) through the real TransferContract, one after
 * another on ONE world so records, audit entries, indexes and the receiver's lots accumulate as on
 * a ledger; then `n` plain moves on a copy of the same starting world. Every transaction's writes
 * and event are recorded (see ledger-bytes.ts). Ends with BenchPreconditionError unless every
 * transfer SETTLED, none is left pending and both worlds moved exactly the units intended.
 */
export async function runLedgerGrowth(n: number, log: (line: string) => void): Promise<LedgerGrowthSamples> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ledger growth needs a whole number of transfers, at least 1, got ${n}`);
  log(`ledger growth: building the transfer world, then ${n} compliant transfers on one world and ${n} plain moves on another`);
  const base = await ledgerForTransfers();
  const before = await unitsOf(base);
  if (before.anna < BigInt(n) * LEDGER_GROWTH_UNITS) throw new BenchPreconditionError(`anna holds ${before.anna} units, too few for ${n} transfers of ${LEDGER_GROWTH_UNITS}`, 'Ledger-growth');

  const compliantWorld = copyLedger(base);
  const compliant = await grow(compliantWorld, n, (index, sums) => compliantFlow(compliantWorld, sums, `GROWTH-T-${index}`, flowTime(index)));
  const statuses = transferStatuses(compliantWorld, tx(DESK.regulator, compliantWorld).ctx);
  if (statuses.size !== 1 || statuses.get('SETTLED') !== n) throw new BenchPreconditionError(`the transfers ended ${JSON.stringify(Object.fromEntries(statuses))}, not ${n} SETTLED`, 'Ledger-growth');
  await checkMoved('the compliant transfers', compliantWorld, before, n);

  const plainWorld = copyLedger(base);
  const plainMoves = await grow(plainWorld, n, (index, sums) => plainMove(plainWorld, sums, flowTime(index)));
  await checkMoved('the plain moves', plainWorld, before, n);
  return { n, units: LEDGER_GROWTH_UNITS.toString(), compliant, plainMove: plainMoves };
}
