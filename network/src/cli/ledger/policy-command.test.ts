import test from 'ava';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { daysAfterT0 } from '@trestle/chaincode/src/testing/transfer-story';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import { POLICY_DOCUMENT } from '@trestle/compliance/src/policy/testing/policy-fixture';
import { transferWorld, type TransferWorld } from './testing/transfer-world';

// `trestle policy` through the CLI over the in-process stub, on the
// transfer story's asset, tokenized with the fixture policy as version 1 (90-day lockup).

const THIRTY_DAYS = 30 * 86_400;
const VERSION_2 = { ...POLICY_DOCUMENT, assetId: ASSET_ID, version: 2, lockupSeconds: THIRTY_DAYS };
const CHECK = ['transfer', 'check', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', INVESTORS.annaA, '--to', INVESTORS.chloeB, '--amount', '5000'] as const;

async function policyVersion(w: TransferWorld): Promise<{ version: number; policyHash: string; document: { lockupSeconds: number } }> {
  return JSON.parse((await w.run('policy', 'show', ASSET_ID, '--as', 'bankB/carol', '--json')).stdout) as { version: number; policyHash: string; document: { lockupSeconds: number } };
}

test('policy show prints the version, its hash, who attached it and every setting, readable', async (t) => {
  const w = await transferWorld(t);
  const run = await w.run('policy', 'show', ASSET_ID, '--as', 'bankB/carol');
  t.is(run.exitCode, 0, run.stderr);
  const record = await policyVersion(w);
  t.is(record.version, 1);
  const lines = run.stdout.split('\n');
  t.deepEqual(lines.slice(0, 3), [`policy of ${ASSET_ID}, version 1`, `sha256     ${record.policyHash}`, 'attached   2026-03-01T10:00:00.000Z by alice@banka.trestle.test']);
  t.true(lines.includes('  lockupSeconds         7776000 (90 days)'));
  t.true(lines.includes(`  allowedJurisdictions  ${POLICY_DOCUMENT.allowedJurisdictions.join(', ')}`));
  t.true(lines.includes(`  fourEyesThreshold     ${POLICY_DOCUMENT.fourEyesThreshold}`));
  t.true(lines.includes('  defiEligible          true'));
  const unknown = await w.run('policy', 'show', 'NOPE', '--as', 'bankB/carol');
  t.is(unknown.exitCode, 3);
  t.regex(unknown.stderr, /^error: \[ASSET_NOT_FOUND\] /);
});

test('a policy change proposed by a BankA officer takes effect once a BankB officer approves it, and is audited', async (t) => {
  const w = await transferWorld(t);
  w.clock.now = daysAfterT0(40);
  t.is((await w.run(...CHECK)).exitCode, 3, 'the 90-day lockup still runs');

  const proposed = await w.run('policy', 'set', ASSET_ID, w.file('v2.json', VERSION_2), '--as', 'bankA/alice');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.regex(proposed.stdout, /^proposed version 2 {2}PROPOSED {2}proposed .* by alice@banka\.trestle\.test \(BankAMSP\); changes lockupSeconds; waits for an officer of a bank other than BankAMSP$/);
  t.is((await policyVersion(w)).version, 1, 'a proposal alone changes nothing');

  const sameBank = await w.run('policy', 'approve', ASSET_ID, '2', '--as', 'bankA/bob');
  t.is(sameBank.exitCode, 3);
  t.regex(sameBank.stderr, /\[POLICY_CHANGE_SAME_BANK\]/);

  const approved = await w.run('policy', 'approve', ASSET_ID, '2', '--as', 'bankB/carol', '--reason', 'agreed at the board');
  t.is(approved.exitCode, 0, approved.stderr);
  t.regex(approved.stdout, /^policy of ZOB, version 2$/m);
  t.regex(approved.stdout, /lockupSeconds +2592000 \(30 days\)/);
  t.is((await policyVersion(w)).document.lockupSeconds, THIRTY_DAYS);
  t.is((await w.run(...CHECK)).exitCode, 0, 'the 30-day lockup is over at day 40');

  const changes = await w.run('policy', 'changes', ASSET_ID, '--as', 'regulator/rita');
  t.regex(changes.stdout, /^version 2 {2}APPROVED .* approved .* by carol@bankb\.trestle\.test \(BankBMSP\): agreed at the board$/);
  const audit = JSON.parse((await w.run('audit', 'export', '--from', '2026-01-01', '--to', '2027-01-01', '--format', 'json', '--as', 'regulator/rita')).stdout) as AuditRecord[];
  t.deepEqual(audit.filter((record) => record.action.startsWith('policy-')).map((record) => [record.action, record.actorMsp]), [['policy-change-proposed', 'BankAMSP'], ['policy-changed', 'BankBMSP']]);
});

test('a malformed or invalid policy document is refused and writes nothing; a rejection needs a reason', async (t) => {
  const w = await transferWorld(t);
  const before = snapshotLedger(w.worldState);
  const cases: ReadonlyArray<readonly [string, number, RegExp]> = [
    [w.file('broken.json', '{"version": 2,'), 2, /\[CLI_INPUT_INVALID\] .* is not JSON/],
    [w.file('same.json', { ...VERSION_2, version: 1 }), 3, /\[POLICY_INVALID\]/],
    [w.file('bad.json', { ...VERSION_2, minTransfer: -1 }), 3, /\[POLICY_INVALID\]/],
    [w.file('unchanged.json', { ...POLICY_DOCUMENT, assetId: ASSET_ID, version: 2 }), 3, /\[POLICY_CHANGE_UNCHANGED\]/],
  ];
  for (const [file, exitCode, message] of cases) {
    const run = await w.run('policy', 'set', ASSET_ID, file, '--as', 'bankA/alice');
    t.is(run.exitCode, exitCode, file);
    t.regex(run.stderr, message, file);
  }
  t.deepEqual(snapshotLedger(w.worldState), before);

  t.is((await w.run('policy', 'set', ASSET_ID, w.file('v2.json', VERSION_2), '--as', 'bankA/alice')).exitCode, 0);
  t.is((await w.run('policy', 'reject', ASSET_ID, '2', '--as', 'bankB/carol')).exitCode, 2, 'no --reason');
  const rejected = await w.run('policy', 'reject', ASSET_ID, '2', '--as', 'bankB/carol', '--reason', 'lockup too short');
  t.is(rejected.exitCode, 0, rejected.stderr);
  t.regex(rejected.stdout, /^version 2 {2}REJECTED .* rejected .* by carol@bankb\.trestle\.test \(BankBMSP\): lockup too short$/);
  t.is((await policyVersion(w)).version, 1);
});
