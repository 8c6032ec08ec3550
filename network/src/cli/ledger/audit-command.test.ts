import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import { AUDIT_CSV_COLUMNS } from '@trestle/compliance/src/audit/audit-csv';
import { transferWorld, type TransferWorld } from './testing/transfer-world';

// `trestle audit export` through the CLI over the in-process stub,
// after the story: a settled transfer, a refused one, a freeze whose reason looks like a
// spreadsheet formula, a forced transfer of frozen units by the regulator, a pause and unpause.

const ANNA = INVESTORS.annaA;
const CHLOE = INVESTORS.chloeB;
const FORMULA_REASON = '=HYPERLINK("http://evil.example","click")';
const PERIOD = ['--from', '2026-05-01', '--to', '2026-07-01'] as const;

async function storyWorld(t: { teardown: (fn: () => void) => void }): Promise<TransferWorld> {
  const w = await transferWorld(t);
  const steps: string[][] = [
    ['transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '5000', '--id', 'T-A1'],
    ['transfer', 'approve', 'T-A1', '--as', 'bankA/alice'],
    ['transfer', 'approve', 'T-A1', '--as', 'bankB/carol', '--reason', 'receiver KYC fine'],
    ['freeze', ASSET_ID, ANNA, '--as', 'bankA/alice', '--reason', FORMULA_REASON],
    ['force-transfer', ASSET_ID, ANNA, CHLOE, '1000', '--order-ref', 'ORDER-9', '--document-hash', 'cd'.repeat(32), '--as', 'regulator/rita'],
    ['pause', ASSET_ID, '--as', 'regulator/rita', '--reason', 'inquiry'],
    ['unpause', ASSET_ID, '--as', 'regulator/rita', '--reason', 'inquiry over'],
  ];
  for (const argv of steps) {
    const run = await w.run(...argv);
    if (run.exitCode !== 0) throw new Error(`${argv.join(' ')}: ${run.stderr}`);
  }
  return w;
}

test('the JSON export lists every request, approval, settlement, control action and forced transfer of the period, oldest first', async (t) => {
  const w = await storyWorld(t);
  const run = await w.run('audit', 'export', ...PERIOD, '--format', 'json', '--as', 'regulator/rita');
  t.is(run.exitCode, 0, run.stderr);
  const records = JSON.parse(run.stdout) as AuditRecord[];
  t.deepEqual(
    records.map((record) => record.action),
    ['transfer-requested', 'transfer-approved', 'transfer-settled', 'investor-frozen', 'forced-transfer', 'asset-paused', 'asset-unpaused'],
  );
  const forced = records.find((record) => record.action === 'forced-transfer');
  t.like(forced, { actorMsp: 'RegulatorMSP', assetId: ASSET_ID, investorIds: [ANNA, CHLOE], amount: '1000', reason: 'ORDER-9', documentHash: 'cd'.repeat(32), policyVersion: 1 });
  t.is(records.find((record) => record.action === 'investor-frozen')?.reason, FORMULA_REASON, 'JSON keeps the text as it is');
  t.is(records.find((record) => record.action === 'transfer-requested')?.verdicts?.length, 16);
});

test('the CSV export has one row per record, every field quoted, and a formula-looking reason neutralised', async (t) => {
  const w = await storyWorld(t);
  const run = await w.run('audit', 'export', ...PERIOD, '--format', 'csv', '--as', 'bankA/alice');
  t.is(run.exitCode, 0, run.stderr);
  const lines = run.stdout.split('\r\n');
  t.is(lines[0], AUDIT_CSV_COLUMNS.map((column) => `"${column}"`).join(','));
  t.is(lines.length, 1 + 7);
  const frozen = lines.find((line) => line.includes('"investor-frozen"')) ?? '';
  t.true(frozen.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), frozen);
  t.false(lines.some((line) => line.includes(',"=')), 'no cell starts with =');
});

test('--action and --asset filter the export; --out writes the file whole and counts on stderr', async (t) => {
  const w = await storyWorld(t);
  const out = w.file('export.csv', 'old content');
  const run = await w.run('audit', 'export', ...PERIOD, '--action', 'transfer-approved', '--asset', ASSET_ID, '--out', out, '--as', 'bankB/carol');
  t.is(run.exitCode, 0, run.stderr);
  t.is(run.stdout, '');
  t.is(run.stderr, `1 audit record from 2026-05-01T00:00:00.000Z to 2026-07-01T00:00:00.000Z written to ${out}`);
  const rows = readFileSync(out, 'utf8').split('\r\n').filter((line) => line !== '');
  t.is(rows.length, 2);
  t.true(rows.slice(1).every((row) => row.includes('"transfer-approved"')));
  t.deepEqual(readdirSync(path.dirname(out)).filter((name) => name.endsWith('.partial')), []);
  const none = await w.run('audit', 'export', ...PERIOD, '--asset', 'OTHER', '--format', 'json', '--as', 'bankB/carol');
  t.deepEqual(JSON.parse(none.stdout), []);
});

test('a bad period, format or output folder is a usage error; a caller without the role is refused', async (t) => {
  const w = await storyWorld(t);
  const cases: ReadonlyArray<readonly [string[], number, RegExp]> = [
    [['--from', '2026-07-01', '--to', '2026-05-01'], 2, /--from must be before --to/],
    [['--from', '2026-05-01T10:00', '--to', '2026-07-01'], 2, /\[CLI_INPUT_INVALID\] --from takes an ISO 8601/],
    [['--from', 'yesterday', '--to', '2026-07-01'], 2, /--from takes/],
    [[...PERIOD, '--format', 'xlsx'], 2, /xlsx/],
    [[...PERIOD, '--action', 'coffee'], 2, /coffee/],
    [[...PERIOD, '--out', '/no/such/folder/export.csv'], 2, /\[CLI_INPUT_INVALID\] Cannot write the export to \/no\/such\/folder\/export\.csv: ENOENT/],
  ];
  for (const [args, exitCode, message] of cases) {
    const run = await w.run('audit', 'export', ...args, '--as', 'regulator/rita');
    t.is(run.exitCode, exitCode, args.join(' '));
    t.regex(run.stderr, message, args.join(' '));
  }
  t.false(existsSync('/no/such/folder'));
  const noRole = await w.run('audit', 'export', ...PERIOD, '--as', 'bankA/mallory');
  t.is(noRole.exitCode, 3);
  t.regex(noRole.stderr, /\[CALLER_LACKS_ROLE\]/);
});
