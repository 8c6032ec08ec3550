import test from 'ava';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { identityIdOf, privateStateOf } from '@trestle/chaincode/src/testing/stub-context';
import { bankBLeaves } from './testing/bank-leaves';
import { PEOPLE } from './testing/officer-cast';
import { startHarness, type Harness } from './testing/officer-harness';

// POST /investors/{id}/adopt over the in-process chaincode stub (the real contracts on the stubbed
// context, no Fabric peer): BankB leaves the consortium, and Alice (BankA) takes over its investor
// chloe with the KYC done again.

const CHLOE = INVESTORS.chloeB;
const REASON = 'BankB left the consortium; KYC redone by BankA';
const ADOPTED_NAME = 'Chloe Neuhaus';
const PII_WITHOUT_SALT = Object.fromEntries(Object.entries(investorPii({ fullName: ADOPTED_NAME })).filter(([key]) => key !== 'salt'));
const adoptPath = `/api/v1/investors/${CHLOE}/adopt`;
const adoptBody = (overrides: Record<string, unknown> = {}) => ({ investor: investorDocument(CHLOE, { kycLevel: 'enhanced' }), pii: investorPii({ fullName: ADOPTED_NAME }), reason: REASON, ...overrides });

function piiTextsOf(harness: Harness, collection: string): string[] {
  return [...(privateStateOf(harness.worldState).get(collection)?.values() ?? [])].map((bytes) => Buffer.from(bytes).toString('utf8'));
}

test("after BankB left, Alice adopts its investor: BankA's record with adoptedFrom, the new PII only in BankA's collection, and the answer says the bank is in force again", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  t.like((await alice.send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankBMSP', bankInForce: true });
  await bankBLeaves(harness);
  t.like((await alice.send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankBMSP', bankInForce: false }, 'the investor answer tells the console the bank has left');

  const answer = await alice.send('POST', adoptPath, { json: adoptBody({ pii: PII_WITHOUT_SALT }) });
  t.is(answer.status, 200, answer.text);
  const adoptedAt = new Date(harness.clock.now()).toISOString();
  t.like(answer.body, { investorId: CHLOE, bankMsp: 'BankAMSP', kycLevel: 'enhanced', kycStatus: 'active', bankInForce: true, adoptedFrom: { fromBankMsp: 'BankBMSP', adoptedAt, adoptedBy: identityIdOf(PEOPLE.alice.identity), reason: REASON } });
  t.true(piiTextsOf(harness, '_implicit_org_BankAMSP').some((text) => text.includes(ADOPTED_NAME)), "the new PII is in BankA's implicit collection");
  t.false(piiTextsOf(harness, '_implicit_org_BankBMSP').some((text) => text.includes(ADOPTED_NAME)), "nothing new in BankB's");
  t.false([...harness.worldState.values()].some((bytes) => Buffer.from(bytes).toString('utf8').includes(ADOPTED_NAME)), 'no personal data on the shared state');
  const pii = await alice.send('GET', `/api/v1/investors/${CHLOE}/pii`);
  t.like(pii.body, { fullName: ADOPTED_NAME });
  t.regex((pii.body as { salt: string }).salt, /^[0-9a-f]{32}$/, 'the service drew a salt');
  // The regulator reads the adoption too; BankA's list now holds chloe.
  t.like((await (await harness.as('rita')).send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankAMSP', adoptedFrom: { fromBankMsp: 'BankBMSP', reason: REASON } });
  t.true(((await alice.send('GET', '/api/v1/investors?bank=BankAMSP')).body as { records: Array<{ investorId: string }> }).records.some((record) => record.investorId === CHLOE));
  t.false(harness.logs.some((line) => line.includes('Neuhaus')), 'no personal data in the service log');
});

test('the regulator is refused by the service before any ledger call, and nothing is written', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await bankBLeaves(harness);
  const before = harness.snapshot();
  const answer = await (await harness.as('rita')).send('POST', adoptPath, { json: adoptBody() });
  t.is(answer.status, 403);
  t.like(answer.body, { code: 'OFFICER_ROLE_FORBIDDEN' });
  t.deepEqual(harness.snapshot(), before);
});

test('an investor whose bank is still in force is refused with 409 INVESTOR_BANK_IN_FORCE, and nothing is written', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const before = harness.snapshot();
  const answer = await (await harness.as('alice')).send('POST', adoptPath, { json: adoptBody() });
  t.is(answer.status, 409, answer.text);
  t.like(answer.body, { code: 'INVESTOR_BANK_IN_FORCE', details: { investorId: CHLOE, bankMsp: 'BankBMSP' } });
  t.deepEqual(harness.snapshot(), before);
});

test('malformed adoptions are 400 with a typed error and write nothing, though the bank has left', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await bankBLeaves(harness);
  const alice = await harness.as('alice');
  const without = (key: string) => Object.fromEntries(Object.entries(adoptBody()).filter(([name]) => name !== key));
  const cases: Array<[string, unknown, string]> = [
    ['another investor in the body', adoptBody({ investor: investorDocument(INVESTORS.annaA) }), 'OFFICER_REQUEST_MALFORMED'],
    ['no PII', without('pii'), 'OFFICER_REQUEST_MALFORMED'],
    ['no reason', without('reason'), 'OFFICER_REQUEST_MALFORMED'],
    ['a blank reason', adoptBody({ reason: '' }), 'OFFICER_REQUEST_MALFORMED'],
    ['a reason over 500 characters', adoptBody({ reason: 'r'.repeat(501) }), 'OFFICER_REQUEST_MALFORMED'],
    ['a bad jurisdiction and type', adoptBody({ investor: investorDocument(CHLOE, { jurisdiction: 'XX', investorType: 'pirate' }) }), 'INVESTOR_INVALID'],
    ['an expired KYC', adoptBody({ investor: investorDocument(CHLOE, { kycExpiresAt: Math.floor(harness.clock.now() / 1000) - 1 }) }), 'INVESTOR_INVALID'],
    ['a PII country that is no country', adoptBody({ pii: investorPii({ address: { lines: ['Main 1'], postalCode: '1', city: 'X', country: 'XX' } }) }), 'INVESTOR_PII_INVALID'],
  ];
  const before = harness.snapshot();
  for (const [label, body, code] of cases) {
    const answer = await alice.send('POST', adoptPath, { json: body });
    t.is(answer.status, 400, `${label}: ${answer.text}`);
    t.is((answer.body as { code: string }).code, code, label);
    t.deepEqual(harness.snapshot(), before, `${label} wrote nothing`);
  }
});
