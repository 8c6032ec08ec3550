import test from 'ava';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { Valuation } from '@trestle/compliance/src/ledger/valuation';
import { CAST, eventsOf, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { ledgerInLegalState } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

async function assetOf(worldState: WorldState): Promise<Asset> {
  return JSON.parse(await contract.GetAsset(tx(CAST.regulator, worldState).ctx, ASSET_ID)) as Asset;
}

test('an appraiser of an independent org records the first valuation, moving DOCUMENTED to VALUED', async (t) => {
  const worldState = await ledgerAt('DOCUMENTED');
  const recording = tx(CAST.appraiser, worldState);
  await contract.RecordValuation(recording.ctx, ASSET_ID, json(valuationDocument()));

  const asset = await assetOf(worldState);
  t.like(asset, { state: 'VALUED', valuationCount: 1, updatedBy: identityIdOf(CAST.appraiser) });
  const valuation: Valuation = {
    ...(valuationDocument() as Omit<Valuation, 'assetId' | 'seq' | 'appraiserMsp' | 'appraiserId' | 'recordedAt'>),
    assetId: ASSET_ID,
    seq: 1,
    appraiserMsp: 'BankCMSP',
    appraiserId: identityIdOf(CAST.appraiser),
    recordedAt: T0.toISOString(),
  };
  const key = recording.stub.createCompositeKey('asset~valuation', [ASSET_ID, '0000000001']);
  t.deepEqual(JSON.parse(Buffer.from(worldState.get(key) ?? []).toString()), valuation);
  t.deepEqual(eventsOf(recording), [{ name: 'ValuationRecorded', envelope: { type: 'ValuationRecorded', payload: { asset, valuation } as unknown as Record<string, unknown> } }]);
});

test('several valuations are kept, numbered in order; a re-appraisal keeps VALUED, APPROVED and TOKENIZED as they are', async (t) => {
  for (const state of ['VALUED', 'APPROVED', 'TOKENIZED'] as const) {
    const worldState = await ledgerAt(state);
    await contract.RecordValuation(tx(CAST.appraiser, worldState).ctx, ASSET_ID, json(valuationDocument({ amount: '2975000000', effectiveDate: '2026-03-01' })));
    const asset = await assetOf(worldState);
    t.is(asset.state, state);
    t.is(asset.valuationCount, 2);
  }
});

test('an appraiser from the SPV\'s own administering bank is refused as not independent', async (t) => {
  const worldState = await ledgerAt('DOCUMENTED');
  const error = await refused(t, worldState, CAST.bankAOfficer, 'APPRAISER_NOT_INDEPENDENT', (ctx) => contract.RecordValuation(ctx, ASSET_ID, json(valuationDocument())));
  t.deepEqual(error.details, { assetId: ASSET_ID, appraiserMsp: 'BankAMSP', administeringBankMsp: 'BankAMSP' });
});

test('only an appraiser may record a valuation', async (t) => {
  const worldState = await ledgerAt('DOCUMENTED');
  for (const identity of [CAST.spvAdmin, CAST.bankBOfficer, CAST.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.RecordValuation(ctx, ASSET_ID, json(valuationDocument())));
  }
});

test('a DRAFT asset cannot be valued: the error names the state and the missing legal documents', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  const error = await refused(t, worldState, CAST.appraiser, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.RecordValuation(ctx, ASSET_ID, json(valuationDocument())));
  t.like(error.details, { state: 'DRAFT', action: 'record-valuation' });
  t.deepEqual((error.details as { missing: string[] }).missing, ["the true-sale deed and legal opinion hashes, recorded by the SPV's administrator"]);
  t.regex(error.sentence, /^The asset is DRAFT; record-valuation needs it in DOCUMENTED or VALUED or APPROVED or TOKENIZED or REMEDIATION or CURED, and it still lacks the true-sale deed/);
});

test('an asset in REMEDIATION or CURED is re-appraised in its state; a WRITTEN_OFF or REDEEMED one is past valuing', async (t) => {
  for (const state of ['REMEDIATION', 'CURED'] as const) {
    const worldState = await ledgerInLegalState(state);
    await contract.RecordValuation(tx(CAST.appraiser, worldState).ctx, ASSET_ID, json(valuationDocument()));
    t.like(await assetOf(worldState), { state, valuationCount: 2 });
  }
  for (const state of ['WRITTEN_OFF', 'REDEEMED'] as const) {
    const worldState = await ledgerInLegalState(state);
    const error = await refused(t, worldState, CAST.appraiser, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.RecordValuation(ctx, ASSET_ID, json(valuationDocument())));
    t.like(error.details, { assetId: ASSET_ID, state, action: 'record-valuation', missing: [] });
    t.regex(error.sentence, /which it is past\.$/);
  }
});

test('malformed valuations are VALUATION_INVALID and write nothing: negative, fractional, zero or numeric amounts, unknown currencies, dates out of range', async (t) => {
  const worldState = await ledgerAt('DOCUMENTED');
  const cases: Array<[TrestleErrorCode, Record<string, unknown>]> = [
    ['VALUATION_INVALID', { amount: '-5' }],
    ['VALUATION_INVALID', { amount: '1.5' }],
    ['VALUATION_INVALID', { amount: '0' }],
    ['VALUATION_INVALID', { amount: '007' }],
    ['VALUATION_INVALID', { amount: 4250000000 }],
    ['VALUATION_INVALID', { amount: '1'.repeat(79) }],
    ['VALUATION_INVALID', { currency: 'chf' }],
    ['VALUATION_INVALID', { currency: 'XXX' }],
    ['VALUATION_INVALID', { method: '' }],
    ['VALUATION_INVALID', { method: 'm'.repeat(129) }],
    ['VALUATION_INVALID', { effectiveDate: '2026-02-30' }],
    ['VALUATION_INVALID', { effectiveDate: '2026-03-02' }],
    ['VALUATION_INVALID', { validUntil: unixSeconds(T0) }],
    ['VALUATION_INVALID', { validUntil: 1.5e9 + 0.5 }],
    ['VALUATION_INVALID', { validUntil: '1803895200' }],
    ['VALUATION_INVALID', { reportSha256: 'ab' }],
    ['VALUATION_INVALID', { reportUri: 'report.pdf' }],
    ['VALUATION_INVALID', { appraiser: 'me' }],
  ];
  for (const [code, change] of cases) {
    await refused(t, worldState, CAST.appraiser, code, (ctx) => contract.RecordValuation(ctx, ASSET_ID, json(valuationDocument(change))));
  }
  await refused(t, worldState, CAST.appraiser, 'ASSET_NOT_FOUND', (ctx) => contract.RecordValuation(ctx, 'NOPE', json(valuationDocument())));
  await refused(t, worldState, CAST.appraiser, 'ARGUMENT_EMPTY', (ctx) => contract.RecordValuation(ctx, 7 as unknown as string, json(valuationDocument())));
  await refused(t, worldState, CAST.appraiser, 'LEDGER_ID_MALFORMED', (ctx) => contract.RecordValuation(ctx, 'x'.repeat(129), json(valuationDocument())));
  await refused(t, worldState, CAST.appraiser, 'VALUATION_INVALID', (ctx) => contract.RecordValuation(ctx, ASSET_ID, { amount: '1' } as unknown as string));
});
