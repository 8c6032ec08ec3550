import test, { type ExecutionContext } from 'ava';
import { castLedger, T0 } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID, assetDocument, investorDocument, investorPii, legalDocuments, SPV_ID, spvDocument, tokenizationDocument, valuationDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { cliWorld, FAR_KYC_EXPIRY, type CliWorld } from './testing/cli-world';
import { documentFile } from './testing/document-files';
import { printedField } from './testing/printed-field';
import { runCli } from './testing/run-cli';

// The story of one building told through the CLI alone, over the in-process chaincode stub (no
// Fabric peer runs here): each step acts as the identity the chaincode's roles call for.

type World = CliWorld;

const world = async () => cliWorld(await castLedger());
const cli = (w: World, ...argv: string[]) => w.cli(...argv);
const ok = async (t: ExecutionContext, w: World, ...argv: string[]) => (await w.ok(t, ...argv)).stdout;

async function onboardStoryInvestors(t: ExecutionContext, w: World): Promise<void> {
  for (const [investorId, officer] of [[INVESTORS.annaA, 'bankA/bob'], [INVESTORS.benA, 'bankA/bob'], [INVESTORS.chloeB, 'bankB/carol']] as const) {
    const investor = documentFile(w.folder, `${investorId}.json`, investorDocument(investorId, { kycExpiresAt: FAR_KYC_EXPIRY }));
    const pii = documentFile(w.folder, `${investorId}-pii.json`, investorPii({ fullName: `Investor ${investorId}` }));
    await ok(t, w, 'investor', 'onboard', investor, '--pii', pii, '--as', officer);
  }
}

/** Registers the SPV, creates the asset and records its legal documents, all through the CLI. */
async function documentedAsset(t: ExecutionContext, w: World): Promise<void> {
  await ok(t, w, 'spv', 'register', documentFile(w.folder, 'spv.json', spvDocument()), '--as', 'bankA/alice');
  await ok(t, w, 'asset', 'create', documentFile(w.folder, 'asset.json', assetDocument()), '--as', 'bankA/alice');
  await ok(t, w, 'asset', 'document', ASSET_ID, documentFile(w.folder, 'legal.json', legalDocuments()), '--as', 'bankA/alice');
}

test('one building from SPV to TOKENIZED through the CLI alone, each step confirmed in one line', async (t) => {
  const w = await world();
  await onboardStoryInvestors(t, w);
  t.is(await ok(t, w, 'spv', 'register', documentFile(w.folder, 'spv.json', spvDocument()), '--as', 'bankA/alice'), `spv ${SPV_ID} registered (administered by BankAMSP)`);
  t.is(await ok(t, w, 'asset', 'create', documentFile(w.folder, 'asset.json', assetDocument()), '--as', 'bankA/alice'), `asset ${ASSET_ID} is DRAFT (SPV ${SPV_ID}, administered by BankAMSP)`);
  t.is(await ok(t, w, 'asset', 'document', ASSET_ID, documentFile(w.folder, 'legal.json', legalDocuments()), '--as', 'bankA/alice'), `asset ${ASSET_ID} is DOCUMENTED (true-sale deed and legal opinion recorded)`);
  t.is(await ok(t, w, 'asset', 'value', ASSET_ID, documentFile(w.folder, 'valuation.json', valuationDocument()), '--as', 'bankC/erin'), `asset ${ASSET_ID} is VALUED (valuation 1 by BankCMSP)`);
  t.is(await ok(t, w, 'asset', 'approve', ASSET_ID, '--as', 'bankB/carol'), `asset ${ASSET_ID} is APPROVED (by BankBMSP on valuation 1)`);
  const allocations = { [INVESTORS.annaA]: 600_000n, [INVESTORS.benA]: 300_000n, [INVESTORS.chloeB]: 100_000n };
  t.is(
    await ok(t, w, 'asset', 'tokenize', ASSET_ID, documentFile(w.folder, 'tokenization.json', tokenizationDocument(allocations)), '--as', 'bankA/alice'),
    `asset ${ASSET_ID} is TOKENIZED (1000000 units, 6 decimals, to 3 holders; policy version 1)`,
  );

  const show = await ok(t, w, 'asset', 'show', ASSET_ID, '--as', 'regulator/rita');
  t.is(printedField(show, 'state'), 'TOKENIZED');
  t.is(printedField(show, 'approved'), `${T0.toISOString()} by BankBMSP on valuation 1`);
  t.is(printedField(show, 'units'), '1000000 (6 decimals) to 3 holders');

  const history = JSON.parse(await ok(t, w, 'asset', 'history', ASSET_ID, '--as', 'bankB/carol', '--json')) as Array<{ record: { state: string } }>;
  t.deepEqual(history.map((entry) => entry.record.state), ['TOKENIZED', 'APPROVED', 'VALUED', 'DOCUMENTED', 'DRAFT']);
  const historyText = (await ok(t, w, 'asset', 'history', ASSET_ID, '--as', 'bankB/carol')).split('\n');
  t.is(historyText.length, 5);
  t.regex(historyText[0] ?? '', new RegExp(`^${T0.toISOString()}  TOKENIZED  tx [0-9a-f]{64}$`));

  t.regex(await ok(t, w, 'asset', 'valuations', ASSET_ID, '--as', 'bankC/erin'), /^#1 {2}4250000000 CHF {2}effective 2026-02-15 {2}valid until 2027-03-01T10:00:00.000Z {2}by BankCMSP {2}current$/);
  const holding = await ok(t, w, 'asset', 'holding', ASSET_ID, INVESTORS.benA, '--as', 'bankA/bob');
  t.is(printedField(holding, 'balance'), '300000');
  t.regex(holding, new RegExp(`^ {2}300000 acquired ${T0.toISOString()}$`, 'm'));

  const spv = await ok(t, w, 'spv', 'show', SPV_ID, '--as', 'bankC/erin');
  t.is(printedField(spv, 'administered by'), 'BankAMSP');
  t.is(await ok(t, w, 'spv', 'list', '--as', 'bankB/carol'), `${SPV_ID}  CH  BankAMSP  Zürich Oerlikon Building SPV AG`);
});

test('--json prints the records as the ledger gave them, and every answer parses', async (t) => {
  const w = await world();
  await documentedAsset(t, w);
  const value = JSON.parse(await ok(t, w, 'asset', 'value', ASSET_ID, documentFile(w.folder, 'valuation.json', valuationDocument()), '--as', 'bankC/erin', '--json')) as {
    asset: { state: string; valuationCount: number };
    valuation: { seq: number; amount: string; appraiserMsp: string; valid: boolean };
  };
  t.like(value, { asset: { state: 'VALUED', valuationCount: 1 }, valuation: { seq: 1, amount: '4250000000', appraiserMsp: 'BankCMSP', valid: true } });
  const asset = JSON.parse(await ok(t, w, 'asset', 'show', ASSET_ID, '--as', 'bankB/carol', '--json')) as Record<string, unknown>;
  t.like(asset, { assetId: ASSET_ID, state: 'VALUED', administeringBankMsp: 'BankAMSP', approval: null });
  const valuations = JSON.parse(await ok(t, w, 'asset', 'valuations', ASSET_ID, '--as', 'bankB/carol', '--json')) as { currentSeq: number; valuations: unknown[] };
  t.is(valuations.currentSeq, 1);
  t.is(valuations.valuations.length, 1);
  const list = JSON.parse(await ok(t, w, 'spv', 'list', '--as', 'bankB/carol', '--json')) as { records: Array<{ spvId: string }>; bookmark: string };
  t.deepEqual(list.records.map((record) => record.spvId), [SPV_ID]);
  t.is(list.bookmark, '');
  const spvHistory = JSON.parse(await ok(t, w, 'spv', 'history', SPV_ID, '--as', 'bankB/carol', '--json')) as unknown[];
  t.is(spvHistory.length, 1);
});

test('an appraiser of the SPV\'s own bank is refused with APPRAISER_NOT_INDEPENDENT (exit 3) and the asset is unchanged', async (t) => {
  const w = await world();
  await documentedAsset(t, w);
  const before = snapshotLedger(w.worldState);
  const run = await cli(w, 'asset', 'value', ASSET_ID, documentFile(w.folder, 'valuation.json', valuationDocument()), '--as', 'bankA/bob');
  t.is(run.exitCode, 3);
  t.is(run.stdout, '');
  t.regex(run.stderr, /^error: \[APPRAISER_NOT_INDEPENDENT\] [^\n]+$/);
  t.deepEqual(snapshotLedger(w.worldState), before);
  t.is(printedField(await ok(t, w, 'asset', 'show', ASSET_ID, '--as', 'bankA/alice'), 'state'), 'DOCUMENTED');
});

test('malformed files: not JSON is CLI_INPUT_INVALID (exit 2), wrong types are the chaincode\'s *_INVALID (exit 3); nothing is written', async (t) => {
  const w = await world();
  await documentedAsset(t, w);
  const cases: Array<[string[], string, number]> = [
    [['spv', 'register', documentFile(w.folder, 'not-json.json', '{ "spvId": ')], 'CLI_INPUT_INVALID', 2],
    [['spv', 'register', documentFile(w.folder, 'array.json', '[]')], 'CLI_INPUT_INVALID', 2],
    [['spv', 'register', `${w.folder}/missing.json`], 'CLI_INPUT_INVALID', 2],
    [['spv', 'update', documentFile(w.folder, 'spv-types.json', spvDocument({ jurisdiction: 756, documents: 'none' }))], 'SPV_INVALID', 3],
    [['asset', 'create', documentFile(w.folder, 'asset-types.json', assetDocument({ assetId: 'ZOB-2', name: 42, assetClass: 'castle' }))], 'ASSET_INVALID', 3],
    [['asset', 'document', ASSET_ID, documentFile(w.folder, 'legal-types.json', legalDocuments({ trueSaleDeed: 'deed.pdf' }))], 'LEGAL_DOCUMENTS_INVALID', 3],
  ];
  const appraiserCases: Array<[string[], string, number]> = [
    [['asset', 'value', ASSET_ID, documentFile(w.folder, 'valuation-types.json', valuationDocument({ amount: -5, validUntil: '2027' }))], 'VALUATION_INVALID', 3],
    [['asset', 'value', ASSET_ID, documentFile(w.folder, 'valuation-float.json', valuationDocument({ amount: '4250000000.5' }))], 'VALUATION_INVALID', 3],
  ];
  for (const [argv, code, exitCode] of [...cases.map(([argv, code, exit]) => [[...argv, '--as', 'bankA/alice'], code, exit] as const), ...appraiserCases.map(([argv, code, exit]) => [[...argv, '--as', 'bankC/erin'], code, exit] as const)]) {
    const before = snapshotLedger(w.worldState);
    const run = await cli(w, ...argv);
    t.is(run.exitCode, exitCode, argv.join(' '));
    t.regex(run.stderr, new RegExp(`^error: \\[${code}\\] [^\\n]+$`), argv.join(' '));
    t.is(run.stdout, '');
    t.deepEqual(snapshotLedger(w.worldState), before, `${argv.join(' ')} wrote nothing`);
  }
  const json = await cli(w, 'asset', 'create', `${w.folder}/asset-types.json`, '--as', 'bankA/alice', '--json');
  const error = (JSON.parse(json.stderr) as { error: { code: string; details: { problems: Array<{ path: string }> } } }).error;
  t.is(error.code, 'ASSET_INVALID');
  t.deepEqual(error.details.problems.map((problem) => problem.path).sort(), ['assetClass', 'name']);
});

test('a step out of order is ASSET_TRANSITION_ILLEGAL naming the state it is in and needs (exit 3)', async (t) => {
  const w = await world();
  await documentedAsset(t, w);
  const run = await cli(w, 'asset', 'approve', ASSET_ID, '--as', 'bankB/carol');
  t.is(run.exitCode, 3);
  t.regex(run.stderr, /^error: \[ASSET_TRANSITION_ILLEGAL\] The asset is DOCUMENTED; approve needs it in VALUED/);
});

test('lists page with --page-size and print the bookmark of the next page', async (t) => {
  const w = await world();
  for (const spvId of ['SPV-1', 'SPV-2', 'SPV-3']) await ok(t, w, 'spv', 'register', documentFile(w.folder, `${spvId}.json`, spvDocument({ spvId })), '--as', 'bankA/alice');
  const first = (await ok(t, w, 'spv', 'list', '--page-size', '2', '--as', 'bankB/carol')).split('\n');
  t.is(first.length, 3);
  t.regex(first[0] ?? '', /^SPV-1 /);
  const next = /^next: --bookmark (.+)$/.exec(first[2] ?? '');
  t.truthy(next, first.join('\n'));
  const second = (await ok(t, w, 'spv', 'list', '--page-size', '2', '--bookmark', next?.[1] ?? '', '--as', 'bankB/carol')).split('\n');
  t.deepEqual(second.map((line) => line.split(' ')[0]), ['SPV-3']);
  const bad = await cli(w, 'spv', 'list', '--page-size', '0', '--as', 'bankB/carol');
  t.is(bad.exitCode, 3);
  t.regex(bad.stderr, /PAGE_SIZE_INVALID/);
});

test('--help explains the input file and points to the reader of its JSON shape', async (t) => {
  const w = await world();
  const help = await cli(w, 'asset', 'value', '--help');
  t.is(help.exitCode, 0);
  t.regex(help.stdout, /compliance\/src\/ledger\/valuation\.ts/);
  t.regex(help.stdout, /--as <org\/user>/);
});

test('the registry main.ts adds (ledgerCommands) carries the spv, asset and investor commands', async (t) => {
  const w = await world();
  await documentedAsset(t, w);
  for (const argv of [['spv', 'show', SPV_ID], ['asset', 'show', ASSET_ID], ['investor', 'list']]) {
    const run = await runCli(w.open, [...argv, '--as', 'bankB/carol']);
    t.is(run.exitCode, 0, `${argv.join(' ')}: ${run.stderr}`);
  }
});

test('spv update replaces the description for the administering bank only; history lists both versions', async (t) => {
  const w = await world();
  await ok(t, w, 'spv', 'register', documentFile(w.folder, 'spv.json', spvDocument()), '--as', 'bankA/alice');
  const renamed = documentFile(w.folder, 'spv-renamed.json', spvDocument({ legalName: 'Oerlikon Immobilien SPV AG' }));
  const before = snapshotLedger(w.worldState);
  const foreign = await cli(w, 'spv', 'update', renamed, '--as', 'bankB/carol');
  t.is(foreign.exitCode, 3);
  t.regex(foreign.stderr, /^error: \[CALLER_OF_OTHER_BANK\] /);
  t.deepEqual(snapshotLedger(w.worldState), before);
  t.is(await ok(t, w, 'spv', 'update', renamed, '--as', 'bankA/alice'), `spv ${SPV_ID} updated (administered by BankAMSP)`);
  t.is(printedField(await ok(t, w, 'spv', 'show', SPV_ID, '--as', 'bankC/erin'), 'legal name'), 'Oerlikon Immobilien SPV AG');
  const history = (await ok(t, w, 'spv', 'history', SPV_ID, '--as', 'bankC/erin')).split('\n');
  t.deepEqual(history.map((line) => line.split('  ')[1]), ['Oerlikon Immobilien SPV AG (BankAMSP)', 'Zürich Oerlikon Building SPV AG (BankAMSP)']);
});
