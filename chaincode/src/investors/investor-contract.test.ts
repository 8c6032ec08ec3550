import test from 'ava';
import type { Context } from 'fabric-contract-api';
import { createHash } from 'node:crypto';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import type { KycStatus } from '@trestle/compliance/src/rules/transfer-check-input';
import { CAST, castLedger, eventsOf, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { investorDocument, investorPii, json, piiTransient } from '../testing/ledger-documents';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { piiHashOf as hashOf, stagePii } from '../testing/staged-pii';
import { identityIdOf, privateStateOf, snapshotLedger, type TestIdentity, type WorldState } from '../testing/stub-context';
import { InvestorContract } from './investor-contract';

const contract = new InvestorContract();
const ID = 'INV-NEW-1';
const T1 = new Date('2026-03-10T09:00:00.000Z');
const BANK_A_PII = '_implicit_org_BankAMSP';

const readInvestor = async (worldState: WorldState, id: string) => JSON.parse(await contract.GetInvestor(tx(CAST.regulator, worldState).ctx, id)) as InvestorRecord;
/** Stages the PII, then onboards with its hash: what every client does. */
const onboardAs = (officer = CAST.bankAOfficer, id = ID, pii = investorPii()) => async (worldState: WorldState) => {
  const piiHash = await stagePii(officer, worldState, id, pii);
  await contract.OnboardInvestor(tx(officer, worldState).ctx, json(investorDocument(id)), piiHash);
};
/** The keys of one bank's collection, as [investorId, piiHash]. */
const piiKeysOf = (worldState: WorldState, collection = BANK_A_PII) =>
  [...(privateStateOf(worldState).get(collection)?.keys() ?? [])].map((key) => tx(CAST.regulator, worldState).stub.splitCompositeKey(key).attributes);

test("an officer stages an investor's PII, then onboards them with its hash: public record for all, PII only in the bank's implicit collection under a key holding its hash", async (t) => {
  const worldState = await castLedger();
  const publicBefore = snapshotLedger(worldState).worldState;
  const staging = tx(CAST.bankAOfficer, worldState, { transient: piiTransient() });
  const piiHash = await contract.StageInvestorPii(staging.ctx, ID);
  t.is(piiHash, hashOf(investorPii()));
  t.deepEqual(snapshotLedger(worldState).worldState, publicBefore, 'staging writes no public state');
  t.deepEqual(staging.events, [], 'staging sets no event');

  const onboarding = tx(CAST.bankAOfficer, worldState);
  await contract.OnboardInvestor(onboarding.ctx, json(investorDocument(ID)), piiHash);
  const record = await readInvestor(worldState, ID);
  t.like(record, { investorId: ID, bankMsp: 'BankAMSP', kycStatus: 'active', kycLevel: 'standard', piiHash, piiErasure: null, lastStatusChange: null, onboardedAt: T0.toISOString(), onboardedBy: identityIdOf(CAST.bankAOfficer) });
  const collections = privateStateOf(worldState);
  t.deepEqual([...collections.keys()], [BANK_A_PII]);
  t.deepEqual(piiKeysOf(worldState), [[ID, piiHash]]);
  const stored = [...(collections.get(BANK_A_PII)?.values() ?? [])];
  t.is(record.piiHash, createHash('sha256').update(stored[0] ?? new Uint8Array()).digest('hex'));
  const hashSeenByAnyPeer = await tx(CAST.bankBOfficer, worldState).stub.getPrivateDataHash(BANK_A_PII, onboarding.stub.createCompositeKey('investor~pii', [ID, piiHash]));
  t.is(Buffer.from(hashSeenByAnyPeer).toString('hex'), record.piiHash, 'the public hash is the one every peer can check');

  const everythingPublic = [...worldState.values()].map((value) => Buffer.from(value).toString()).join('') + onboarding.events.map((e) => Buffer.from(e.payload).toString()).join('');
  t.false(everythingPublic.includes('Anna Muster'), 'no PII in the world state or the event');
  t.true(worldState.has(onboarding.stub.createCompositeKey('investor~bank', ['BankAMSP', ID])));
  t.deepEqual(eventsOf(onboarding), [{ name: 'InvestorOnboarded', envelope: { type: 'InvestorOnboarded', payload: record as unknown as Record<string, unknown> } }]);
});

test('staging the same PII twice lands on the same key; staging other PII never overwrites the PII a record names', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const live = (await readInvestor(worldState, ID)).piiHash;
  t.is(await stagePii(CAST.bankAOfficer, worldState, ID), live);
  t.deepEqual(piiKeysOf(worldState), [[ID, live]], 'the same value, the same key');
  const other = await stagePii(CAST.bankAOfficer, worldState, ID, investorPii({ fullName: 'Anna Beispiel' }));
  t.deepEqual(piiKeysOf(worldState).sort(), [[ID, live], [ID, other]].sort());
  t.is((JSON.parse(await contract.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ID)) as { fullName: string }).fullName, 'Anna Muster', 'the record still reads its own PII');
});

test('onboarding without staged PII, with a hash nothing was staged under, or with PII another bank staged is INVESTOR_PII_NOT_STAGED and writes nothing', async (t) => {
  const worldState = await castLedger();
  const onboard = (piiHash: string) => (ctx: Context) => contract.OnboardInvestor(ctx, json(investorDocument(ID)), piiHash);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', onboard(hashOf(investorPii())));
  for (const malformed of ['', 'abc', 'G'.repeat(64), hashOf(investorPii()).toUpperCase(), `${hashOf(investorPii())}\u0000`]) {
    await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', onboard(malformed));
  }
  const staged = await stagePii(CAST.bankAOfficer, worldState, ID);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', onboard(hashOf(investorPii({ fullName: 'Someone Else' }))), {});
  // Staged for another investor id: the key names the investor too.
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument('INV-NEW-2')), staged));
  // BankB's officer cannot use what BankA staged: BankB's collection holds nothing under that hash.
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_PII_NOT_STAGED', onboard(staged));
  await contract.OnboardInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(ID)), staged);
  t.is((await readInvestor(worldState, ID)).piiHash, staged);
});

test('only a compliance officer stages PII or onboards investors', async (t) => {
  const worldState = await castLedger();
  const staged = await stagePii(CAST.bankAOfficer, worldState, ID);
  for (const identity of [CAST.spvAdmin, CAST.appraiser, CAST.regulator, CAST.nobody] as TestIdentity[]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.StageInvestorPii(ctx, ID), { transient: piiTransient() });
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID)), staged));
  }
});

test("an officer cannot stage PII for another bank's investor while that bank is in force", async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.StageInvestorPii(ctx, ID), { transient: piiTransient() });
  await refused(t, worldState, CAST.bankBOfficer, 'LEDGER_ID_MALFORMED', (ctx) => contract.StageInvestorPii(ctx, 'INV 1'), { transient: piiTransient() });
});

test('PII must come in the transient map of StageInvestorPii, valid, and is never echoed in the error', async (t) => {
  const worldState = await castLedger();
  const stage = (ctx: Context) => contract.StageInvestorPii(ctx, ID);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', stage);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', stage, { transient: { other: 'x' } });
  const cases: Array<Record<string, string | Uint8Array>> = [
    { pii: '{"fullName":' },
    { pii: json(investorPii({ salt: 'abc' })) },
    { pii: json(investorPii({ salt: undefined })) },
    { pii: json(investorPii({ birthDate: '17.05.1980' })) },
    { pii: json(investorPii({ fullName: '' })) },
    { pii: json(investorPii({ address: { lines: [], postalCode: '8001', city: 'Zürich', country: 'CH' } })) },
    { pii: json(investorPii({ documents: [{ type: 'tattoo', reference: 'X', issuingCountry: 'CH' }] })) },
    { pii: json(investorPii({ email: 'anna@example.com' })) },
    { pii: json(investorPii({ fullName: 'A'.repeat(17_000) })) },
    { pii: Uint8Array.of(0xff, 0xfe, 0x7b) },
  ];
  for (const transient of cases) {
    const error = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_INVALID', stage, { transient });
    t.false(error.message.includes('anna@example.com') || error.message.includes('17.05.1980'));
  }
  await onboardAs(CAST.bankAOfficer, ID, investorPii({ fullName: 'Muster Pension Fund', birthDate: null, documents: [{ type: 'company-register-extract', reference: 'CHE-1', issuingCountry: 'CH' }] }))(worldState);
  t.is((await readInvestor(worldState, ID)).kycStatus, 'active', 'a legal person has no birth date');
});

test('malformed public records are INVESTOR_INVALID; personal data in the arguments is refused as an unknown field', async (t) => {
  const worldState = await castLedger();
  const staged = await stagePii(CAST.bankAOfficer, worldState, ID);
  const cases: Array<[TrestleErrorCode, unknown]> = [
    ['ARGUMENT_EMPTY', ''],
    ['INVESTOR_INVALID', '[1]'],
    ['INVESTOR_INVALID', json(investorDocument(ID, { fullName: 'Anna Muster' }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { jurisdiction: 'UK' }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { investorType: 'vip' }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { kycLevel: 'max' }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { kycExpiresAt: unixSeconds(T0) }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { kycExpiresAt: 1.8e9 + 0.25 }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { kycExpiresAt: '1803895200' }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { sanctions: { status: 'unknown', listVersion: 'SDN', screenedAt: 1 } }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { sanctions: { status: 'clear', listVersion: 'SDN', screenedAt: unixSeconds(T0) + 1 } }))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { sanctions: { status: 'clear', listVersion: '', screenedAt: 1 } }))],
    ['INVESTOR_INVALID', json(investorDocument('INV 1'))],
    ['INVESTOR_INVALID', json(investorDocument(ID, { kycStatus: 'active' }))],
  ];
  for (const [code, document] of cases) {
    await refused(t, worldState, CAST.bankAOfficer, code, (ctx) => contract.OnboardInvestor(ctx, document as string, staged));
  }
});

test('an investor id is onboarded once; another bank cannot take it over', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const staged = (await readInvestor(worldState, ID)).piiHash;
  const stagedAtB = await stagePii(CAST.bankBOfficer, worldState, 'INV-B-FRESH');
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_ALREADY_ONBOARDED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID)), staged));
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_ALREADY_ONBOARDED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID)), stagedAtB));
});

test('a revoked investor is onboarded again by their bank only; new PII replaces the old, which is purged', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const old = (await readInvestor(worldState, ID)).piiHash;
  await contract.RevokeInvestor(tx(CAST.bankAOfficer, worldState).ctx, ID, 'Relationship ended');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.StageInvestorPii(ctx, ID), { transient: piiTransient() });
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_ALREADY_ONBOARDED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID)), old));
  const fresh = await stagePii(CAST.bankAOfficer, worldState, ID, investorPii({ fullName: 'Anna Muster-Keller' }), { at: T1 });
  await contract.OnboardInvestor(tx(CAST.bankAOfficer, worldState, { at: T1 }).ctx, json(investorDocument(ID)), fresh);
  t.like(await readInvestor(worldState, ID), { kycStatus: 'active', onboardedAt: T1.toISOString(), lastStatusChange: null, piiHash: fresh });
  t.deepEqual(piiKeysOf(worldState), [[ID, fresh]], `the old PII (${old}) is purged`);
});

test("the bank's officer updates the public fields (an empty hash keeps the PII); a hash of newly staged PII replaces the PII and purges the old", async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const before = await readInvestor(worldState, ID);
  const update = tx(CAST.bankAOfficer, worldState, { at: T1 });
  await contract.UpdateInvestor(update.ctx, json(investorDocument(ID, { kycLevel: 'enhanced', jurisdiction: 'LI' })), '');
  const updated = await readInvestor(worldState, ID);
  t.like(updated, { kycLevel: 'enhanced', jurisdiction: 'LI', piiHash: before.piiHash, updatedAt: T1.toISOString(), onboardedAt: T0.toISOString() });
  t.deepEqual(eventsOf(update).map((event) => event.name), ['InvestorUpdated']);

  // The same hash again: nothing to purge, the PII stays.
  await contract.UpdateInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(ID)), before.piiHash);
  t.deepEqual(piiKeysOf(worldState), [[ID, before.piiHash]]);

  const replaced = await stagePii(CAST.bankAOfficer, worldState, ID, investorPii({ fullName: 'Anna Beispiel' }));
  await contract.UpdateInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(ID)), replaced);
  t.is((await readInvestor(worldState, ID)).piiHash, replaced);
  t.not(replaced, before.piiHash);
  t.deepEqual(piiKeysOf(worldState), [[ID, replaced]], 'the previous PII is purged');
  t.is((JSON.parse(await contract.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ID)) as { fullName: string }).fullName, 'Anna Beispiel');
});

test("updates are refused for another bank's investor, a revoked one, an unknown id, PII not staged, or without the officer role", async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const update = (ctx: Context) => contract.UpdateInvestor(ctx, json(investorDocument(ID)), '');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', update);
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', update);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', (ctx) => contract.UpdateInvestor(ctx, json(investorDocument('INV-NONE')), ''));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.UpdateInvestor(ctx, json(investorDocument(ID)), hashOf(investorPii({ fullName: 'Not Staged' }))));
  await contract.RevokeInvestor(tx(CAST.bankAOfficer, worldState).ctx, ID, 'Relationship ended');
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', update);
});

test('suspend, reinstate and revoke move the KYC status with a recorded reason, each with its event', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const steps: Array<[(ctx: Context) => Promise<void>, KycStatus, string]> = [
    [(ctx) => contract.SuspendInvestor(ctx, ID, 'Passport expired'), 'suspended', 'InvestorSuspended'],
    [(ctx) => contract.ReinstateInvestor(ctx, ID, 'New passport checked'), 'active', 'InvestorReinstated'],
    [(ctx) => contract.RevokeInvestor(ctx, ID, 'Relationship ended'), 'revoked', 'InvestorRevoked'],
  ];
  for (const [step, status, event] of steps) {
    const change = tx(CAST.bankAOfficer, worldState, { at: T1 });
    await step(change.ctx);
    const record = await readInvestor(worldState, ID);
    t.is(record.kycStatus, status);
    t.like(record.lastStatusChange, { kycStatus: status, changedAt: T1.toISOString(), changedBy: identityIdOf(CAST.bankAOfficer) });
    t.deepEqual(eventsOf(change).map((e) => e.name), [event]);
  }
});

test('status changes that do not fit the current status are INVESTOR_STATUS_CONFLICT', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', (ctx) => contract.ReinstateInvestor(ctx, ID, 'Nothing to lift'));
  await contract.SuspendInvestor(tx(CAST.bankAOfficer, worldState).ctx, ID, 'Review');
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', (ctx) => contract.SuspendInvestor(ctx, ID, 'Again'));
  await contract.RevokeInvestor(tx(CAST.bankAOfficer, worldState).ctx, ID, 'Closed');
  for (const change of [contract.SuspendInvestor, contract.ReinstateInvestor, contract.RevokeInvestor]) {
    await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_STATUS_CONFLICT', (ctx) => change.call(contract, ctx, ID, 'After revocation'));
  }
});

test('status changes need the investor\'s bank, the officer role and a plain reason', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.SuspendInvestor(ctx, ID, 'Not mine'));
  await refused(t, worldState, CAST.regulator, 'CALLER_LACKS_ROLE', (ctx) => contract.SuspendInvestor(ctx, ID, 'Order 12'));
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', (ctx) => contract.SuspendInvestor(ctx, ID, ''));
  await refused(t, worldState, CAST.bankAOfficer, 'REASON_INVALID', (ctx) => contract.SuspendInvestor(ctx, ID, 'r'.repeat(501)));
  await refused(t, worldState, CAST.bankAOfficer, 'REASON_INVALID', (ctx) => contract.SuspendInvestor(ctx, ID, 'line\nbreak'));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', (ctx) => contract.RevokeInvestor(ctx, 'INV-NONE', 'Closed'));
  await refused(t, worldState, CAST.bankAOfficer, 'LEDGER_ID_MALFORMED', (ctx) => contract.RevokeInvestor(ctx, 'INV NONE', 'Closed'));
});

test('GetInvestor is open to officers, operators, SPV administrators and the regulator of any org, not to appraisers', async (t) => {
  const worldState = await ledgerWithInvestors();
  for (const reader of [CAST.bankBOfficer, CAST.spvAdmin, CAST.regulator]) {
    t.is((JSON.parse(await contract.GetInvestor(tx(reader, worldState).ctx, INVESTORS.annaA)) as InvestorRecord).bankMsp, 'BankAMSP');
  }
  await refused(t, worldState, CAST.appraiser, 'CALLER_LACKS_ROLE', (ctx) => contract.GetInvestor(ctx, INVESTORS.annaA));
  await refused(t, worldState, CAST.regulator, 'INVESTOR_NOT_FOUND', (ctx) => contract.GetInvestor(ctx, 'INV-NONE'));
});

test('ListInvestorsOfBank pages through one bank\'s investors for its own officers and the regulator', async (t) => {
  const worldState = await ledgerWithInvestors();
  const list = async (reader: typeof CAST.regulator, bank: string, size: string, bookmark = '') =>
    JSON.parse(await contract.ListInvestorsOfBank(tx(reader, worldState).ctx, bank, size, bookmark)) as LedgerPage<InvestorRecord>;
  const first = await list(CAST.bankAOfficer, 'BankAMSP', '1');
  const second = await list(CAST.bankAOfficer, 'BankAMSP', '1', first.bookmark);
  t.deepEqual([first, second].map((page) => page.records.map((r) => r.investorId)), [[INVESTORS.annaA], [INVESTORS.benA]]);
  t.is(second.bookmark, '');
  t.deepEqual((await list(CAST.regulator, 'BankBMSP', '10')).records.map((r) => r.investorId), [INVESTORS.chloeB]);

  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.ListInvestorsOfBank(ctx, 'BankAMSP', '10', ''));
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', (ctx) => contract.ListInvestorsOfBank(ctx, 'BankAMSP', '10', ''));
  const bankBBookmark = tx(CAST.bankAOfficer, worldState).stub.createCompositeKey('investor~bank', ['BankBMSP', INVESTORS.chloeB]);
  await refused(t, worldState, CAST.bankAOfficer, 'PAGE_BOOKMARK_INVALID', (ctx) => contract.ListInvestorsOfBank(ctx, 'BankAMSP', '10', bankBBookmark));
  await refused(t, worldState, CAST.bankAOfficer, 'PAGE_SIZE_INVALID', (ctx) => contract.ListInvestorsOfBank(ctx, 'BankAMSP', '1000', ''));
  await refused(t, worldState, CAST.regulator, 'MSP_ID_MALFORMED', (ctx) => contract.ListInvestorsOfBank(ctx, 'Bank\u0000A', '10', ''));
});
