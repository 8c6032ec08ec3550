import test from 'ava';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { CAST, eventsOf, T0, tx } from '../testing/ledger-cast';
import { ASSET_ID, assetDocument, json } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf } from '../testing/stub-context';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

test('the SPV\'s administrator creates an asset in DRAFT, with no step taken yet and one AssetCreated event', async (t) => {
  const worldState = await ledgerAt('SPV');
  const creation = tx(CAST.spvAdmin, worldState);
  await contract.CreateAsset(creation.ctx, json(assetDocument()));
  const asset = JSON.parse(await contract.GetAsset(tx(CAST.regulator, worldState).ctx, ASSET_ID)) as Asset;
  t.deepEqual(asset, {
    ...(assetDocument() as Pick<Asset, 'assetId' | 'spvId' | 'name' | 'assetClass' | 'description'>),
    administeringBankMsp: 'BankAMSP',
    state: 'DRAFT',
    createdAt: T0.toISOString(),
    createdBy: identityIdOf(CAST.spvAdmin),
    updatedAt: T0.toISOString(),
    updatedBy: identityIdOf(CAST.spvAdmin),
    legalDocuments: null,
    valuationCount: 0,
    approval: null,
    tokenization: null,
    legalTransitionCount: 0,
    remediation: null,
  });
  t.deepEqual(eventsOf(creation), [{ name: 'AssetCreated', envelope: { type: 'AssetCreated', payload: asset as unknown as Record<string, unknown> } }]);
});

test('only an spv-admin of the SPV\'s administering bank may create its asset', async (t) => {
  const worldState = await ledgerAt('SPV');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.CreateAsset(ctx, json(assetDocument())));
  for (const identity of [CAST.bankAOfficer, CAST.appraiser, CAST.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.CreateAsset(ctx, json(assetDocument())));
  }
});

test('an asset needs a registered SPV and an id of its own', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  await refused(t, worldState, CAST.spvAdmin, 'SPV_NOT_FOUND', (ctx) => contract.CreateAsset(ctx, json(assetDocument({ assetId: 'OTHER', spvId: 'SPV-NONE' }))));
  await refused(t, worldState, CAST.spvAdmin, 'ASSET_ALREADY_EXISTS', (ctx) => contract.CreateAsset(ctx, json(assetDocument({ name: 'Again' }))));
});

test('malformed asset documents are ASSET_INVALID and write nothing', async (t) => {
  const worldState = await ledgerAt('SPV');
  const cases: Array<[TrestleErrorCode, unknown]> = [
    ['ARGUMENT_EMPTY', ''],
    ['ASSET_INVALID', '{'],
    ['ASSET_INVALID', json(assetDocument({ assetClass: 'gold' }))],
    ['ASSET_INVALID', json(assetDocument({ name: '' }))],
    ['ASSET_INVALID', json(assetDocument({ name: 12 }))],
    ['ASSET_INVALID', json(assetDocument({ description: 'd'.repeat(2_001) }))],
    ['ASSET_INVALID', json(assetDocument({ assetId: 'Z O B' }))],
    ['ASSET_INVALID', json(assetDocument({ spvId: null }))],
    ['ASSET_INVALID', json(assetDocument({ state: 'TOKENIZED' }))],
  ];
  for (const [code, document] of cases) await refused(t, worldState, CAST.spvAdmin, code, (ctx) => contract.CreateAsset(ctx, document as string));
});
