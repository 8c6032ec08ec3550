import test from 'ava';
import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { ledgerForLegal, RESOLUTION } from '@trestle/chaincode/src/testing/legal-story';
import { snapshotLedger, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN } from '@trestle/chaincode/src/testing/test-identities';
import { daysAfterT0 } from '@trestle/chaincode/src/testing/transfer-story';
import { legalCommand } from './legal-command';
import { CLI_WALLET } from './testing/cli-wallet';
import { inProcessSessions } from './testing/in-process-sessions';
import { runCli, type CliRun } from './testing/run-cli';

// `trestle legal …` over the in-process chaincode stub (the real LegalContract on the stubbed
// context). Who is who (chaincode/src/testing/legal-story.ts BENCH): bankA/alice is the SPV's
// administrator, bankA/bob, bankB/carol and bankC/admin are their banks' compliance officers.

const DOCUMENT = ['--document-uri', RESOLUTION.uri, '--document-sha256', RESOLUTION.sha256];

function cli(worldState: WorldState, clock: { now: Date }) {
  const open = inProcessSessions(worldState, CLI_WALLET, () => clock.now);
  return (...argv: string[]): Promise<CliRun> => runCli(open, argv, (deps) => [legalCommand(deps)]);
}

test('remediation by quorum, a write-off refused inside the window and applied after it, each step in the history', async (t) => {
  const worldState = await ledgerForLegal();
  const clock = { now: daysAfterT0(100) };
  const trestle = cli(worldState, clock);

  const proposed = await trestle('legal', 'propose', 'start-remediation', ASSET_ID, '--id', 'L-1', '--reason', 'Tenant default, rent 90 days late', '--window-days', '30', ...DOCUMENT, '--as', 'bankA/alice');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.is(proposed.stdout, "proposed L-1: start-remediation of " + ASSET_ID + ", needs 2 banks' approval");

  const first = await trestle('legal', 'approve', 'L-1', '--reason', 'Default confirmed by our credit desk', '--as', 'bankA/bob');
  t.is(first.stdout, 'approve: L-1 is PENDING');
  const second = await trestle('legal', 'approve', 'L-1', '--reason', 'Agreed', '--as', 'bankB/carol');
  t.is(second.stdout, `approve: L-1 is APPLIED; ${ASSET_ID} is now REMEDIATION`);

  const shown = await trestle('legal', 'show', 'L-1', '--as', 'regulator/rita');
  t.regex(shown.stdout, /^quorum +2 of 2 banks approved \(consortium of 3\)$/m);
  t.regex(shown.stdout, /^vote +approve by BankBMSP at .+: Agreed$/m);
  t.regex(shown.stdout, /^closed +APPLIED at /m);

  // Inside the 30-day window only a cure may be proposed.
  clock.now = daysAfterT0(110);
  const early = await trestle('legal', 'propose', 'write-off', ASSET_ID, '--id', 'L-2', '--reason', 'No recovery', ...DOCUMENT, '--as', 'bankA/alice');
  t.is(early.exitCode, 3);
  t.regex(early.stderr, /^error: \[REMEDIATION_WINDOW_OPEN\] /);

  clock.now = daysAfterT0(131);
  t.is((await trestle('legal', 'propose', 'write-off', ASSET_ID, '--id', 'L-2', '--reason', 'No recovery', ...DOCUMENT, '--as', 'bankA/alice')).exitCode, 0);
  t.is((await trestle('legal', 'approve', 'L-2', '--reason', 'Agreed', '--as', 'bankB/carol')).exitCode, 0);
  t.is((await trestle('legal', 'approve', 'L-2', '--reason', 'Agreed', '--as', 'bankC/admin')).stdout, `approve: L-2 is APPLIED; ${ASSET_ID} is now WRITTEN_OFF`);

  const history = await trestle('legal', 'history', ASSET_ID, '--as', 'regulator/rita');
  t.regex(history.stdout, new RegExp(`^asset +${ASSET_ID} is WRITTEN_OFF$`, 'm'));
  t.regex(history.stdout, /^#1 +\S+ start-remediation TOKENIZED → REMEDIATION \(L-1: Tenant default, rent 90 days late\)$/m);
  t.regex(history.stdout, /^#2 +\S+ write-off REMEDIATION → WRITTEN_OFF \(L-2: No recovery\)$/m);
  const json = JSON.parse((await trestle('legal', 'history', ASSET_ID, '--json', '--as', 'regulator/rita')).stdout) as { transitions: unknown[] };
  t.is(json.transitions.length, 2);
});

test('a redemption lists every holder\'s units and cash', async (t) => {
  const worldState = await ledgerForLegal();
  const trestle = cli(worldState, { now: daysAfterT0(100) });
  const settlement = ['--settlement-reference', 'UETR 8a562c67-ca16-48ba-b074-65581be6f001', '--currency', 'CHF', '--price-per-unit', '100'];
  t.is((await trestle('legal', 'propose', 'redeem', ASSET_ID, '--id', 'R-1', '--reason', 'Sold at maturity', ...DOCUMENT, ...settlement, '--as', 'bankA/alice')).exitCode, 0);
  await trestle('legal', 'approve', 'R-1', '--reason', 'ok', '--as', 'bankA/bob');
  await trestle('legal', 'approve', 'R-1', '--reason', 'ok', '--as', 'bankB/carol');
  const history = await trestle('legal', 'history', ASSET_ID, '--as', 'regulator/rita');
  t.regex(history.stdout, /retired 1000000 units; 100 CHF minor units to 3 holder\(s\), ref UETR 8a562c67/);
  t.regex(history.stdout, /^ +INV-A-0001 \(BankAMSP\): 600000 units → 60$/m);
  t.regex(history.stdout, /^ +INV-B-0001 \(BankBMSP\): 100000 units → 10$/m);
});

test('refusals are one line with the chaincode\'s code and write nothing; an unknown action is a usage error', async (t) => {
  const worldState = await ledgerForLegal();
  const trestle = cli(worldState, { now: daysAfterT0(100) });
  const before = snapshotLedger(worldState);
  const cases: Array<[string[], RegExp]> = [
    // Another bank's SPV administrator, a compliance officer without the role, a bad hash, a window of the wrong type.
    [['legal', 'propose', 'cure', ASSET_ID, '--reason', 'x', ...DOCUMENT, '--as', 'bankB/carol'], /^error: \[CALLER_OF_OTHER_BANK\] /],
    [['legal', 'propose', 'cure', ASSET_ID, '--reason', 'x', ...DOCUMENT, '--as', 'bankA/bob'], /^error: \[CALLER_LACKS_ROLE\] /],
    [['legal', 'propose', 'start-remediation', ASSET_ID, '--reason', 'x', '--window-days', '30', '--document-uri', RESOLUTION.uri, '--document-sha256', 'not-hex', '--as', 'bankA/alice'], /^error: \[LEGAL_ACTION_INVALID\] /],
    [['legal', 'propose', 'start-remediation', ASSET_ID, '--reason', 'x', '--window-days', 'ninety', ...DOCUMENT, '--as', 'bankA/alice'], /^error: \[LEGAL_ACTION_INVALID\] /],
    [['legal', 'approve', 'NO-SUCH', '--reason', 'x', '--as', 'bankB/carol'], /^error: \[LEGAL_PROPOSAL_NOT_FOUND\] /],
  ];
  for (const [argv, expected] of cases) {
    const run = await trestle(...argv);
    t.is(run.exitCode, 3, argv.join(' '));
    t.regex(run.stderr, expected, argv.join(' '));
  }
  t.deepEqual(snapshotLedger(worldState), before, 'no refused call wrote anything');

  const unknown = await trestle('legal', 'propose', 'default', ASSET_ID, '--reason', 'x', ...DOCUMENT, '--as', 'bankA/alice');
  t.is(unknown.exitCode, 2);
  t.regex(unknown.stderr, /'default' is invalid for argument 'action'\. Allowed choices are start-remediation, cure, write-off, redeem/);

  // The proposer never votes on their own proposal.
  t.is((await trestle('legal', 'propose', 'start-remediation', ASSET_ID, '--id', 'L-9', '--reason', 'x', '--window-days', '30', ...DOCUMENT, '--as', 'bankA/alice')).exitCode, 0);
  const self = await trestle('legal', 'approve', 'L-9', '--reason', 'mine', '--as', 'bankA/alice');
  t.is(self.exitCode, 3);
  t.regex(self.stderr, /^error: \[LEGAL_SELF_VOTE\] /);
});

test('an open proposal shows its count under the membership in force: a removed bank\'s approval is named and not counted', async (t) => {
  const worldState = await ledgerForLegal();
  const trestle = cli(worldState, { now: daysAfterT0(100) });
  await trestle('legal', 'propose', 'start-remediation', ASSET_ID, '--id', 'L-9', '--reason', 'Tenant default', '--window-days', '30', ...DOCUMENT, '--as', 'bankA/alice');
  await trestle('legal', 'approve', 'L-9', '--reason', 'Agreed', '--as', 'bankB/carol');
  t.regex((await trestle('legal', 'show', 'L-9', '--as', 'regulator/rita')).stdout, /^quorum +1 of 2 banks approved \(consortium of 3\)$/m);

  const members = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, members);
  for (const admin of [BANK_C_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, members);
  const shown = await trestle('legal', 'show', 'L-9', '--as', 'regulator/rita');
  t.regex(shown.stdout, /^quorum +0 of 2 banks approved \(consortium of 2; no longer members, not counted: BankBMSP\)$/m);
  t.regex(shown.stdout, /^vote +approve by BankBMSP at /m, 'the vote stays on the record');
});
