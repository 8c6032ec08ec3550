import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import test, { type ExecutionContext } from 'ava';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { RoleContract } from '@trestle/chaincode/src/roles/role-contract';
import { approveBridgeOut, bridgeOutRequest, requestBridgeOut, WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { CAST, tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS, onboard } from '@trestle/chaincode/src/testing/ledger-story';
import { stagePii } from '@trestle/chaincode/src/testing/staged-pii';
import { identityIdOf, privateStateOf } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_C_ADMIN, BANK_C_ERIN } from '@trestle/chaincode/src/testing/test-identities';
import { DANIEL_B } from './testing/bank-b-story';
import { bankBLeaves } from './testing/bank-leaves';
import { PEOPLE } from './testing/officer-cast';
import type { OfficerClient } from './testing/officer-client';
import { startHarness, type Harness } from './testing/officer-harness';

// Adoption in two steps over the in-process chaincode stub (the real contracts on the stubbed
// context, no Fabric peer): BankB leaves the consortium; Alice (BankA) requests to take over its
// investor chloe with the KYC done again (POST /investors/{id}/adopt); the regulator approves or
// rejects it, or BankA withdraws it (POST /investors/{id}/adoption/approve|reject).

const CHLOE = INVESTORS.chloeB;
const REASON = 'BankB left the consortium; KYC redone by BankA';
const ADOPTED_NAME = 'Chloe Neuhaus';
const PII_WITHOUT_SALT = Object.fromEntries(Object.entries(investorPii({ fullName: ADOPTED_NAME })).filter(([key]) => key !== 'salt'));
const adoptPath = `/api/v1/investors/${CHLOE}/adopt`;
const adoptionPath = `/api/v1/investors/${CHLOE}/adoption`;
const adoptBody = (overrides: Record<string, unknown> = {}) => ({ investor: investorDocument(CHLOE, { kycLevel: 'enhanced' }), pii: investorPii({ fullName: ADOPTED_NAME }), reason: REASON, ...overrides });

function piiTextsOf(harness: Harness, collection: string): string[] {
  return [...(privateStateOf(harness.worldState).get(collection)?.values() ?? [])].map((bytes) => Buffer.from(bytes).toString('utf8'));
}

/** BankB has left and Alice's request to adopt chloe waits; the harness and the people's clients. */
async function requested(t: ExecutionContext): Promise<{ harness: Harness; alice: OfficerClient; rita: OfficerClient }> {
  const harness = await startHarness();
  t.teardown(harness.close);
  await bankBLeaves(harness);
  const alice = await harness.as('alice');
  const answer = await alice.send('POST', adoptPath, { json: adoptBody() });
  t.is(answer.status, 200, answer.text);
  return { harness, alice, rita: await harness.as('rita') };
}

test("after BankB left, Alice's adoption request waits (nothing moves, the PII already in BankA's collection); the regulator approves it: BankA's record with adoptedFrom naming the approval", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  t.like((await alice.send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankBMSP', bankInForce: true, adoption: null });
  await bankBLeaves(harness);
  t.like((await alice.send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankBMSP', bankInForce: false, adoption: null }, 'the investor answer tells the console the bank has left');
  t.like((await alice.send('GET', adoptionPath)).body, { code: 'INVESTOR_ADOPTION_NOT_FOUND' });

  const answer = await alice.send('POST', adoptPath, { json: adoptBody({ pii: PII_WITHOUT_SALT }) });
  t.is(answer.status, 200, answer.text);
  const requestedAt = new Date(harness.clock.now()).toISOString();
  const request = { investorId: CHLOE, fromBankMsp: 'BankBMSP', toBankMsp: 'BankAMSP', reason: REASON, requestedAt, requestedBy: identityIdOf(PEOPLE.alice.identity) };
  t.like(answer.body, request);
  t.like(JSON.parse((answer.body as { investorJson: string }).investorJson), { investorId: CHLOE, kycLevel: 'enhanced' });
  t.true(piiTextsOf(harness, '_implicit_org_BankAMSP').some((text) => text.includes(ADOPTED_NAME)), "the new PII is in BankA's implicit collection");
  t.false(piiTextsOf(harness, '_implicit_org_BankBMSP').some((text) => text.includes(ADOPTED_NAME)), "nothing new in BankB's");
  t.false([...harness.worldState.values()].some((bytes) => Buffer.from(bytes).toString('utf8').includes(ADOPTED_NAME)), 'no personal data on the shared state');
  // Nothing moved: chloe is still BankB's; the investor answer carries the waiting request.
  const rita = await harness.as('rita');
  t.like((await rita.send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankBMSP', kycLevel: 'standard', bankInForce: false, adoption: request });
  t.false(Object.hasOwn((await rita.send('GET', `/api/v1/investors/${CHLOE}`)).body as object, 'adoptedFrom'));
  t.like((await rita.send('GET', adoptionPath)).body, request);

  const approved = await rita.send('POST', `${adoptionPath}/approve`, { json: { reason: 'KYC file checked' } });
  t.is(approved.status, 200, approved.text);
  const approvedAt = new Date(harness.clock.now()).toISOString();
  t.like(approved.body, {
    investorId: CHLOE,
    bankMsp: 'BankAMSP',
    kycLevel: 'enhanced',
    kycStatus: 'active',
    bankInForce: true,
    adoption: null,
    adoptedFrom: { fromBankMsp: 'BankBMSP', adoptedAt: approvedAt, adoptedBy: identityIdOf(PEOPLE.alice.identity), reason: REASON, approvedBy: identityIdOf(PEOPLE.rita.identity), approvalReason: 'KYC file checked' },
  });
  const pii = await alice.send('GET', `/api/v1/investors/${CHLOE}/pii`);
  t.like(pii.body, { fullName: ADOPTED_NAME });
  t.regex((pii.body as { salt: string }).salt, /^[0-9a-f]{32}$/, 'the service drew a salt');
  t.true(((await alice.send('GET', '/api/v1/investors?bank=BankAMSP')).body as { records: Array<{ investorId: string }> }).records.some((record) => record.investorId === CHLOE));
  t.like((await alice.send('GET', adoptionPath)).body, { code: 'INVESTOR_ADOPTION_NOT_FOUND' }, 'the request is gone');
  t.false(harness.logs.some((line) => line.includes('Neuhaus')), 'no personal data in the service log');
});

test('GET /adoptions: the regulator pages every waiting request in investor id order; an officer reads only its own bank\'s; a bad page size or bookmark is a 400 that writes nothing', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await onboard(harness.worldState, CAST.bankBOfficer, DANIEL_B);
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, harness.worldState).ctx, identityIdOf(BANK_C_ERIN), 'compliance-officer');
  await bankBLeaves(harness);
  const rita = await harness.as('rita');
  t.like((await rita.send('GET', '/api/v1/adoptions')).body, { records: [], bookmark: '' }, 'nothing waits yet');
  // BankC (no account on this service) asks for daniel straight on the ledger; Alice asks for chloe here.
  const at = { at: new Date(harness.clock.now()) };
  const piiHash = await stagePii(BANK_C_ERIN, harness.worldState, DANIEL_B, undefined, at);
  await new InvestorContract().AdoptInvestor(tx(BANK_C_ERIN, harness.worldState, at).ctx, JSON.stringify(investorDocument(DANIEL_B)), piiHash, 'BankB left; daniel chose BankC');
  const alice = await harness.as('alice');
  t.is((await alice.send('POST', adoptPath, { json: adoptBody() })).status, 200);

  const all = await rita.send('GET', '/api/v1/adoptions');
  t.is(all.status, 200, all.text);
  const requests = (all.body as { records: Array<Record<string, unknown>> }).records;
  t.deepEqual(requests.map((record) => [record.investorId, record.toBankMsp]), [[CHLOE, 'BankAMSP'], [DANIEL_B, 'BankCMSP']]);
  t.like(requests[0], { fromBankMsp: 'BankBMSP', reason: REASON, requestedBy: identityIdOf(PEOPLE.alice.identity) });
  t.false(all.text.includes(ADOPTED_NAME), 'no personal data in the list');

  const first = await rita.send('GET', '/api/v1/adoptions?pageSize=1');
  const firstPage = first.body as { records: Array<{ investorId: string }>; bookmark: string };
  t.deepEqual(firstPage.records.map((record) => record.investorId), [CHLOE]);
  t.not(firstPage.bookmark, '');
  const second = await rita.send('GET', `/api/v1/adoptions?pageSize=1&bookmark=${encodeURIComponent(firstPage.bookmark)}`);
  t.deepEqual((second.body as { records: Array<{ investorId: string }> }).records.map((record) => record.investorId), [DANIEL_B]);

  for (const officer of [alice, await harness.as('bob')]) {
    const own = await officer.send('GET', '/api/v1/adoptions');
    t.is(own.status, 200, own.text);
    t.deepEqual((own.body as { records: Array<{ investorId: string }> }).records.map((record) => record.investorId), [CHLOE], "BankA's officers see only BankA's request");
  }

  const before = harness.snapshot();
  for (const [target, code] of [['/api/v1/adoptions?pageSize=0', 'OFFICER_REQUEST_MALFORMED'], ['/api/v1/adoptions?bookmark=elsewhere', 'PAGE_BOOKMARK_INVALID']] as const) {
    const refused = await rita.send('GET', target);
    t.is(refused.status, 400, `${target}: ${refused.text}`);
    t.like(refused.body, { code }, target);
  }
  t.is((await harness.client().send('GET', '/api/v1/adoptions')).status, 401, 'not logged in');
  t.deepEqual(harness.snapshot(), before);
});

test('only the regulator approves: officers of BankA and of BankB are refused by the service (403), the ledger unchanged and the request still waiting', async (t) => {
  const { harness, alice } = await requested(t);
  const before = harness.snapshot();
  for (const client of [alice, await harness.as('bob'), await harness.as('carol')]) {
    const answer = await client.send('POST', `${adoptionPath}/approve`, { json: { reason: 'Self-approval' } });
    t.is(answer.status, 403, answer.text);
    t.like(answer.body, { code: 'OFFICER_ROLE_FORBIDDEN' });
  }
  t.deepEqual(harness.snapshot(), before);
  t.like((await alice.send('GET', `/api/v1/investors/${CHLOE}`)).body, { bankMsp: 'BankBMSP', adoption: { toBankMsp: 'BankAMSP' } });
});

test("BankA's officer withdraws the request, the regulator rejects a second one; BankB's officer cannot; each time the investor stays BankB's and the request's PII leaves BankA's collection", async (t) => {
  const { harness, alice, rita } = await requested(t);
  const before = harness.snapshot();
  const carol = await (await harness.as('carol')).send('POST', `${adoptionPath}/reject`, { json: { reason: 'Not yours' } });
  t.is(carol.status, 403, carol.text);
  t.deepEqual(harness.snapshot(), before, "the leaving bank's officer wrote nothing");
  const noReason = await alice.send('POST', `${adoptionPath}/reject`, { json: {} });
  t.is(noReason.status, 400, noReason.text);
  t.deepEqual(harness.snapshot(), before);

  const withdrawn = await (await harness.as('bob')).send('POST', `${adoptionPath}/reject`, { json: { reason: 'Wrong customer file' } });
  t.is(withdrawn.status, 200, withdrawn.text);
  t.like(withdrawn.body, { investorId: CHLOE, bankMsp: 'BankBMSP', adoption: null });
  t.false(piiTextsOf(harness, '_implicit_org_BankAMSP').some((text) => text.includes(ADOPTED_NAME)), "the request's PII left BankA's collection");

  t.is((await alice.send('POST', adoptPath, { json: adoptBody() })).status, 200);
  const rejected = await rita.send('POST', `${adoptionPath}/reject`, { json: { reason: 'Customer chose another bank' } });
  t.is(rejected.status, 200, rejected.text);
  t.like(rejected.body, { bankMsp: 'BankBMSP', adoption: null });
  const again = await rita.send('POST', `${adoptionPath}/approve`, { json: { reason: 'Too late' } });
  t.is(again.status, 404, again.text);
  t.like(again.body, { code: 'INVESTOR_ADOPTION_NOT_FOUND' });
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

test("a four-eyes bridge-out of chloe's, approved by a BankB officer before BankB left, shows after the adoption that it needs one more officer: the departed bank's approval no longer counts, as on the ledger", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  // 60,000 units: above the policy's four-eyes threshold, so two distinct officers of chloe's bank.
  await requestBridgeOut(harness.worldState, bridgeOutRequest('B-CHLOE-4EYES', 60_000n, { investorId: CHLOE, wallet: WALLETS.chloe.address }), DESK.officerB);
  await approveBridgeOut(harness.worldState, DESK.secondOfficerB, 'B-CHLOE-4EYES');
  await bankBLeaves(harness);
  const alice = await harness.as('alice');
  t.is((await alice.send('POST', adoptPath, { json: adoptBody() })).status, 200);
  const rita = await harness.as('rita');
  t.is((await rita.send('POST', `${adoptionPath}/approve`, { json: { reason: "Transfer of BankB's customers agreed" } })).status, 200);

  const answer = await alice.send('GET', '/api/v1/bridge-outs/B-CHLOE-4EYES');
  t.is(answer.status, 200, answer.text);
  t.like(answer.body, { bridgeOut: { bankMsp: 'BankAMSP', approvals: [{ officerMsp: 'BankBMSP' }] } });
  t.deepEqual((answer.body as { missingApprovals: string[] }).missingApprovals, ["an officer of the sender's bank BankAMSP", '1 more distinct officer (four-eyes)']);
});
