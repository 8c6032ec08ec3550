import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { fabricProcessNames } from '../../src/fabric/fabric-processes';
import { fabricTopology, type BankNode } from '../../src/fabric/topology';
import { runningPid } from '../../src/process/managed-process';
import { REPO_ROOT, testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered, freshIdentityId, withFabricClient } from '../support/fabric-client';
import { alive } from '../support/fabric-faults';
import { stackFabricProcesses } from '../support/fabric-os-processes';
import { pollUntil } from '../support/fabric-poll';

// `trestle network down` then `up`, run as an operator runs them (the real CLI in a child process
// with the stack's environment): down leaves nothing of the network running, up resumes the same
// ledger. The network is brought up again whatever happens, for the suites after this one.

const stack = testStack();
const topology = fabricTopology(stack);
const [bankA] = topology.banks as [BankNode, ...BankNode[]];
const run = promisify(execFile);
const DISCOVERY_AFTER_UP_MS = 12_000;

function trestleNetwork(command: 'up' | 'down'): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', path.join('network', 'src', 'cli', 'main.ts'), 'network', command], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: stack.home, TRESTLE_PORT_BASE: String(stack.portBase) },
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** The roles of a BankA identity, asked of each bank's peer alone. */
function rolesOnEveryPeer(identityId: string): Promise<string[][]> {
  return Promise.all(
    topology.banks.map((peer) =>
      withFabricClient(
        stack,
        'bankA',
        'officer1',
        async (client) => (JSON.parse((await client.contract('RoleContract').evaluateTransaction('GetRoles', bankA.mspId, identityId)).toString('utf8')) as { role: string }[]).map((grant) => grant.role),
        { queryPeer: peer },
      ),
    ),
  );
}

test.serial('`trestle network down` leaves no process of the network running, and `network up` resumes the ledger with the earlier grants on every peer', async (t) => {
  t.teardown(async () => {
    await trestleNetwork('up');
  });
  await awaitEveryPeerDiscovered(stack, 'bankA');
  const identityId = freshIdentityId(stack, bankA, 'survives-restart');
  await withFabricClient(stack, 'bankA', 'admin', (client) => client.contract('RoleContract').submitTransaction('GrantRole', identityId, 'validator'));
  await pollUntil('the grant on every peer before down', 30_000, async () => ((await rolesOnEveryPeer(identityId)).every((roles) => roles.length === 1) ? true : undefined));

  const pidsBefore = fabricProcessNames(topology).map((name) => ({ name, pid: runningPid(stack.home, name) }));
  t.deepEqual(pidsBefore.filter(({ pid }) => pid === undefined).map(({ name }) => name), [], 'all nine processes run before down');
  t.is(stackFabricProcesses(topology).length, 9, 'the process table shows the nine before down');

  const down = await trestleNetwork('down');
  t.regex(down.stdout, /^stopped /m);
  t.deepEqual(pidsBefore.filter(({ pid }) => alive(pid as number)).map(({ name, pid }) => `${name} ${pid}`), [], 'every pid recorded before down is gone');
  t.deepEqual(fabricProcessNames(topology).filter((name) => runningPid(stack.home, name) !== undefined), [], 'no pid file names a live process');
  t.deepEqual(stackFabricProcesses(topology), [], 'no peer, orderer or chaincode server of this stack in the process table');

  const up = await trestleNetwork('up');
  t.regex(up.stdout, /Fabric consortium up in/);
  t.deepEqual(fabricProcessNames(topology).filter((name) => runningPid(stack.home, name) === undefined), [], 'all nine run after up');
  // A client right after up finds every bank's peer: gossip retries an anchor peer it reached too
  // early (before that peer joined the channel) every reconnect interval, 25 s in Fabric's sample.
  await t.notThrowsAsync(awaitEveryPeerDiscovered(stack, 'bankA', DISCOVERY_AFTER_UP_MS));
  t.deepEqual(await rolesOnEveryPeer(identityId), [['validator'], ['validator'], ['validator']]);

  // The resumed network still orders and commits.
  const after = freshIdentityId(stack, bankA, 'after-restart');
  await withFabricClient(stack, 'bankA', 'admin', (client) => client.contract('RoleContract').submitTransaction('GrantRole', after, 'operator'));
  t.deepEqual(await pollUntil('the new grant on every peer', 30_000, async () => {
    const roles = await rolesOnEveryPeer(after);
    return roles.every((held) => held.length === 1) ? roles : undefined;
  }), [['operator'], ['operator'], ['operator']]);
});
