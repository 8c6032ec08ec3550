import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test from 'ava';
import { HOLDING_KEY_TYPE } from '@trestle/chaincode/src/assets/holding-key';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { copyLedger, privateStateOf, snapshot, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, DESK, ledgerForTransfers } from '@trestle/chaincode/src/testing/transfer-story';
import { eventBytes, privateStoreSize, recordWrites, storeSize } from '../bench/chaincode/ledger-bytes';
import { runLedgerGrowth } from '../bench/chaincode/ledger-growth';
import { PlainMoveBaselineContract } from '../bench/chaincode/plain-move-baseline';

// The ledger-growth bench on the in-process chaincode stub (no Fabric peer): how it counts bytes,
// checked against the stub's own maps, and the workload's shape.

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Two transactions doing the same writes on two empty worlds, one recorded. */
async function sameWrites(write: (transaction: ReturnType<typeof tx>) => Promise<void>): Promise<{ recorded: WorldState; plain: WorldState; read: ReturnType<ReturnType<typeof recordWrites>> }> {
  const recorded: WorldState = new Map();
  const plain: WorldState = new Map();
  const watched = tx(DESK.requesterA, recorded);
  const readBytes = recordWrites(watched);
  await write(watched);
  await write(tx(DESK.requesterA, plain));
  return { recorded, plain, read: readBytes() };
}

test('a write set counts each key once at its last write, a delete by its key alone, and private writes apart', async (t) => {
  const { recorded, plain, read } = await sameWrites(async ({ stub }) => {
    await stub.putState('k', bytes('0123456789'));
    await stub.putState('k', bytes('abc'));
    await stub.putState('gone', bytes('xyz'));
    await stub.deleteState('gone');
    await stub.putPrivateData('_implicit_org_BankAMSP', 'p', bytes('secret'));
  });
  t.deepEqual(read, { writeSetBytes: 1 + 3 + 4, keysWritten: 1, keysDeleted: 1, privateWriteSetBytes: 1 + 6, eventBytes: 0 });
  t.deepEqual(snapshot(recorded), snapshot(plain), 'recording leaves what the stub writes unchanged');
  t.deepEqual(privateStateOf(recorded), privateStateOf(plain));
});

test('only the last event of a transaction counts, name plus payload, as Fabric keeps only that one', async (t) => {
  const { read } = await sameWrites(async ({ stub }) => {
    stub.setEvent('First', bytes('a long payload that Fabric would drop'));
    stub.setEvent('Kept', bytes('12345'));
  });
  t.is(read.eventBytes, 4 + 5);
  t.is(eventBytes([]), 0);
});

test('store sizes count UTF-8 key bytes (U+0000 separators one each) plus values, over every private collection', (t) => {
  const { stub } = tx(DESK.requesterA, new Map());
  const key = stub.createCompositeKey('holding', ['ZOB', 'INV-é']);
  t.deepEqual(storeSize(new Map([[key, bytes('{}')]])), { keys: 1, bytes: Buffer.byteLength(key) + 2 });
  t.is(Buffer.byteLength(key), 1 + 7 + 1 + 3 + 1 + 6 + 1, 'é is two bytes, each U+0000 one');
  const collections = new Map([
    ['_implicit_org_BankAMSP', new Map([['a', bytes('12')]])],
    ['_implicit_org_BankBMSP', new Map([['bb', bytes('3')]])],
  ]);
  t.deepEqual(privateStoreSize(collections), { keys: 2, bytes: 3 + 3 });
});

test('the recorded write set of a real plain move is exactly the two holding records it leaves on the ledger', async (t) => {
  const worldState = copyLedger(await ledgerForTransfers());
  const move = tx(DESK.requesterA, worldState, { at: AFTER_LOCKUP });
  const readBytes = recordWrites(move);
  await new PlainMoveBaselineContract().PlainMove(move.ctx, ASSET_ID, INVESTORS.annaA, INVESTORS.chloeB, 500n);
  const prefix = move.stub.createCompositeKey(HOLDING_KEY_TYPE, [ASSET_ID]);
  const holdings = new Map([...worldState].filter(([key]) => key.startsWith(prefix) && (key.includes(INVESTORS.annaA) || key.includes(INVESTORS.chloeB))));
  t.is(holdings.size, 2);
  const read = readBytes();
  t.like(read, { writeSetBytes: storeSize(holdings).bytes, keysWritten: 2, keysDeleted: 0 });
  const [event] = move.events;
  t.is(read.eventBytes, 'UnitsMoved'.length + (event?.payload.length ?? Number.NaN));
});

test('the workload runs n transfers of 3 transactions on one world, and n plain moves that add no key, both growing per flow', async (t) => {
  const samples = await runLedgerGrowth(3, () => undefined);
  t.like(samples, { n: 3, units: '500', compliant: { count: 3, transactions: 9 }, plainMove: { count: 3, transactions: 3 } });
  const { compliant, plainMove } = samples;
  t.deepEqual(compliant.stateBefore, plainMove.stateBefore, 'both start from the same world');
  t.is(plainMove.stateAfter.keys, plainMove.stateBefore.keys);
  t.true(compliant.stateAfter.keys > compliant.stateBefore.keys, 'transfer and audit records accumulate');
  t.true(compliant.stateAfter.bytes - compliant.stateBefore.bytes <= compliant.writeSetBytes, 'state cannot grow by more than was written');
  t.true(compliant.writeSetBytes > plainMove.writeSetBytes);
  t.true(compliant.eventBytes > 0 && plainMove.eventBytes > 0);
  for (const kind of [compliant, plainMove]) t.true(kind.lastWriteSetBytes > kind.firstWriteSetBytes, "the receiver's holding gains a lot per flow");
});

test('the workload refuses a run anna cannot fund, before running anything, and a run of no transfers', async (t) => {
  let logged = 0;
  await t.throwsAsync(runLedgerGrowth(1_201, () => (logged += 1)), { message: /Ledger-growth bench precondition failed: anna holds 600000 units, too few for 1201 transfers of 500/ });
  t.is(logged, 1, 'only the opening line');
  await t.throwsAsync(runLedgerGrowth(0, () => undefined), { instanceOf: RangeError });
});
