import test from 'ava';
import { investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { privateStateOf } from '@trestle/chaincode/src/testing/stub-context';
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from '../ledger/kyc-phase';
import { startHarness } from './testing/officer-harness';

const NEW_ID = 'INV-A-0100';
const PII = investorPii({ fullName: 'Dora Beispiel' });
const PII_WITHOUT_SALT = Object.fromEntries(Object.entries(PII).filter(([key]) => key !== 'salt'));

function worldStateText(worldState: Map<string, Uint8Array>): string {
  return [...worldState.values()].map((value) => Buffer.from(value).toString('utf8')).join('\n');
}

test("an officer onboards an investor: the public record on the shared ledger, the personal data only in the bank's private collection, salted by the service", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const answer = await alice.send('POST', '/api/v1/investors', { json: { investor: investorDocument(NEW_ID), pii: PII_WITHOUT_SALT } });
  t.is(answer.status, 201, answer.text);
  t.like(answer.body, { investorId: NEW_ID, bankMsp: 'BankAMSP', kycStatus: 'active' });
  t.false(worldStateText(harness.worldState).includes('Dora Beispiel'), 'no personal data on the shared state');
  const stored = [...(privateStateOf(harness.worldState).get('_implicit_org_BankAMSP')?.values() ?? [])].map((value) => Buffer.from(value).toString('utf8'));
  t.true(stored.some((text) => text.includes('Dora Beispiel')), "the PII is in BankA's implicit collection");
  const pii = await alice.send('GET', `/api/v1/investors/${NEW_ID}/pii`);
  t.is(pii.status, 200);
  t.like(pii.body, { fullName: 'Dora Beispiel' });
  t.regex((pii.body as { salt: string }).salt, /^[0-9a-f]{32}$/, 'the service drew a salt');
  t.false(harness.logs.some((line) => line.includes('Dora')), 'no personal data in the service log');
});

test("an officer updates an investor's record and PII, and suspends and reinstates them; each step is on the ledger", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const updated = await alice.send('PUT', `/api/v1/investors/${INVESTORS.annaA}`, { json: { investor: investorDocument(INVESTORS.annaA, { kycLevel: 'enhanced' }), pii: investorPii({ fullName: 'Anna Muster-Neu' }) } });
  t.is(updated.status, 200, updated.text);
  t.like(updated.body, { kycLevel: 'enhanced' });
  t.like((await alice.send('GET', `/api/v1/investors/${INVESTORS.annaA}/pii`)).body, { fullName: 'Anna Muster-Neu' });
  t.like((await alice.send('POST', `/api/v1/investors/${INVESTORS.annaA}/status`, { json: { action: 'suspend', reason: 'Passport expired' } })).body, { kycStatus: 'suspended', lastStatusChange: { reason: 'Passport expired' } });
  t.like((await alice.send('POST', `/api/v1/investors/${INVESTORS.annaA}/status`, { json: { action: 'reinstate', reason: 'New passport seen' } })).body, { kycStatus: 'active' });
  const listed = await alice.send('GET', '/api/v1/investors?pageSize=1');
  t.like(listed.body, { bankMsp: 'BankAMSP', records: [{ investorId: INVESTORS.annaA }] });
  t.not((listed.body as { bookmark: string }).bookmark, '', 'one per page: a bookmark to the next');
});

test('the investor document and PII are checked by the same compliance readers as the chaincode, before any ledger call', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  const before = harness.snapshot();
  const badInvestor = await alice.send('POST', '/api/v1/investors', { json: { investor: investorDocument(NEW_ID, { jurisdiction: 'XX', investorType: 'pirate' }), pii: PII } });
  t.is(badInvestor.status, 400);
  t.like(badInvestor.body, { code: 'INVESTOR_INVALID' });
  t.deepEqual((badInvestor.body as { details: { problems: Array<{ path: string }> } }).details.problems.map((p) => p.path), ['jurisdiction', 'investorType']);
  const badPii = await alice.send('POST', '/api/v1/investors', { json: { investor: investorDocument(NEW_ID), pii: { ...PII, salt: 'abc' } } });
  t.like(badPii.body, { code: 'OFFICER_REQUEST_MALFORMED' });
  const mismatch = await alice.send('PUT', `/api/v1/investors/${INVESTORS.benA}`, { json: { investor: investorDocument(INVESTORS.annaA) } });
  t.like(mismatch.body, { code: 'OFFICER_REQUEST_MALFORMED', details: { problems: [{ path: 'body.investor.investorId' }] } });
  const twice = await alice.send('POST', '/api/v1/investors', { json: { investor: investorDocument(INVESTORS.annaA), pii: PII } });
  t.is(twice.status, 409);
  t.like(twice.body, { code: 'INVESTOR_ALREADY_ONBOARDED' });
  t.deepEqual(harness.snapshot(), before);
});

test("the asset's policy view shows the asset and the policy document its units are held under", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  for (const person of ['carol', 'rita'] as const) {
    const answer = await (await harness.as(person)).send('GET', '/api/v1/assets/ZOB/policy');
    t.is(answer.status, 200, answer.text);
    t.like(answer.body, { asset: { assetId: 'ZOB', state: 'TOKENIZED', tokenization: { policyVersion: 1 } }, policy: { assetId: 'ZOB', version: 1, document: { fourEyesThreshold: '50000', allowedJurisdictions: ['CH', 'DE', 'LI'] } } });
  }
});

test("an investor's answer says where their KYC stands at the service's time: current, then grace, repay-only and frozen as the clock passes the expiry", async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  // A fresh login each time: sessions expire while the clock jumps months.
  const timelineAt = async () => ((await (await harness.as('alice')).send('GET', `/api/v1/investors/${INVESTORS.annaA}`)).body as { kycExpiresAt: number; kycTimeline: { phase: string; evmPhase: number; expiresAt: number } }).kycTimeline;
  const first = await timelineAt();
  t.like(first, { phase: 'current', evmPhase: 0 });
  const secondsToExpiry = first.expiresAt - Math.floor(harness.clock.now() / 1000);
  t.true(secondsToExpiry > 0);
  harness.clock.advance(secondsToExpiry);
  t.like(await timelineAt(), { phase: 'grace', evmPhase: 0 });
  harness.clock.advance(KYC_GRACE_SECONDS);
  t.like(await timelineAt(), { phase: 'repay-only', evmPhase: 1 });
  harness.clock.advance(KYC_REPAY_ONLY_SECONDS);
  t.like(await timelineAt(), { phase: 'frozen', evmPhase: 2 });
});
