import test from 'ava';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { CAST, eventsOf, T0, tx } from '../testing/ledger-cast';
import { ASSET_ID, json, ONE_YEAR_LATER, valuationDocument } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf } from '../testing/stub-context';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

test('a compliance officer of another bank approves a VALUED asset, naming the current valuation', async (t) => {
  const worldState = await ledgerAt('VALUED');
  const approval = tx(CAST.bankBOfficer, worldState);
  await contract.ApproveAsset(approval.ctx, ASSET_ID);
  const asset = JSON.parse(await contract.GetAsset(tx(CAST.regulator, worldState).ctx, ASSET_ID)) as Asset;
  t.is(asset.state, 'APPROVED');
  t.deepEqual(asset.approval, { approvedAt: T0.toISOString(), approvedBy: identityIdOf(CAST.bankBOfficer), approverMsp: 'BankBMSP', valuationSeq: 1 });
  t.deepEqual(eventsOf(approval).map((event) => event.name), ['AssetApproved']);
});

test('a compliance officer of the SPV\'s own bank cannot approve its asset', async (t) => {
  const worldState = await ledgerAt('VALUED');
  await refused(t, worldState, CAST.bankAOfficer, 'APPROVER_NOT_INDEPENDENT', (ctx) => contract.ApproveAsset(ctx, ASSET_ID));
});

test('approval needs the compliance-officer role', async (t) => {
  const worldState = await ledgerAt('VALUED');
  for (const identity of [CAST.appraiser, CAST.spvAdmin, CAST.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.ApproveAsset(ctx, ASSET_ID));
  }
});

test('approving too early names every missing step; approving twice is past the point', async (t) => {
  const draft = await ledgerAt('DRAFT');
  const early = await refused(t, draft, CAST.bankBOfficer, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ApproveAsset(ctx, ASSET_ID));
  t.deepEqual((early.details as { missing: string[] }).missing, [
    "the true-sale deed and legal opinion hashes, recorded by the SPV's administrator",
    "a valuation by an appraiser of an org other than the SPV's administering bank",
  ]);
  const documented = await ledgerAt('DOCUMENTED');
  const unvalued = await refused(t, documented, CAST.bankBOfficer, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ApproveAsset(ctx, ASSET_ID));
  t.deepEqual((unvalued.details as { missing: string[] }).missing, ["a valuation by an appraiser of an org other than the SPV's administering bank"]);
  const approved = await ledgerAt('APPROVED');
  const twice = await refused(t, approved, CAST.bankBOfficer, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ApproveAsset(ctx, ASSET_ID));
  t.like(twice.details, { state: 'APPROVED', allowedFrom: ['VALUED'], missing: [] });
});

test('a VALUED asset whose every valuation has expired cannot be approved until a fresh one is recorded', async (t) => {
  const worldState = await ledgerAt('VALUED');
  const later = new Date((ONE_YEAR_LATER + 1) * 1000);
  const error = await refused(t, worldState, CAST.bankBOfficer, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ApproveAsset(ctx, ASSET_ID), { at: later });
  t.regex(error.sentence, /^The asset is VALUED, but approve still needs a valuation still valid at 2027-03-01T10:00:01Z/);

  await contract.RecordValuation(tx(CAST.appraiser, worldState, { at: later }).ctx, ASSET_ID, json(valuationDocument({ effectiveDate: '2027-03-01', validUntil: ONE_YEAR_LATER + 86_400 * 365 })));
  await contract.ApproveAsset(tx(CAST.bankBOfficer, worldState, { at: later }).ctx, ASSET_ID);
  const asset = JSON.parse(await contract.GetAsset(tx(CAST.regulator, worldState).ctx, ASSET_ID)) as Asset;
  t.is(asset.approval?.valuationSeq, 2);
});
