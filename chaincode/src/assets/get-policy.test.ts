import test from 'ava';
import { CAST, tx } from '../testing/ledger-cast';
import { ASSET_ID } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

test('GetPolicy returns the policy version the asset was tokenized under, to every role', async (t) => {
  const worldState = await ledgerAt('TOKENIZED');
  for (const reader of [CAST.bankAOfficer, CAST.bankBOfficer, CAST.appraiser, CAST.regulator]) {
    const record = JSON.parse(await contract.GetPolicy(tx(reader, worldState).ctx, ASSET_ID)) as { assetId: string; version: number; policyHash: string; document: { fourEyesThreshold: string } };
    t.is(record.assetId, ASSET_ID);
    t.is(record.version, 1);
    t.regex(record.policyHash, /^[0-9a-f]{64}$/);
    t.is(record.document.fourEyesThreshold, '50000');
  }
});

test('GetPolicy refuses an asset not tokenized yet, an unknown or malformed id, and a caller without a role', async (t) => {
  const worldState = await ledgerAt('APPROVED');
  await refused(t, worldState, CAST.regulator, 'ASSET_NOT_TOKENIZED', (ctx) => contract.GetPolicy(ctx, ASSET_ID));
  await refused(t, worldState, CAST.regulator, 'ASSET_NOT_FOUND', (ctx) => contract.GetPolicy(ctx, 'NOPE'));
  await refused(t, worldState, CAST.regulator, 'LEDGER_ID_MALFORMED', (ctx) => contract.GetPolicy(ctx, 'Z O B'));
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', (ctx) => contract.GetPolicy(ctx, ASSET_ID));
});
