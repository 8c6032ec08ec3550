import test from 'ava';
import { createHash } from 'node:crypto';
import { ChaincodeStub } from 'fabric-shim';
import { privateStateOf, privateVersionsOf, snapshot, snapshotLedger, stubContext, type WorldState } from './stub-context';
import { BANK_A_ALICE, BANK_B_CAROL } from './test-identities';

// fabric-shim's createCompositeKey does not use its receiver, so it can be called bare to compare.
const fabricCompositeKey = (objectType: string, attributes: string[]): string =>
  (ChaincodeStub.prototype.createCompositeKey as (this: unknown, o: string, a: string[]) => string).call(undefined, objectType, attributes);

test('composite keys are byte for byte the ones fabric-shim builds', (t) => {
  const { stub } = stubContext({ identity: BANK_A_ALICE });
  const cases: Array<[string, string[]]> = [
    ['role~grant', ['BankAMSP', 'x509::/CN=a::/CN=ca', 'operator']],
    ['role~grant', ['BankAMSP']],
    ['role~grant', []],
    ['asset', ['ZOB', 'ünïcode 🚀']],
  ];
  for (const [objectType, attributes] of cases) t.is(stub.createCompositeKey(objectType, attributes), fabricCompositeKey(objectType, attributes));
  t.throws(() => stub.createCompositeKey('role~grant', ['']));
});

test('a partial key scan returns only keys under the prefix, in UTF-8 byte order', async (t) => {
  const { stub, worldState } = stubContext({ identity: BANK_A_ALICE });
  const key = (id: string) => stub.createCompositeKey('t', ['BankAMSP', id]);
  for (const id of ['b', '\u{1f680}', '\uffff', 'a', 'a2']) worldState.set(key(id), Buffer.from(id));
  worldState.set(stub.createCompositeKey('t', ['BankBMSP', 'a']), Buffer.from('other org'));
  worldState.set(stub.createCompositeKey('u', ['BankAMSP', 'a']), Buffer.from('other type'));

  const { stub: reader } = stubContext({ identity: BANK_A_ALICE, worldState });
  const seen: string[] = [];
  for await (const row of reader.getStateByPartialCompositeKey('t', ['BankAMSP'])) seen.push(Buffer.from(row.value).toString());
  // UTF-8 puts U+FFFF (EF BF BF) before U+1F680 (F0 ...), unlike JavaScript's UTF-16 string order.
  t.deepEqual(seen, ['a', 'a2', 'b', '\uffff', '\u{1f680}']);

  const exact: string[] = [];
  for await (const row of reader.getStateByPartialCompositeKey('t', ['BankAMSP', 'a'])) exact.push(Buffer.from(row.value).toString());
  t.deepEqual(exact, ['a'], 'the trailing U+0000 keeps "a" from matching "a2"');
});

test('reads see the state as the transaction began, writes land in the shared map', async (t) => {
  const { stub, worldState } = stubContext({ identity: BANK_A_ALICE });
  await stub.putState('k', Buffer.from('v'));
  t.is((await stub.getState('k')).length, 0, 'no read-your-writes, as on a peer');
  t.deepEqual(Buffer.from(worldState.get('k') ?? []).toString(), 'v');

  const next = stubContext({ identity: BANK_A_ALICE, worldState });
  t.is(Buffer.from(await next.stub.getState('k')).toString(), 'v');
  const before = snapshot(worldState);
  await next.stub.deleteState('k');
  t.false(worldState.has('k'));
  t.true(before.has('k'), 'a snapshot is a copy');
});

test('the client identity is fabric-shim parsing the certificate', (t) => {
  const { ctx } = stubContext({ identity: BANK_A_ALICE });
  t.is(ctx.clientIdentity.getMSPID(), 'BankAMSP');
  t.is(ctx.clientIdentity.getID(), 'x509::/C=CH/O=BankA/OU=client/CN=alice@banka.trestle.test::/C=CH/O=BankA/CN=ca.banka.trestle.test');
});

test('the transaction timestamp comes back as seconds and nanos', (t) => {
  const { stub } = stubContext({ identity: BANK_A_ALICE, txTimestamp: new Date('2026-05-04T03:02:01.789Z') });
  const { seconds, nanos } = stub.getTxTimestamp();
  t.is(seconds.toNumber(), Date.UTC(2026, 4, 4, 3, 2, 1) / 1000);
  t.is(nanos, 789_000_000);
});

test('splitCompositeKey gives back what createCompositeKey joined, as fabric-shim does', (t) => {
  const { stub } = stubContext({ identity: BANK_A_ALICE });
  const fabricSplit = (key: string) => (ChaincodeStub.prototype.splitCompositeKey as (this: unknown, k: string) => unknown).call(undefined, key);
  for (const [objectType, attributes] of [['investor~bank', ['BankAMSP', 'INV-1']], ['spv', ['a']], ['t', []]] as Array<[string, string[]]>) {
    const key = stub.createCompositeKey(objectType, attributes);
    t.deepEqual(stub.splitCompositeKey(key), { objectType, attributes });
    t.deepEqual(stub.splitCompositeKey(key), fabricSplit(key));
  }
});

test('key history lists every write newest first, with its transaction id and time, deletes included', async (t) => {
  const worldState: WorldState = new Map();
  await stubContext({ identity: BANK_A_ALICE, worldState, txId: 'tx1', txTimestamp: new Date('2026-03-01T10:00:00.000Z') }).stub.putState('k', Buffer.from('one'));
  await stubContext({ identity: BANK_A_ALICE, worldState, txId: 'tx2', txTimestamp: new Date('2026-03-02T10:00:00.500Z') }).stub.putState('k', Buffer.from('two'));
  await stubContext({ identity: BANK_A_ALICE, worldState, txId: 'tx3' }).stub.deleteState('k');

  const history: Array<[string, boolean, string, number, number]> = [];
  for await (const entry of stubContext({ identity: BANK_A_ALICE, worldState }).stub.getHistoryForKey('k')) {
    history.push([entry.txId, entry.isDelete, Buffer.from(entry.value).toString(), Number(entry.timestamp.seconds), entry.timestamp.nanos]);
  }
  t.deepEqual(history, [
    ['tx3', true, '', Date.UTC(2026, 2, 1, 10) / 1000, 0],
    ['tx2', false, 'two', Date.UTC(2026, 2, 2, 10) / 1000, 500_000_000],
    ['tx1', false, 'one', Date.UTC(2026, 2, 1, 10) / 1000, 0],
  ]);
});

test('private data: reads see the state at the start, the hash is SHA-256, delete keeps old versions and purge removes them', async (t) => {
  const worldState: WorldState = new Map();
  const collection = '_implicit_org_BankAMSP';
  const first = stubContext({ identity: BANK_A_ALICE, worldState });
  await first.stub.putPrivateData(collection, 'k', Buffer.from('secret'));
  t.is((await first.stub.getPrivateData(collection, 'k')).length, 0, 'no read-your-writes');

  const reader = stubContext({ identity: BANK_B_CAROL, worldState });
  t.is(Buffer.from(await reader.stub.getPrivateData(collection, 'k')).toString(), 'secret', 'implicit collections have no memberOnlyRead');
  t.deepEqual(Buffer.from(await reader.stub.getPrivateDataHash(collection, 'k')), createHash('sha256').update('secret').digest());

  await stubContext({ identity: BANK_A_ALICE, worldState }).stub.deletePrivateData(collection, 'k');
  t.false(privateStateOf(worldState).get(collection)?.has('k'));
  t.deepEqual(privateVersionsOf(worldState).get(collection)?.get('k')?.map((v) => Buffer.from(v).toString()), ['secret']);
  await stubContext({ identity: BANK_A_ALICE, worldState }).stub.purgePrivateData(collection, 'k');
  t.false(privateVersionsOf(worldState).get(collection)?.has('k'));
});

test('private data outside an implicit collection, or with an empty value, is refused as by fabric-shim and the peer', async (t) => {
  const { stub } = stubContext({ identity: BANK_A_ALICE });
  await t.throwsAsync(stub.putPrivateData('assetCollection', 'k', Buffer.from('v')), { message: /not defined/ });
  await t.throwsAsync(stub.putPrivateData('_implicit_org_', 'k', Buffer.from('v')), { message: /not defined/ });
  await t.throwsAsync(stub.putPrivateData('_implicit_org_BankAMSP', 'k', new Uint8Array(0)), { message: /value must be valid/ });
  await t.throwsAsync(stub.getPrivateData('_implicit_org_BankAMSP', ''), { message: /key must be a valid string/ });
});

test('the transient map comes back as bytes', (t) => {
  const { stub } = stubContext({ identity: BANK_A_ALICE, transient: { pii: '{"a":1}', raw: Uint8Array.of(1, 2) } });
  const transient = stub.getTransient();
  t.is(Buffer.from(transient.get('pii') ?? []).toString(), '{"a":1}');
  t.deepEqual([...(transient.get('raw') ?? [])], [1, 2]);
  t.is(stubContext({ identity: BANK_A_ALICE }).stub.getTransient().size, 0);
});

test('pagination returns pages in key order with the next key as bookmark, and "" after the last', async (t) => {
  const worldState: WorldState = new Map();
  const { stub } = stubContext({ identity: BANK_A_ALICE, worldState });
  for (const id of ['c', 'a', 'e', 'b', 'd']) await stub.putState(stub.createCompositeKey('t', ['X', id]), Buffer.from(id));
  await stub.putState(stub.createCompositeKey('t', ['Y', 'a']), Buffer.from('other'));

  const pages: string[][] = [];
  let bookmark = '';
  do {
    const { iterator, metadata } = await stubContext({ identity: BANK_A_ALICE, worldState }).stub.getStateByPartialCompositeKeyWithPagination('t', ['X'], 2, bookmark);
    const page: string[] = [];
    for (let row = await iterator.next(); !row.done; row = await iterator.next()) page.push(Buffer.from(row.value.value).toString());
    t.is(metadata.fetchedRecordsCount, page.length);
    pages.push(page);
    bookmark = metadata.bookmark;
  } while (bookmark !== '');
  t.deepEqual(pages, [['a', 'b'], ['c', 'd'], ['e']]);
});

test('a transaction that runs a paginated query cannot write, and one that wrote cannot page', async (t) => {
  const paging = stubContext({ identity: BANK_A_ALICE });
  await paging.stub.getStateByPartialCompositeKeyWithPagination('t', [], 10, '');
  await t.throwsAsync(paging.stub.putState('k', Buffer.from('v')), { message: /paginated query/ });

  const writing = stubContext({ identity: BANK_A_ALICE });
  await writing.stub.putState('k', Buffer.from('v'));
  t.throws(() => writing.stub.getStateByPartialCompositeKeyWithPagination('t', [], 10, ''), { message: /read-only/ });
});

test('snapshotLedger copies world state, private data and history, so later writes do not change it', async (t) => {
  const worldState: WorldState = new Map();
  const before = snapshotLedger(worldState);
  const { stub } = stubContext({ identity: BANK_A_ALICE, worldState });
  await stub.putPrivateData('_implicit_org_BankAMSP', 'k', Buffer.from('v'));
  t.notDeepEqual(snapshotLedger(worldState), before);
  t.deepEqual(before, snapshotLedger(new Map()));
});
