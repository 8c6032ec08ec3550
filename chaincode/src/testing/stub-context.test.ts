import test from 'ava';
import { ChaincodeStub } from 'fabric-shim';
import { snapshot, stubContext } from './stub-context';
import { BANK_A_ALICE } from './test-identities';

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
