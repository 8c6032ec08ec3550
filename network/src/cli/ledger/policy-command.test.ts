import test from 'ava';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { POLICY_DOCUMENT } from '@trestle/compliance/src/policy/testing/policy-fixture';
import { transferWorld } from './testing/transfer-world';

// `trestle policy` through the CLI over the in-process stub (no Fabric peer runs here), on the
// transfer story's asset, tokenized with the fixture policy as version 1.

test('policy show prints the version, its hash, who attached it and every setting, readable', async (t) => {
  const w = await transferWorld(t);
  const run = await w.run('policy', 'show', ASSET_ID, '--as', 'bankB/carol');
  t.is(run.exitCode, 0, run.stderr);
  const json = await w.run('policy', 'show', ASSET_ID, '--as', 'bankB/carol', '--json');
  const record = JSON.parse(json.stdout) as { version: number; policyHash: string };
  t.is(record.version, 1);
  const lines = run.stdout.split('\n');
  t.deepEqual(lines.slice(0, 3), [`policy of ${ASSET_ID}, version 1`, `sha256     ${record.policyHash}`, 'attached   2026-03-01T10:00:00.000Z by alice@banka.trestle.test']);
  t.true(lines.includes('  lockupSeconds         7776000 (90 days)'));
  t.true(lines.includes(`  allowedJurisdictions  ${POLICY_DOCUMENT.allowedJurisdictions.join(', ')}`));
  t.true(lines.includes(`  fourEyesThreshold     ${POLICY_DOCUMENT.fourEyesThreshold}`));
  t.true(lines.includes('  defiEligible          true'));
});

test('policy show of an unknown asset is refused with the ledger\'s code', async (t) => {
  const w = await transferWorld(t);
  const unknown = await w.run('policy', 'show', 'NOPE', '--as', 'bankB/carol');
  t.is(unknown.exitCode, 3);
  t.regex(unknown.stderr, /^error: \[ASSET_NOT_FOUND\] /);
});
