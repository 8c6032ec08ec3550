import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { CAST, tx } from '../testing/ledger-cast';
import { investorDocument, investorPii, json } from '../testing/ledger-documents';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { piiHashOf, stagePii } from '../testing/staged-pii';
import { privateStateOf, privateVersionsOf, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { InvestorContract } from './investor-contract';

// PII staged for an investor transaction that then failed leaves the bank's collection through
// DiscardStagedInvestorPii, and only then: never while a record or a waiting adoption names it.

const contract = new InvestorContract();
const NEW_ID = 'INV-A-0099';
const ANNA = INVESTORS.annaA;
const CHLOE = INVESTORS.chloeB;
const BANK_A = '_implicit_org_BankAMSP';
const BANK_B = '_implicit_org_BankBMSP';
const NEW_PII = investorPii({ fullName: 'Nora Neu' });
/** The PII the story onboarded anna with (ledger-story.ts): the same bytes hash to the key her record names. */
const ANNA_PII = investorPii({ fullName: `Investor ${ANNA}` });

const keyOf = (worldState: WorldState, investorId: string, piiHash: string) => tx(CAST.bankAOfficer, worldState).stub.createCompositeKey('investor~pii', [investorId, piiHash]);
const held = (worldState: WorldState, collection: string, investorId: string, piiHash: string) => privateStateOf(worldState).get(collection)?.has(keyOf(worldState, investorId, piiHash)) === true;
const recordOf = async (worldState: WorldState, investorId: string) => JSON.parse(await contract.GetInvestor(tx(CAST.regulator, worldState).ctx, investorId)) as InvestorRecord;

test('PII staged for a transaction that failed is purged, every stored version of it, with no event; the hash then names nothing', async (t) => {
  const worldState = await ledgerWithInvestors();
  await stagePii(CAST.bankAOfficer, worldState, NEW_ID, NEW_PII);
  const piiHash = await stagePii(CAST.bankAOfficer, worldState, NEW_ID, NEW_PII);
  t.is(privateVersionsOf(worldState).get(BANK_A)?.get(keyOf(worldState, NEW_ID, piiHash))?.length, 2, 'staged twice: two stored versions');

  const discard = tx(CAST.bankAOfficer, worldState);
  await contract.DiscardStagedInvestorPii(discard.ctx, NEW_ID, piiHash);

  t.false(held(worldState, BANK_A, NEW_ID, piiHash), 'the value is gone');
  t.false(privateVersionsOf(worldState).get(BANK_A)?.has(keyOf(worldState, NEW_ID, piiHash)), 'earlier versions are gone too: purged, not deleted');
  t.deepEqual(discard.events, [], 'no event names the investor the bank staged PII for');
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.OnboardInvestor(ctx, json(investorDocument(NEW_ID)), piiHash));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.DiscardStagedInvestorPii(ctx, NEW_ID, piiHash));
});

test("PII staged for an update that failed is purged, and the PII the investor's record names stays readable", async (t) => {
  const worldState = await ledgerWithInvestors();
  const recorded = (await recordOf(worldState, ANNA)).piiHash;
  const piiHash = await stagePii(CAST.bankAOfficer, worldState, ANNA, investorPii({ fullName: 'Anna Beispiel' }));
  t.not(piiHash, recorded);
  await contract.DiscardStagedInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA, piiHash);
  t.false(held(worldState, BANK_A, ANNA, piiHash));
  t.true(held(worldState, BANK_A, ANNA, recorded));
  t.is((JSON.parse(await contract.GetInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA)) as { fullName: string }).fullName, `Investor ${ANNA}`);
});

test("the PII the bank's investor record names is INVESTOR_PII_IN_USE, even staged again, and even once the investor is revoked", async (t) => {
  const worldState = await ledgerWithInvestors();
  const recorded = (await recordOf(worldState, ANNA)).piiHash;
  const error = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_IN_USE', (ctx) => contract.DiscardStagedInvestorPii(ctx, ANNA, recorded));
  t.deepEqual(error.details, { investorId: ANNA, piiHash: recorded, bankMsp: 'BankAMSP' });
  // The same PII staged again for an update lands on the key the record names.
  t.is(await stagePii(CAST.bankAOfficer, worldState, ANNA, ANNA_PII), recorded);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_IN_USE', (ctx) => contract.DiscardStagedInvestorPii(ctx, ANNA, recorded));
  // A revoked record keeps its PII until the bank onboards the investor again or erases it.
  await contract.RevokeInvestor(tx(CAST.bankAOfficer, worldState).ctx, ANNA, 'Relationship ended');
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_IN_USE', (ctx) => contract.DiscardStagedInvestorPii(ctx, ANNA, recorded));
  t.true(held(worldState, BANK_A, ANNA, recorded));
});

test('after an erasure the record names the hash but holds no PII: the same PII staged again for an update that failed is discarded', async (t) => {
  const worldState = await ledgerWithInvestors();
  await contract.EraseInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA, 'GDPR Art. 17 request');
  const recorded = (await recordOf(worldState, ANNA)).piiHash;
  t.is(await stagePii(CAST.bankAOfficer, worldState, ANNA, ANNA_PII), recorded);
  await contract.DiscardStagedInvestorPii(tx(CAST.bankAOfficer, worldState).ctx, ANNA, recorded);
  t.false(held(worldState, BANK_A, ANNA, recorded));
  t.not((await recordOf(worldState, ANNA)).piiErasure, null, 'the record still says erased, which is true again');
});

test("the PII a waiting adoption request names is INVESTOR_PII_IN_USE; once the regulator rejects it, it is purged with the request", async (t) => {
  const worldState = await ledgerWithInvestors();
  const consortium = new ConsortiumContract();
  const withoutB = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, withoutB);
  for (const admin of [BANK_C_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, withoutB);
  const piiHash = await stagePii(CAST.bankAOfficer, worldState, CHLOE, NEW_PII);
  await contract.AdoptInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(CHLOE)), piiHash, 'BankB left the consortium; KYC redone');

  const error = await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_IN_USE', (ctx) => contract.DiscardStagedInvestorPii(ctx, CHLOE, piiHash));
  t.deepEqual(error.details, { investorId: CHLOE, piiHash, bankMsp: 'BankAMSP' });
  t.true(held(worldState, BANK_A, CHLOE, piiHash));
  await contract.RejectAdoption(tx(CAST.regulator, worldState).ctx, CHLOE, 'KYC file incomplete');
  t.false(held(worldState, BANK_A, CHLOE, piiHash));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.DiscardStagedInvestorPii(ctx, CHLOE, piiHash));
});

test("nothing staged under the hash, or a malformed hash, is INVESTOR_PII_NOT_STAGED; another bank's officer reaches only its own bank's collection", async (t) => {
  const worldState = await ledgerWithInvestors();
  const piiHash = await stagePii(CAST.bankAOfficer, worldState, NEW_ID, NEW_PII);
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.DiscardStagedInvestorPii(ctx, NEW_ID, piiHashOf(investorPii({ fullName: 'Never Staged' }))));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.DiscardStagedInvestorPii(ctx, 'INV-A-0098', piiHash));
  for (const malformed of ['', 'abc', piiHash.toUpperCase(), `${piiHash}0`]) {
    await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.DiscardStagedInvestorPii(ctx, NEW_ID, malformed));
  }
  // BankB's officer names BankA's staged key: the look-up is in BankB's own collection, which holds nothing under it.
  const error = await refused(t, worldState, CAST.bankBOfficer, 'INVESTOR_PII_NOT_STAGED', (ctx) => contract.DiscardStagedInvestorPii(ctx, NEW_ID, piiHash));
  t.like(error.details, { bankMsp: 'BankBMSP' });
  t.true(held(worldState, BANK_A, NEW_ID, piiHash));
  t.false(held(worldState, BANK_B, NEW_ID, piiHash));
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', (ctx) => contract.DiscardStagedInvestorPii(ctx, '', piiHash));
});

test('only compliance officers discard staged PII: not the regulator, an SPV administrator, an appraiser or a member without a role', async (t) => {
  const worldState = await ledgerWithInvestors();
  const piiHash = await stagePii(CAST.bankAOfficer, worldState, NEW_ID, NEW_PII);
  for (const identity of [CAST.regulator, CAST.spvAdmin, CAST.appraiser, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.DiscardStagedInvestorPii(ctx, NEW_ID, piiHash));
  }
  t.true(held(worldState, BANK_A, NEW_ID, piiHash));
});
