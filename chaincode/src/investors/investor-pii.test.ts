import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Context } from 'fabric-contract-api';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { RoleContract } from '../roles/role-contract';
import { sortedJson } from '../support/sorted-json';
import { CAST, eventsOf, tx } from '../testing/ledger-cast';
import { investorDocument, investorPii, json } from '../testing/ledger-documents';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { stagePii } from '../testing/staged-pii';
import { identityIdOf, privateStateOf, privateVersionsOf, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN } from '../testing/test-identities';
import { InvestorContract } from './investor-contract';

const contract = new InvestorContract();
const ANNA = INVESTORS.annaA;
const COLLECTION = '_implicit_org_BankAMSP';
const T1 = new Date('2026-04-01T09:00:00.000Z');

const piiKey = (worldState: WorldState, piiHash: string) => tx(CAST.bankAOfficer, worldState).stub.createCompositeKey('investor~pii', [ANNA, piiHash]);
const readRecord = async (worldState: WorldState) => JSON.parse(await contract.GetInvestor(tx(CAST.regulator, worldState).ctx, ANNA)) as InvestorRecord;

test('a compliance officer of the investor\'s bank reads the PII, exactly as stored', async (t) => {
  const worldState = await ledgerWithInvestors();
  const pii = await contract.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA);
  t.is(pii, sortedJson(investorPii({ fullName: `Investor ${ANNA}` }) as never));
});

test('BankB\'s officer cannot read BankA\'s investor PII, although the peer itself would hand it over', async (t) => {
  const worldState = await ledgerWithInvestors();
  // Fabric's implicit collections have no memberOnlyRead: through a BankA peer, the raw read works.
  t.true((await tx(CAST.bankBOfficer, worldState).stub.getPrivateData(COLLECTION, piiKey(worldState, (await readRecord(worldState)).piiHash))).length > 0);
  const error = await refused(t, worldState, CAST.bankBOfficer, 'PII_ACCESS_DENIED', (ctx) => contract.GetInvestorPii(ctx, ANNA));
  t.deepEqual(error.details, { investorId: ANNA, callerMsp: 'BankBMSP', bankMsp: 'BankAMSP' });
  // The hash stays visible to everyone.
  t.regex((await readRecord(worldState)).piiHash, /^[0-9a-f]{64}$/);
});

test('only compliance officers read PII: not the regulator, an SPV administrator, an appraiser or an operator', async (t) => {
  const worldState = await ledgerWithInvestors();
  await new RoleContract().GrantRole(tx(BANK_A_ADMIN, worldState).ctx, identityIdOf(CAST.nobody), 'operator');
  for (const identity of [CAST.regulator, CAST.spvAdmin, CAST.appraiser, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.GetInvestorPii(ctx, ANNA));
  }
});

test('erasure purges the PII from the collection and every stored version; the hash, the record and its history stay', async (t) => {
  const worldState = await ledgerWithInvestors();
  const before = await readRecord(worldState);
  // The bank replaced the PII once (the replaced value purged then), staging the new value twice:
  // its key holds two stored versions.
  const replacement = investorPii({ fullName: 'Anna Beispiel' });
  await stagePii(CAST.bankAOfficer, worldState, ANNA, replacement);
  const hash = await stagePii(CAST.bankAOfficer, worldState, ANNA, replacement);
  await contract.UpdateInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(ANNA)), hash);
  t.false(privateVersionsOf(worldState).get(COLLECTION)?.has(piiKey(worldState, before.piiHash)), 'the replaced PII is purged');
  t.is(privateVersionsOf(worldState).get(COLLECTION)?.get(piiKey(worldState, hash))?.length, 2);

  const erasure = tx(CAST.bankAOfficer, worldState, { at: T1, txId: 'tx-erase' });
  await contract.EraseInvestorPii(erasure.ctx, ANNA, 'GDPR Art. 17 request of 2026-03-30');

  t.false(privateStateOf(worldState).get(COLLECTION)?.has(piiKey(worldState, hash)), 'the value is gone');
  t.false(privateVersionsOf(worldState).get(COLLECTION)?.has(piiKey(worldState, hash)), 'earlier versions are gone too: purged, not deleted');
  const after = await readRecord(worldState);
  t.is(after.piiHash, hash, 'the hash stays');
  t.deepEqual(after.piiErasure, { erasedAt: T1.toISOString(), erasedBy: identityIdOf(CAST.bankAOfficer), reason: 'GDPR Art. 17 request of 2026-03-30' });
  t.is(after.onboardedAt, before.onboardedAt);
  t.deepEqual(eventsOf(erasure).map((event) => event.name), ['InvestorPiiErased']);

  const key = tx(CAST.regulator, worldState).stub.createCompositeKey('investor', [ANNA]);
  const versions: string[] = [];
  for await (const entry of tx(CAST.regulator, worldState).stub.getHistoryForKey(key)) versions.push(entry.txId);
  t.is(versions.length, 3, 'onboarding, update and erasure all stay in the audit trail');
  t.is(versions[0], 'tx-erase');

  const erased = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_ERASED', (ctx) => contract.GetInvestorPii(ctx, ANNA));
  t.like(erased.details, { investorId: ANNA, erasedAt: T1.toISOString() });
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_ERASED', (ctx) => contract.EraseInvestorPii(ctx, ANNA, 'Again'));
});

test('erasure is for the investor\'s own bank, with the officer role and a reason', async (t) => {
  const worldState = await ledgerWithInvestors();
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.EraseInvestorPii(ctx, ANNA, 'Not mine'));
  await refused(t, worldState, CAST.regulator, 'CALLER_LACKS_ROLE', (ctx) => contract.EraseInvestorPii(ctx, ANNA, 'Order'));
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', (ctx) => contract.EraseInvestorPii(ctx, ANNA, ''));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', (ctx) => contract.EraseInvestorPii(ctx, 'INV-NONE', 'Request'));
});

test('after an erasure, new PII sent with an update is stored and readable again', async (t) => {
  const worldState = await ledgerWithInvestors();
  await contract.EraseInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA, 'Request');
  const piiHash = await stagePii(CAST.bankAOfficer, worldState, ANNA, investorPii(), { at: T1 });
  await contract.UpdateInvestor(tx(CAST.bankAOfficer, worldState, { at: T1 }).ctx, json(investorDocument(ANNA)), piiHash);
  t.is((await readRecord(worldState)).piiErasure, null);
  t.is((JSON.parse(await contract.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA)) as { fullName: string }).fullName, 'Anna Muster');
});

test('a peer outside the bank\'s collection, whose read Fabric refuses for want of the private data, answers INVESTOR_PII_MISSING', async (t) => {
  const worldState = await ledgerWithInvestors();
  // Seen on the real network: BankB's peer knows the key by hash only and the shim rejects the read.
  const refuseAsNonMember = (ctx: Context) => {
    ctx.stub.getPrivateData = () => Promise.reject(new Error('GET_STATE failed: transaction ID: 5d3e: private data matching public hash version is not available. Public hash version = {BlockNum: 21, TxNum: 0}, Private data version = <nil>'));
    return contract.GetInvestorPii(ctx, ANNA);
  };
  const error = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', refuseAsNonMember);
  t.deepEqual(error.details, { investorId: ANNA, bankMsp: 'BankAMSP' });
  // Any other failure of the read is not hidden behind that answer.
  await t.throwsAsync(
    (() => {
      const { ctx } = tx(CAST.bankAOfficer, worldState);
      ctx.stub.getPrivateData = () => Promise.reject(new Error('GET_STATE failed: peer shutting down'));
      return contract.GetInvestorPii(ctx, ANNA);
    })(),
    { message: /peer shutting down/ },
  );
});

test('a peer that holds no copy of the PII says so; a copy that does not match the public hash is RECORD_MALFORMED', async (t) => {
  const worldState = await ledgerWithInvestors();
  const stored = privateStateOf(worldState).get(COLLECTION);
  const key = piiKey(worldState, (await readRecord(worldState)).piiHash);
  const original = stored?.get(key) ?? new Uint8Array();
  stored?.delete(key);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', (ctx) => contract.GetInvestorPii(ctx, ANNA));
  stored?.set(key, Buffer.from(Buffer.from(original).toString().replace('Investor', 'Imposter')));
  await refused(t, worldState, CAST.bankAOfficer, 'RECORD_MALFORMED', (ctx) => contract.GetInvestorPii(ctx, ANNA));
});
