import test from 'ava';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { HistoryEntry } from '@trestle/compliance/src/ledger/ledger-page';
import type { Valuation } from '@trestle/compliance/src/ledger/valuation';
import { CAST, tx, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '../testing/ledger-documents';
import { INVESTORS, ledgerAt } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { rewriteRecord } from '../testing/rewrite-record';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

test('GetAssetHistory shows every state the asset went through, newest first', async (t) => {
  const worldState = await ledgerAt('TOKENIZED');
  const history = JSON.parse(await contract.GetAssetHistory(tx(CAST.appraiser, worldState).ctx, ASSET_ID)) as Array<HistoryEntry<Asset>>;
  t.deepEqual(history.map((entry) => entry.record?.state), ['TOKENIZED', 'APPROVED', 'VALUED', 'DOCUMENTED', 'DRAFT']);
  t.true(history.every((entry) => !entry.isDelete));
});

test('ListValuations keeps expired valuations and marks the newest valid one as current', async (t) => {
  const worldState = await ledgerAt('VALUED');
  // A newer valuation that expires in a month, then an older-dated one filed late that lasts longer.
  await contract.RecordValuation(tx(CAST.appraiser, worldState).ctx, ASSET_ID, json(valuationDocument({ amount: '4300000000', effectiveDate: '2026-02-28', validUntil: unixSeconds('2026-04-01T00:00:00Z') })));
  await contract.RecordValuation(tx(CAST.appraiser, worldState).ctx, ASSET_ID, json(valuationDocument({ amount: '4100000000', effectiveDate: '2026-01-31' })));

  type Listing = { assetId: string; currentSeq: number | null; valuations: Array<Valuation & { valid: boolean }> };
  const listAt = async (at: string) => JSON.parse(await contract.ListValuations(tx(CAST.regulator, worldState, { at: new Date(at) }).ctx, ASSET_ID)) as Listing;

  const now = await listAt('2026-03-02T00:00:00Z');
  t.deepEqual(now.valuations.map((v) => [v.seq, v.amount, v.valid]), [[1, '4250000000', true], [2, '4300000000', true], [3, '4100000000', true]]);
  t.is(now.currentSeq, 2, 'the latest effective date wins, not the latest recorded');

  const april = await listAt('2026-04-02T00:00:00Z');
  t.deepEqual(april.valuations.map((v) => v.valid), [true, false, true]);
  t.is(april.currentSeq, 1, 'once seq 2 expires, the newest still valid is current');

  const nextYear = await listAt('2027-06-01T00:00:00Z');
  t.is(nextYear.currentSeq, null);
  t.is(nextYear.valuations.length, 3, 'expired valuations are kept');
});

test('GetHolding returns the holding to holding readers; appraisers and strangers cannot read it', async (t) => {
  const worldState = await ledgerAt('TOKENIZED');
  for (const reader of [CAST.spvAdmin, CAST.bankAOfficer, CAST.bankBOfficer, CAST.regulator]) {
    t.is((JSON.parse(await contract.GetHolding(tx(reader, worldState).ctx, ASSET_ID, INVESTORS.chloeB)) as { balance: string }).balance, '100000');
  }
  await refused(t, worldState, CAST.appraiser, 'CALLER_LACKS_ROLE', (ctx) => contract.GetHolding(ctx, ASSET_ID, INVESTORS.annaA));
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', (ctx) => contract.GetHolding(ctx, ASSET_ID, INVESTORS.annaA));
  await refused(t, worldState, CAST.regulator, 'HOLDING_NOT_FOUND', (ctx) => contract.GetHolding(ctx, ASSET_ID, 'INV-NONE'));
  await refused(t, worldState, CAST.regulator, 'LEDGER_ID_MALFORMED', (ctx) => contract.GetHolding(ctx, ASSET_ID, 'INV NONE'));
});

test('asset queries need a role and a known, well-formed asset id', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  for (const query of [contract.GetAsset, contract.GetAssetHistory, contract.ListValuations]) {
    await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', (ctx) => query.call(contract, ctx, ASSET_ID));
    await refused(t, worldState, CAST.regulator, 'ASSET_NOT_FOUND', (ctx) => query.call(contract, ctx, 'NOPE'));
    await refused(t, worldState, CAST.regulator, 'LEDGER_ID_MALFORMED', (ctx) => query.call(contract, ctx, 'ZOB\u0000'));
  }
});

test('a stored asset that is not a valid record is RECORD_MALFORMED, not a crash', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  rewriteRecord(worldState, 'asset', [ASSET_ID], (record) => ({ ...record, state: 'LOST', valuationCount: -1 }));
  const error = await refused(t, worldState, CAST.regulator, 'RECORD_MALFORMED', (ctx) => contract.GetAsset(ctx, ASSET_ID));
  t.deepEqual((error.details as { problems: Array<{ path: string }> }).problems.map((p) => p.path), ['state', 'valuationCount']);
});
