import test from 'ava';
import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { identityIdOf, snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_MALLORY } from '@trestle/chaincode/src/testing/test-identities';
import { roleCommand } from './role-command';
import { CLI_WALLET } from './testing/cli-wallet';
import { inProcessSessions } from './testing/in-process-sessions';
import { runCli, type CliRun } from './testing/run-cli';

// `trestle role …` over the in-process chaincode stub (the real RoleContract on the stubbed context, no peer).

test("an org's admin grants and revokes roles in its own org's space; another org's grant gives nothing here; a non-admin and an unknown role are refused and write nothing", async (t) => {
  const worldState = await ledgerForBridge();
  const open = inProcessSessions(worldState, CLI_WALLET, () => new Date('2026-06-01T00:00:00Z'));
  const trestle = (...argv: string[]): Promise<CliRun> => runCli(open, argv, (deps) => [roleCommand(deps)]);
  const mallory = identityIdOf(BANK_A_MALLORY);

  t.is((await trestle('role', 'show', 'BankAMSP', mallory, '--as', 'bankA/admin')).stdout, `${mallory} holds no role in BankAMSP that counts now`);
  const granted = await trestle('role', 'grant', mallory, 'appraiser', '--as', 'bankA/admin');
  t.is(granted.exitCode, 0, granted.stderr);
  t.is(granted.stdout, `granted appraiser to ${mallory}`);
  t.regex((await trestle('role', 'show', 'BankAMSP', mallory, '--as', 'regulator/rita')).stdout, new RegExp(`^BankAMSP  appraiser +  ${mallory.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  \\(granted `));
  t.true((await trestle('role', 'list', '--json', '--as', 'bankB/carol')).stdout.includes(mallory));

  // Grants live in the granting org's space: BankB's admin can name mallory, but the grant is BankB's and gives her nothing at BankA.
  const foreign = await trestle('role', 'grant', mallory, 'operator', '--as', 'bankB/admin');
  t.is(foreign.exitCode, 0, foreign.stderr);
  t.false((await trestle('role', 'show', 'BankAMSP', mallory, '--as', 'bankA/admin')).stdout.includes('operator'));
  const before = snapshotLedger(worldState);
  const notAdmin = await trestle('role', 'grant', mallory, 'operator', '--as', 'bankA/alice');
  t.is(notAdmin.exitCode, 3);
  t.regex(notAdmin.stderr, /^error: \[CALLER_NOT_ORG_ADMIN\] /);
  const unknownRole = await trestle('role', 'grant', mallory, 'king', '--as', 'bankA/admin');
  t.is(unknownRole.exitCode, 2, 'a role outside the list is a usage error');
  t.deepEqual(snapshotLedger(worldState), before);

  t.is((await trestle('role', 'revoke', mallory, 'appraiser', '--as', 'bankA/admin')).stdout, `revoked appraiser from ${mallory}`);
  const again = await trestle('role', 'revoke', mallory, 'appraiser', '--as', 'bankA/admin');
  t.is(again.exitCode, 3);
  t.regex(again.stderr, /^error: \[ROLE_NOT_GRANTED\] /);
});
