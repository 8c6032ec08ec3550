import '../transfers/quiet-fabric-client';
import { spawnSync } from 'node:child_process';
import test from 'ava';
import { awaitRaftLeader, ensureRaftLeader } from '../../src/fabric/raft-leader';
import { fabricTopology, processName, type BankNode } from '../../src/fabric/topology';
import { runningPid, stopProcess } from '../../src/process/managed-process';
import { REPO_ROOT, testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered, freshIdentityId } from '../support/fabric-client';
import { killHard } from '../support/fabric-faults';
import { pollUntil } from '../support/fabric-poll';
import { restartInChildProcess } from '../support/fabric-start-process';
import { ledgerCli } from '../support/tokenized-asset';

// Issue 10, item 1, last part: two of three Raft orderers killed (-9) stop ordering. `trestle
// network status` says so and why, a write fails with a typed error in bounded time instead of
// hanging, and once one orderer is back a leader is elected and a write commits again.

const stack = testStack();
const topology = fabricTopology(stack);
const cli = ledgerCli(stack);
/** A write with no Raft majority must be refused within this (the CLI's endorse and commit deadlines are 30 s and 60 s). */
const REFUSAL_BOUND_MS = 100_000;
/** A write commits within this of the second orderer's return (network up's remedy included: 30 s wait, restarts, 60 s wait). */
const RESUME_BOUND_MS = 180_000;

test.before(async () => {
  await awaitEveryPeerDiscovered(stack, 'bankA');
  await awaitRaftLeader(topology, 60_000);
});

test.after.always(async () => {
  // Whatever a failed assertion left down comes back, and the next suite finds a leader.
  for (const bank of topology.banks) await restartInChildProcess(stack, bank, { kind: 'orderer' });
  const restartOrderers = async () => {
    for (const bank of topology.banks) {
      await stopProcess(stack.home, processName.orderer(bank), 10_000);
      await restartInChildProcess(stack, bank, { kind: 'orderer' });
    }
  };
  await ensureRaftLeader(topology, restartOrderers, () => {});
  cli.dispose();
});

/** `trestle network status` as an operator runs it. */
function networkStatus(): { code: number | null; stdout: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', 'network', 'status'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: stack.home, TRESTLE_PORT_BASE: String(stack.portBase) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout };
}

const grant = (identityId: string) => cli.run('role', 'grant', identityId, 'operator', '--as', 'bankA/admin', '--json');
const rolesOf = async (identityId: string) => (await cli.json<Array<{ role: string }>>('role', 'show', 'BankAMSP', identityId, '--as', 'bankA/admin')).map((grant) => grant.role);

// In both forms. It ran in the full form only while, twice, the consortium did not come back from it
// (no leader elected once one orderer returned): hyperledger/fabric#4199, which the build now
// patches (network/src/fabric/fabric-source-patches.ts).
test.serial('with 2 of 3 orderers killed, status says ordering stopped and why, a write fails with CLI_LEDGER_UNAVAILABLE in bounded time, and with one back a write commits again', async (t) => {
  t.timeout(REFUSAL_BOUND_MS + 2 * RESUME_BOUND_MS + 60_000);
  // The leader and the next orderer: the survivor cannot order alone.
  const leader = await awaitRaftLeader(topology, 60_000);
  const leaderIndex = topology.banks.findIndex((bank) => bank.orderer.name === leader);
  const killed = [topology.banks[leaderIndex], topology.banks[(leaderIndex + 1) % 3]] as [BankNode, BankNode];
  for (const bank of killed) await killHard(stack.home, processName.orderer(bank));
  t.true(killed.every((bank) => runningPid(stack.home, processName.orderer(bank)) === undefined));

  const stopped = networkStatus();
  t.is(stopped.code, 1, stopped.stdout);
  const downNames = killed.map((bank) => processName.orderer(bank)).sort((a, b) => topology.banks.findIndex((x) => processName.orderer(x) === a) - topology.banks.findIndex((x) => processName.orderer(x) === b));
  t.true(stopped.stdout.includes(`ordering stopped on rwa: 2 of 3 orderers down (${downNames.join(', ')}), Raft needs 2 of 3`), stopped.stdout);

  const refusedId = freshIdentityId(stack, topology.banks[0]!, 'no-quorum');
  const started = Date.now();
  const refused = await grant(refusedId);
  const refusedMs = Date.now() - started;
  t.log(`write with 2 of 3 orderers down refused after ${refusedMs} ms: ${refused.stderr.trim()}`);
  t.is(refused.exitCode, 1, `exit code 1 (ledger unavailable): ${refused.stderr}`);
  t.is((JSON.parse(refused.stderr) as { error: { code: string } }).error.code, 'CLI_LEDGER_UNAVAILABLE');
  t.true(refusedMs < REFUSAL_BOUND_MS, `refused within ${REFUSAL_BOUND_MS} ms, not a hang (${refusedMs} ms)`);

  const [back, stillDown] = killed;
  const restartedAt = Date.now();
  await restartInChildProcess(stack, back, { kind: 'orderer' });
  // As `trestle network up` brings an orderer back: start it, wait for a leader and, when none is
  // elected in 30 s, restart the running orderers one at a time. Seen here: the surviving follower
  // ignored the returning orderer's pre-votes for minutes (no election at all) until it was restarted.
  let remedied = false;
  const restartRunning = async () => {
    remedied = true;
    for (const bank of topology.banks.filter((candidate) => candidate !== stillDown)) {
      await stopProcess(stack.home, processName.orderer(bank), 10_000);
      await restartInChildProcess(stack, bank, { kind: 'orderer' });
    }
  };
  const newLeader = await ensureRaftLeader(topology, restartRunning, (line) => t.log(line));
  t.log(remedied ? `no leader within 30 s of ${processName.orderer(back)}'s return: the running orderers were restarted one at a time, as network up does` : 'a leader was elected without a restart');
  const resumed = networkStatus();
  t.regex(resumed.stdout, /^ordering on rwa: 2 of 3 orderers up, \S+ leads$/m, resumed.stdout);
  t.is(resumed.code, 1, 'still exit code 1: one orderer is down');

  // The first write may meet the new leader settling in; each try grants a new identity.
  const committedId = await pollUntil('a write committed with 2 of 3 orderers', Math.max(10_000, restartedAt + RESUME_BOUND_MS - Date.now()), async () => {
    const id = freshIdentityId(stack, topology.banks[0]!, 'quorum-back');
    return (await grant(id)).exitCode === 0 ? id : undefined;
  }, 1_000);
  const resumedMs = Date.now() - restartedAt;
  t.log(`${processName.orderer(back)} restarted; ${newLeader} leads; a write committed ${resumedMs} ms after the restart`);
  t.true(resumedMs <= RESUME_BOUND_MS, `ordering resumed within ${RESUME_BOUND_MS} ms of the return (${resumedMs} ms)`);
  t.deepEqual(await rolesOf(committedId), ['operator']);
  t.deepEqual(await rolesOf(refusedId), [], 'the refused write left nothing on the ledger');

  await restartInChildProcess(stack, stillDown, { kind: 'orderer' });
  const whole = await pollUntil('status: every orderer up and ordering', RESUME_BOUND_MS, async () => {
    const status = networkStatus();
    return status.code === 0 ? status : undefined;
  });
  t.regex(whole.stdout, /^ordering on rwa: 3 of 3 orderers up, \S+ leads$/m);
});
