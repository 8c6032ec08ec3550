import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { CHAIN_CONFIG, ledgerForBridge, VALIDATOR_KEYS } from '@trestle/chaincode/src/testing/bridge-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { bridgeConfigCommands } from './bridge-config-command';
import { CLI_WALLET } from './testing/cli-wallet';
import { inProcessSessions } from './testing/in-process-sessions';
import { runCli, type CliRun } from './testing/run-cli';
import { Command } from 'commander';

// `trestle bridge chain …` and `trestle bridge validator …` over the in-process chaincode stub (the
// real BridgeContract on the stubbed context, no peer). bankA/bob and bankB/carol are operators;
// bankX/admin are the orgs' admins (chaincode/src/testing/bridge-story.ts BRIDGE_DESK).

function cli(worldState: Awaited<ReturnType<typeof ledgerForBridge>>) {
  let clock = new Date('2026-06-01T00:00:00Z').getTime();
  const open = inProcessSessions(worldState, CLI_WALLET, () => new Date((clock += 1_000)));
  return (...argv: string[]): Promise<CliRun> =>
    runCli(open, argv, (deps) => {
      const bridge = new Command('bridge');
      for (const sub of bridgeConfigCommands(deps)) bridge.addCommand(sub);
      return [bridge];
    });
}

test("one bank's operator proposes a chain's configuration, another bank's approves it; the same bank cannot, and a malformed file writes nothing", async (t) => {
  const worldState = await ledgerForBridge();
  const trestle = cli(worldState);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trestle-chain-'));
  const file = path.join(dir, 'chain.json');
  writeFileSync(file, JSON.stringify({ ...CHAIN_CONFIG, chainId: '11155111', confirmations: 12 }));

  const proposed = await trestle('bridge', 'chain', 'propose', file, '--as', 'bankA/bob');
  t.is(proposed.exitCode, 0, proposed.stderr);
  t.regex(proposed.stdout, /^chain 11155111: version 0, none in force yet$/m);
  t.regex(proposed.stdout, /^ {2}proposed by BankAMSP at \S+: gateway 0x[0-9a-fA-F]{40}, 2 banks' signatures, 12 confirmations$/m);

  const sameBank = await trestle('bridge', 'chain', 'approve', file, '--as', 'bankA/bob');
  t.is(sameBank.exitCode, 3);
  const approved = await trestle('bridge', 'chain', 'approve', file, '--as', 'bankB/carol');
  t.is(approved.exitCode, 0, approved.stderr);
  t.regex(approved.stdout, /^chain 11155111: version 1, in force since \S+ \(approved by /m);
  t.regex((await trestle('bridge', 'chain', 'show', CHAIN_CONFIG.chainId, '--as', 'regulator/rita')).stdout, /^ {4}ZOB: token 0x[0-9a-fA-F]{40}, NAV oracle 0x[0-9a-fA-F]{40} in CHF$/m);

  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, '{"chainId": ');
  const before = snapshotLedger(worldState);
  const malformed = await trestle('bridge', 'chain', 'propose', broken, '--as', 'bankA/bob');
  t.is(malformed.exitCode, 2);
  t.regex(malformed.stderr, /^error: \[CLI_INPUT_INVALID\] /);
  t.deepEqual(snapshotLedger(worldState), before);
});

test("each bank's admin registers and rotates its validator address; the list shows every bank's", async (t) => {
  const trestle = cli(await ledgerForBridge());
  const listed = await trestle('bridge', 'validator', 'list', '--as', 'bankB/carol');
  t.deepEqual(listed.stdout.split('\n'), [`BankAMSP  ${VALIDATOR_KEYS.A.address}`, `BankBMSP  ${VALIDATOR_KEYS.B.address}`, `BankCMSP  ${VALIDATOR_KEYS.C.address}`]);
  const rotated = '0x00000000000000000000000000000000000000A1'.toLowerCase();
  const registered = await trestle('bridge', 'validator', 'register', rotated, '--as', 'bankA/admin');
  t.is(registered.exitCode, 0, registered.stderr);
  t.regex((await trestle('bridge', 'validator', 'list', '--as', 'bankB/carol')).stdout, /^BankAMSP {2}0x0{38}[aA]1$/m);
  const notAdmin = await trestle('bridge', 'validator', 'register', rotated, '--as', 'bankA/bob');
  t.is(notAdmin.exitCode, 3);
});
