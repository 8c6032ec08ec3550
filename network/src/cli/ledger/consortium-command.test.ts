import test from 'ava';
import { castLedger, T0 } from '@trestle/chaincode/src/testing/ledger-cast';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { consortiumCommand } from './consortium-command';
import { investorCommand } from './investor-command';
import { CLI_WALLET } from './testing/cli-wallet';
import { inProcessSessions } from './testing/in-process-sessions';
import { runCli } from './testing/run-cli';

// `trestle consortium …` over the in-process chaincode stub (the real ConsortiumContract on the
// stubbed context): the orgs' admins remove BankB, whose officer then loses her roles.

test('two admins confirm the regulator\'s proposal to remove BankB; its officer is refused from then on', async (t) => {
  const worldState = await castLedger();
  const open = inProcessSessions(worldState, CLI_WALLET, () => T0);
  const trestle = (...argv: string[]) => runCli(open, argv, (deps) => [consortiumCommand(deps), investorCommand(deps)]);
  const before = await trestle('consortium', 'show', '--as', 'bankB/carol');
  t.regex(before.stdout, /^members +banks BankAMSP, BankBMSP, BankCMSP; regulators RegulatorMSP$/m);

  const proposed = await trestle('consortium', 'propose', '--banks', 'BankAMSP,BankCMSP', '--regulators', 'RegulatorMSP', '--as', 'regulator/admin');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.regex(proposed.stdout, /^propose: the membership change is PROPOSED$/m);
  t.regex(proposed.stdout, /^confirmed RegulatorMSP$/m);
  const outsider = await trestle('consortium', 'confirm', '--banks', 'BankAMSP,BankCMSP', '--regulators', 'RegulatorMSP', '--as', 'bankB/admin');
  t.is(outsider.exitCode, 3);
  t.regex(outsider.stderr, /^error: \[ROLE_NOT_FOR_ORG\] /);
  await trestle('consortium', 'confirm', '--banks', 'BankCMSP, BankAMSP', '--regulators', 'RegulatorMSP', '--as', 'bankA/admin');
  const last = await trestle('consortium', 'confirm', '--banks', 'BankAMSP,BankCMSP', '--regulators', 'RegulatorMSP', '--as', 'bankC/admin', '--json');
  t.is((JSON.parse(last.stdout) as { status: string }).status, 'APPLIED');
  t.regex((await trestle('consortium', 'show', '--as', 'bankA/alice')).stdout, /^members +banks BankAMSP, BankCMSP; regulators RegulatorMSP$/m);

  const carol = await trestle('investor', 'list', '--as', 'bankB/carol');
  t.is(carol.exitCode, 3);
  t.regex(carol.stderr, /^error: \[CALLER_NOT_MEMBER\] /);
});

test('a non-admin cannot propose, a malformed list is refused, and neither writes anything', async (t) => {
  const worldState = await castLedger();
  const open = inProcessSessions(worldState, CLI_WALLET, () => T0);
  const trestle = (...argv: string[]) => runCli(open, argv, (deps) => [consortiumCommand(deps)]);
  const snapshot = snapshotLedger(worldState);
  const officer = await trestle('consortium', 'propose', '--banks', 'BankAMSP', '--as', 'bankA/alice');
  t.is(officer.exitCode, 3);
  t.regex(officer.stderr, /^error: \[CALLER_NOT_ORG_ADMIN\] /);
  const malformed = await trestle('consortium', 'propose', '--banks', ',', '--as', 'bankA/admin');
  t.is(malformed.exitCode, 3);
  t.regex(malformed.stderr, /^error: \[CONSORTIUM_INVALID\] /);
  const none = await trestle('consortium', 'change', '--as', 'bankA/admin');
  t.regex(none.stderr, /^error: \[CONSORTIUM_CONFLICT\] No membership change has been proposed yet\.$/);
  t.deepEqual(snapshotLedger(worldState), snapshot);
});
