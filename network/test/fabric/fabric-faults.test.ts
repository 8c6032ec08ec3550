import test from 'ava';
import type { TransactionError } from 'fabric-network';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { fabricTopology, processName, type BankNode } from '../../src/fabric/topology';
import { runningPid } from '../../src/process/managed-process';
import { testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered, freshIdentityId, withFabricClient, type FabricClient } from '../support/fabric-client';
import { installedPackageId, killHard, ordererChannelHeight } from '../support/fabric-faults';
import { pollUntil } from '../support/fabric-poll';
import { restartInChildProcess } from '../support/fabric-start-process';

// Crashes on the real network: one Raft orderer of three, one bank's chaincode server. Each test
// kills with SIGKILL (no shutdown path runs), checks what the consortium still does, restarts the
// process with the bring-up's startOrderer / startChaincodeServer (from a child process, as `up`
// runs them) and checks it is whole again. A teardown restarts whatever a failed assertion left
// down, so the next suite finds the network as npm test brought it up.

const stack = testStack();
const topology = fabricTopology(stack);
const [bankA, bankB, bankC] = topology.banks as [BankNode, BankNode, BankNode];
/** Raft elects a new leader within a few election timeouts when the leader was the one killed. */
const RAFT_DEADLINE_MS = 60_000;
const CATCH_UP_DEADLINE_MS = 60_000;

test.before(async () => {
  await awaitEveryPeerDiscovered(stack, 'bankA');
});

/** Grants a fresh BankA identity a role, endorsed by discovery's choice of peers; returns the identity. */
async function grantFresh(client: FabricClient, tag: string): Promise<string> {
  const identityId = freshIdentityId(stack, bankA, tag);
  await client.contract('RoleContract').submitTransaction('GrantRole', identityId, 'operator');
  return identityId;
}

async function rolesOf(client: FabricClient, identityId: string): Promise<string[]> {
  const grants = JSON.parse((await client.contract('RoleContract').evaluateTransaction('GetRoles', bankA.mspId, identityId)).toString('utf8')) as { role: string }[];
  return grants.map((grant) => grant.role);
}

test.serial("with BankB's orderer killed (-9) transactions still commit on 2 of 3 Raft nodes, and once restarted it catches up to the others' height", async (t) => {
  const name = processName.orderer(bankB);
  t.teardown(() => restartInChildProcess(stack, bankB, { kind: 'orderer' }));
  const pid = await killHard(stack.home, name);
  t.is(runningPid(stack.home, name), undefined, `${name} (pid ${pid}) no longer runs`);
  const heightAtKill = Math.max(ordererChannelHeight(topology, bankA), ordererChannelHeight(topology, bankC));

  await withFabricClient(stack, 'bankA', 'admin', async (client) => {
    // The first commit may have to wait for a new leader when BankB's orderer led; each try grants
    // a new identity, so a try whose answer was lost cannot make a later one a duplicate.
    const first = await pollUntil('a transaction committed with orderer-bankB down', RAFT_DEADLINE_MS, () => grantFresh(client, 'raft-2of3'), 1000);
    const second = await grantFresh(client, 'raft-2of3');
    t.deepEqual(await rolesOf(client, first), ['operator']);
    t.deepEqual(await rolesOf(client, second), ['operator']);
  });
  const heightWhileDown = ordererChannelHeight(topology, bankA);
  t.true(heightWhileDown >= heightAtKill + 2, `two blocks cut while orderer-bankB was down (${heightAtKill} → ${heightWhileDown})`);
  t.is(runningPid(stack.home, name), undefined, 'orderer-bankB stayed down while they committed');

  await restartInChildProcess(stack, bankB, { kind: 'orderer' });
  const caughtUp = await pollUntil('orderer-bankB at the height of the other orderers', CATCH_UP_DEADLINE_MS, async () => {
    const heights = topology.banks.map((bank) => ordererChannelHeight(topology, bank));
    return heights.every((height) => height === heights[0]) ? heights : undefined;
  });
  t.true((caughtUp[1] as number) >= heightWhileDown, `orderer-bankB holds every block cut while it was down (heights ${caughtUp.join(', ')})`);

  // Back as a full member: a transaction ordered now reaches all three.
  await withFabricClient(stack, 'bankA', 'admin', (client) => grantFresh(client, 'raft-3of3'));
  const after = await pollUntil('all three orderers at the new height', CATCH_UP_DEADLINE_MS, async () => {
    const heights = topology.banks.map((bank) => ordererChannelHeight(topology, bank));
    return heights.every((height) => height === heights[0]) && (heights[0] as number) > (caughtUp[0] as number) ? heights : undefined;
  });
  t.is(after[1], after[0]);
});

test.serial("with BankA's chaincode server killed (-9) BankA's peer answers a query and an endorsement with an error naming the chaincode connection; restarted, both work again", async (t) => {
  const name = processName.chaincode(bankA);
  const packageId = installedPackageId(topology, bankA);
  t.teardown(() => restartInChildProcess(stack, bankA, { kind: 'chaincode', packageId }));
  const identityId = await withFabricClient(stack, 'bankA', 'admin', (client) => grantFresh(client, 'chaincode-crash'));
  await killHard(stack.home, name);

  const queryOn = (peer: BankNode) => withFabricClient(stack, 'bankA', 'officer1', (client) => rolesOf(client, identityId), { queryPeer: peer });
  const queryError = await t.throwsAsync(queryOn(bankA));
  t.regex(queryError?.message ?? '', /chaincode/i, queryError?.message);
  t.regex(queryError?.message ?? '', /connect|unavailable|refused|dial/i, queryError?.message);
  t.is(parseTrestleError(queryError?.message ?? ''), undefined, 'a transport failure, not a chaincode verdict');
  // The other banks' chaincode servers still answer, so discovery-endorsed work goes on without BankA's.
  t.deepEqual(await queryOn(bankB), ['operator']);

  const endorsedByA = freshIdentityId(stack, bankA, 'needs-bankA');
  const serverAddress = `${topology.host}:${bankA.chaincodeServer.port}`;
  await withFabricClient(stack, 'bankA', 'admin', async (client) => {
    const alone = client.contract('RoleContract').createTransaction('GrantRole').setEndorsingPeers([client.peerOf(bankA)]);
    const submitError = await t.throwsAsync(alone.submit(endorsedByA, 'operator'));
    t.regex(submitError?.message ?? '', /could not launch chaincode trestle_1:/, submitError?.message);
    t.true(submitError?.message.includes(serverAddress), `the error names the chaincode server's address ${serverAddress}: ${submitError?.message}`);
    // fabric-network 2.2 sends a transaction to ordering as soon as one targeted peer endorsed it,
    // with the failed peer's empty answer inside: the peers then invalidate it.
    const withB = client.contract('RoleContract').createTransaction('GrantRole').setEndorsingPeers([client.peerOf(bankA), client.peerOf(bankB)]);
    const commitError = (await t.throwsAsync(withB.submit(endorsedByA, 'operator'))) as TransactionError | undefined;
    t.is(commitError?.transactionCode, 'INVALID_ENDORSER_TRANSACTION', commitError?.message);
  });
  t.deepEqual(await queryOn(bankB), ['operator'], 'nothing of the refused grants reached BankB');
  t.deepEqual(await withFabricClient(stack, 'bankA', 'officer1', (client) => rolesOf(client, endorsedByA), { queryPeer: bankB }), [], 'the refused grant is not on the ledger');

  await restartInChildProcess(stack, bankA, { kind: 'chaincode', packageId });
  t.deepEqual(await pollUntil("BankA's peer answering from its restarted chaincode server", 30_000, () => queryOn(bankA)), ['operator']);
  await withFabricClient(stack, 'bankA', 'admin', async (client) => {
    await client.contract('RoleContract').createTransaction('GrantRole').setEndorsingPeers([client.peerOf(bankA), client.peerOf(bankB)]).submit(endorsedByA, 'operator');
  });
  t.deepEqual(await queryOn(bankA), ['operator'], 'the identity granted before the crash still holds its role');
  t.deepEqual(await withFabricClient(stack, 'bankA', 'officer1', (client) => rolesOf(client, endorsedByA), { queryPeer: bankA }), ['operator']);
});
