import test from 'ava';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { CAST, eventsOf, T0, tx } from '../testing/ledger-cast';
import { ASSET_ID, json, legalDocuments } from '../testing/ledger-documents';
import { ledgerAt } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf } from '../testing/stub-context';
import { AssetContract } from './asset-contract';

const contract = new AssetContract();

test('the SPV\'s administrator records the true-sale deed and legal opinion, moving DRAFT to DOCUMENTED', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  const recording = tx(CAST.spvAdmin, worldState);
  await contract.RecordLegalDocuments(recording.ctx, ASSET_ID, json(legalDocuments()));
  const asset = JSON.parse(await contract.GetAsset(tx(CAST.appraiser, worldState).ctx, ASSET_ID)) as Asset;
  t.is(asset.state, 'DOCUMENTED');
  t.deepEqual(asset.legalDocuments, { ...(legalDocuments() as object), recordedAt: T0.toISOString(), recordedBy: identityIdOf(CAST.spvAdmin) } as Asset['legalDocuments']);
  t.deepEqual(eventsOf(recording).map((event) => [event.name, (event.envelope.payload as { state: string }).state]), [['AssetDocumented', 'DOCUMENTED']]);
});

test('only an spv-admin of the asset\'s bank may record its legal documents', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.RecordLegalDocuments(ctx, ASSET_ID, json(legalDocuments())));
  await refused(t, worldState, CAST.appraiser, 'CALLER_LACKS_ROLE', (ctx) => contract.RecordLegalDocuments(ctx, ASSET_ID, json(legalDocuments())));
});

test('legal documents are recorded once, in DRAFT; later it is an illegal transition naming the state', async (t) => {
  const worldState = await ledgerAt('DOCUMENTED');
  const error = await refused(t, worldState, CAST.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.RecordLegalDocuments(ctx, ASSET_ID, json(legalDocuments())));
  t.like(error.details, { state: 'DOCUMENTED', action: 'record-legal-documents', allowedFrom: ['DRAFT'], missing: [] });
  t.regex(error.sentence, /The asset is DOCUMENTED; record-legal-documents applies only in DRAFT, which it is past\./);
});

test('malformed legal documents and unknown or malformed asset ids are refused without a write', async (t) => {
  const worldState = await ledgerAt('DRAFT');
  const deed = (legalDocuments() as { trueSaleDeed: { sha256: string } }).trueSaleDeed;
  const cases: Array<[Parameters<typeof refused>[3], string, unknown]> = [
    ['LEGAL_DOCUMENTS_INVALID', ASSET_ID, json(legalDocuments({ legalOpinion: { ...deed, uri: 'https://x.example/o.pdf' } }))],
    ['LEGAL_DOCUMENTS_INVALID', ASSET_ID, json(legalDocuments({ legalOpinion: undefined }))],
    ['LEGAL_DOCUMENTS_INVALID', ASSET_ID, json(legalDocuments({ trueSaleDeed: { sha256: 'abc', uri: 'https://x' } }))],
    ['LEGAL_DOCUMENTS_INVALID', ASSET_ID, json(legalDocuments({ appraisal: { sha256: 'ab'.repeat(32), uri: 'https://x' } }))],
    ['ASSET_NOT_FOUND', 'NOPE', json(legalDocuments())],
    ['LEDGER_ID_MALFORMED', 'Z\tOB', json(legalDocuments())],
    ['ARGUMENT_EMPTY', '', json(legalDocuments())],
  ];
  for (const [code, assetId, documents] of cases) await refused(t, worldState, CAST.spvAdmin, code, (ctx) => contract.RecordLegalDocuments(ctx, assetId, documents as string));
});
