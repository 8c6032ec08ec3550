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
import { identityIdOf, privateStateOf, type WorldState } from '../testing/stub-context';
import { InvestorContract } from './investor-contract';

const contract = new InvestorContract();
const ID = 'INV-NEW-1';
const T1 = new Date('2026-03-10T09:00:00.000Z');

const readInvestor = async (worldState: WorldState, id: string) => JSON.parse(await contract.GetInvestor(tx(CAST.regulator, worldState).ctx, id)) as InvestorRecord;
const onboardAs = (officer = CAST.bankAOfficer, id = ID, transient = piiTransient()) => (worldState: WorldState) =>
  contract.OnboardInvestor(tx(officer, worldState, { transient }).ctx, json(investorDocument(id)));

test('an officer onboards an investor of their bank: public record for all, PII only in the bank\'s implicit collection, its hash on the record', async (t) => {
  const worldState = await castLedger();
  const onboarding = tx(CAST.bankAOfficer, worldState, { transient: piiTransient() });
  await contract.OnboardInvestor(onboarding.ctx, json(investorDocument(ID)));

  const record = await readInvestor(worldState, ID);
  t.like(record, { investorId: ID, bankMsp: 'BankAMSP', kycStatus: 'active', kycLevel: 'standard', piiErasure: null, lastStatusChange: null, onboardedAt: T0.toISOString(), onboardedBy: identityIdOf(CAST.bankAOfficer) });
  const collections = privateStateOf(worldState);
  t.deepEqual([...collections.keys()], ['_implicit_org_BankAMSP']);
  const stored = [...(collections.get('_implicit_org_BankAMSP')?.values() ?? [])];
  t.is(stored.length, 1);
  t.is(record.piiHash, createHash('sha256').update(stored[0] ?? new Uint8Array()).digest('hex'));
  const hashSeenByAnyPeer = await tx(CAST.bankBOfficer, worldState).stub.getPrivateDataHash('_implicit_org_BankAMSP', onboarding.stub.createCompositeKey('investor~pii', [ID]));
  t.is(Buffer.from(hashSeenByAnyPeer).toString('hex'), record.piiHash, 'the public hash is the one every peer can check');

  const everythingPublic = [...worldState.values()].map((value) => Buffer.from(value).toString()).join('') + onboarding.events.map((e) => Buffer.from(e.payload).toString()).join('');
  t.false(everythingPublic.includes('Anna Muster'), 'no PII in the world state or the event');
  t.true(worldState.has(onboarding.stub.createCompositeKey('investor~bank', ['BankAMSP', ID])));
  t.deepEqual(eventsOf(onboarding), [{ name: 'InvestorOnboarded', envelope: { type: 'InvestorOnboarded', payload: record as unknown as Record<string, unknown> } }]);
});

test('only a compliance officer onboards investors', async (t) => {
  const worldState = await castLedger();
  for (const identity of [CAST.spvAdmin, CAST.appraiser, CAST.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID))), { transient: piiTransient() });
  }
});

test('PII must come in the transient map, valid, and is never echoed in the error', async (t) => {
  const worldState = await castLedger();
  const submit = (ctx: Context) => contract.OnboardInvestor(ctx, json(investorDocument(ID)));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', submit);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_MISSING', submit, { transient: { other: 'x' } });
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
    const error = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_INVALID', submit, { transient });
    t.false(error.message.includes('anna@example.com') || error.message.includes('17.05.1980'));
  }
  const legalPerson = { pii: json(investorPii({ fullName: 'Muster Pension Fund', birthDate: null, documents: [{ type: 'company-register-extract', reference: 'CHE-1', issuingCountry: 'CH' }] })) };
  await contract.OnboardInvestor(tx(CAST.bankAOfficer, worldState, { transient: legalPerson }).ctx, json(investorDocument(ID)));
  t.is((await readInvestor(worldState, ID)).kycStatus, 'active', 'a legal person has no birth date');
});

test('malformed public records are INVESTOR_INVALID; personal data in the arguments is refused as an unknown field', async (t) => {
  const worldState = await castLedger();
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
    await refused(t, worldState, CAST.bankAOfficer, code, (ctx) => contract.OnboardInvestor(ctx, document as string), { transient: piiTransient() });
  }
});

test('an investor id is onboarded once; another bank cannot take it over', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_ALREADY_ONBOARDED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID))), { transient: piiTransient() });
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_ALREADY_ONBOARDED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID))), { transient: piiTransient() });
});

test('a revoked investor is onboarded again by their bank only', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  await contract.RevokeInvestor(tx(CAST.bankAOfficer, worldState).ctx, ID, 'Relationship ended');
  await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_ALREADY_ONBOARDED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(ID))), { transient: piiTransient() });
  await contract.OnboardInvestor(tx(CAST.bankAOfficer, worldState, { at: T1, transient: piiTransient() }).ctx, json(investorDocument(ID)));
  t.like(await readInvestor(worldState, ID), { kycStatus: 'active', onboardedAt: T1.toISOString(), lastStatusChange: null });
});

test('the bank\'s officer updates the public fields; new PII in the transient map replaces the stored PII and its hash', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const before = await readInvestor(worldState, ID);
  const update = tx(CAST.bankAOfficer, worldState, { at: T1 });
  await contract.UpdateInvestor(update.ctx, json(investorDocument(ID, { kycLevel: 'enhanced', jurisdiction: 'LI' })));
  const updated = await readInvestor(worldState, ID);
  t.like(updated, { kycLevel: 'enhanced', jurisdiction: 'LI', piiHash: before.piiHash, updatedAt: T1.toISOString(), onboardedAt: T0.toISOString() });
  t.deepEqual(eventsOf(update).map((event) => event.name), ['InvestorUpdated']);

  await contract.UpdateInvestor(tx(CAST.bankAOfficer, worldState, { transient: piiTransient(investorPii({ fullName: 'Anna Beispiel' })) }).ctx, json(investorDocument(ID)));
  t.not((await readInvestor(worldState, ID)).piiHash, before.piiHash);
  t.is((JSON.parse(await contract.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ID)) as { fullName: string }).fullName, 'Anna Beispiel');
});

test('updates are refused for another bank\'s investor, a revoked one, an unknown id or without the officer role', async (t) => {
  const worldState = await castLedger();
  await onboardAs()(worldState);
  const update = (ctx: Context) => contract.UpdateInvestor(ctx, json(investorDocument(ID)));
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', update);
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', update);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', (ctx) => contract.UpdateInvestor(ctx, json(investorDocument('INV-NONE'))));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_INVALID', update, { transient: { pii: '{}' } });
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
