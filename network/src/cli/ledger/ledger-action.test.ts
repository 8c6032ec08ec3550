import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { ledgerAt } from '@trestle/chaincode/src/testing/ledger-story';
import { T0 } from '@trestle/chaincode/src/testing/ledger-cast';
import { parseActingIdentity } from './acting-identity';
import { ledgerAction, ledgerCommand, ledgerJson, readJsonDocument, type LedgerCommandDeps } from './ledger-action';
import { CLI_WALLET } from './testing/cli-wallet';
import { inProcessSessions } from './testing/in-process-sessions';
import { runCli } from './testing/run-cli';
import type { OpenLedgerSession } from './ledger-session';

// The seam every ledger command stands on, exercised through a one-line command that reads an
// asset, so what is tested is the wrapper: --as, --json, exit codes and one-line errors.

function readAsset(deps: LedgerCommandDeps) {
  return ledgerCommand('read-asset', 'read an asset').argument('<assetId>').action(
    ledgerAction(deps, async ({ session, args }) => {
      const asset = ledgerJson(await session.contract('AssetContract').evaluateTransaction('GetAsset', args[0] ?? ''), 'the asset') as { assetId: string; state: string };
      return { json: asset, text: [`${asset.assetId} ${asset.state}`] };
    }),
  );
}

async function world(): Promise<OpenLedgerSession> {
  return inProcessSessions(await ledgerAt('VALUED'), CLI_WALLET, () => T0);
}

test('--as parses org/user and refuses unknown orgs and bad labels with CLI_IDENTITY_UNKNOWN', (t) => {
  t.deepEqual(parseActingIdentity('bankB/officer-1'), { org: 'bankB', user: 'officer-1', mspId: 'BankBMSP', label: 'bankB/officer-1' });
  for (const bad of ['bankD/x', 'bankA', 'bankA/', 'bankA/../x', '/x', 'BankA/x']) {
    t.is(t.throws(() => parseActingIdentity(bad))?.message.startsWith('[CLI_IDENTITY_UNKNOWN]'), true, bad);
  }
});

test('a read prints one line for people and the record with --json', async (t) => {
  const open = await world();
  const plain = await runCli(open, ['read-asset', ASSET_ID, '--as', 'bankB/carol'], (deps) => [readAsset(deps)]);
  t.is(plain.exitCode, 0, plain.stderr);
  t.is(plain.stdout, `${ASSET_ID} VALUED`);
  const json = await runCli(open, ['read-asset', ASSET_ID, '--as', 'bankB/carol', '--json'], (deps) => [readAsset(deps)]);
  t.is((JSON.parse(json.stdout) as { state: string }).state, 'VALUED');
});

test('a ledger refusal is one line with its code and exit code 3; --json puts it on stderr as JSON', async (t) => {
  const open = await world();
  const refused = await runCli(open, ['read-asset', 'NO-SUCH-ASSET', '--as', 'bankB/carol'], (deps) => [readAsset(deps)]);
  t.is(refused.exitCode, 3);
  t.is(refused.stdout, '');
  t.regex(refused.stderr, /^error: \[ASSET_NOT_FOUND\] [^\n]+$/);
  const json = await runCli(open, ['read-asset', 'NO-SUCH-ASSET', '--as', 'bankB/carol', '--json'], (deps) => [readAsset(deps)]);
  t.is((JSON.parse(json.stderr) as { error: { code: string } }).error.code, 'ASSET_NOT_FOUND');
});

test('an unknown identity or a missing --as is a usage error (exit 2) that reaches no ledger', async (t) => {
  let opened = 0;
  const inner = await world();
  const counting: OpenLedgerSession = async (identity) => {
    opened += 1;
    return inner(identity);
  };
  const unknownOrg = await runCli(counting, ['read-asset', ASSET_ID, '--as', 'bankZ/x'], (deps) => [readAsset(deps)]);
  t.is(unknownOrg.exitCode, 2);
  t.regex(unknownOrg.stderr, /CLI_IDENTITY_UNKNOWN/);
  t.is(opened, 0);
  const missing = await runCli(counting, ['read-asset', ASSET_ID], (deps) => [readAsset(deps)]);
  t.is(missing.exitCode, 2);
  t.regex(missing.stderr, /--as/);
  const unknownUser = await runCli(counting, ['read-asset', ASSET_ID, '--as', 'bankA/nobody-here'], (deps) => [readAsset(deps)]);
  t.is(unknownUser.exitCode, 2);
  t.regex(unknownUser.stderr, /CLI_IDENTITY_UNKNOWN/);
});

test('a ledger that cannot be reached is CLI_LEDGER_UNAVAILABLE with exit code 1', async (t) => {
  const down: OpenLedgerSession = async () => ({
    contract: () => ({
      submitTransaction: () => Promise.reject(new Error('14 UNAVAILABLE: No connection established')),
      evaluateTransaction: () => Promise.reject(new Error('14 UNAVAILABLE: No connection established')),
      createTransaction: () => {
        throw new Error('not used');
      },
    }),
    close: async () => {},
  });
  const run = await runCli(down, ['read-asset', ASSET_ID, '--as', 'bankA/alice'], (deps) => [readAsset(deps)]);
  t.is(run.exitCode, 1);
  t.is(run.stderr, 'error: [CLI_LEDGER_UNAVAILABLE] The ledger call failed: 14 UNAVAILABLE: No connection established');
});

test('JSON documents: missing file, non-JSON and non-object are CLI_INPUT_INVALID naming the file', (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'trestle-cli-'));
  const notJson = path.join(folder, 'a.json');
  writeFileSync(notJson, '{ nope');
  const array = path.join(folder, 'b.json');
  writeFileSync(array, '[1]');
  const good = path.join(folder, 'c.json');
  writeFileSync(good, '{"a":1}');
  for (const [file, phrase] of [[path.join(folder, 'missing.json'), 'ENOENT'], [notJson, 'is not JSON'], [array, 'must be a JSON object']] as const) {
    const error = t.throws(() => readJsonDocument(file, 'investor document'));
    t.regex(error?.message ?? '', /^\[CLI_INPUT_INVALID\]/);
    t.true(error?.message.includes(phrase), error?.message);
  }
  t.deepEqual(readJsonDocument(good, 'x'), { a: 1 });
});
