import test, { type ExecutionContext } from 'ava';
import type { TransactionError } from 'fabric-network';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import { fabricTopology, type BankNode } from '../../src/fabric/topology';
import { testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered, freshIdentityId, listRoles, walletIdentityId, withFabricClient } from '../support/fabric-client';
import { pollUntil } from '../support/fabric-poll';

// RoleContract on the real three-bank network (npm test's shared one, or the stack TRESTLE_HOME
// names): what one peer commits, the others serve; another bank cannot act in BankA's space; and
// the endorsement policy (2 of the 3 banks' peers) is enforced at validation, not by the client.

const stack = testStack();
const topology = fabricTopology(stack);
const [bankA, bankB, bankC] = topology.banks as [BankNode, BankNode, BankNode];
/** A peer commits a block a moment after the one whose event the submitter waited for. */
const REPLICATION_DEADLINE_MS = 30_000;

test.before(async () => {
  // Queries below are sent to one named peer, which the client knows only once discovery found it.
  await awaitEveryPeerDiscovered(stack, 'bankA');
  await awaitEveryPeerDiscovered(stack, 'bankB');
});

/** The grants one identity holds in one org, asked of `peer` alone. */
function rolesOnPeer(peer: BankNode, mspId: string, identityId: string): Promise<RoleGrant[]> {
  return withFabricClient(
    stack,
    'bankA',
    'officer1',
    async (client) => JSON.parse((await client.contract('RoleContract').evaluateTransaction('GetRoles', mspId, identityId)).toString('utf8')) as RoleGrant[],
    { queryPeer: peer },
  );
}

/** Waits until `peer` serves `identityId`'s grants in `mspId` and returns them. */
function awaitRolesOnPeer(peer: BankNode, mspId: string, identityId: string): Promise<RoleGrant[]> {
  return pollUntil(`a grant of ${identityId} served by ${peer.peer.name}`, REPLICATION_DEADLINE_MS, async () => {
    const grants = await rolesOnPeer(peer, mspId, identityId);
    return grants.length > 0 ? grants : undefined;
  });
}

async function refusedWith(t: ExecutionContext, code: TrestleErrorCode, attempt: Promise<unknown>): Promise<void> {
  const error = await t.throwsAsync(attempt);
  t.is(parseTrestleError(error?.message ?? '')?.code, code, error?.message);
}

test.serial("a role BankA's admin grants is committed and served by BankB's peer and by BankC's peer, each asked alone", async (t) => {
  const identityId = freshIdentityId(stack, bankA, 'replicated');
  const adminA = walletIdentityId(stack, 'bankA', 'admin');
  await withFabricClient(stack, 'bankA', 'admin', (client) => client.contract('RoleContract').submitTransaction('GrantRole', identityId, 'operator'));

  for (const peer of [bankB, bankC]) {
    const grants = await awaitRolesOnPeer(peer, bankA.mspId, identityId);
    t.deepEqual(
      grants.map(({ mspId, identityId: id, role, grantedBy }) => ({ mspId, id, role, grantedBy })),
      [{ mspId: bankA.mspId, id: identityId, role: 'operator', grantedBy: adminA }],
      `served by ${peer.peer.name}`,
    );
  }
});

test.serial("BankB's admin cannot act in BankA's space: a bank-kind violation and a revoke are typed errors that change nothing, and a grant naming a BankA identity stays in BankB's space", async (t) => {
  const identityId = freshIdentityId(stack, bankA, 'foreign');
  await withFabricClient(stack, 'bankA', 'admin', (client) => client.contract('RoleContract').submitTransaction('GrantRole', identityId, 'operator'));
  await awaitRolesOnPeer(bankB, bankA.mspId, identityId);

  await withFabricClient(stack, 'bankB', 'admin', async (client) => {
    const roles = client.contract('RoleContract');
    const before = await listRoles(client);
    // A bank grants only bank roles; the regulator role belongs to the regulator's kind of org.
    await refusedWith(t, 'ROLE_NOT_FOR_ORG', roles.submitTransaction('GrantRole', identityId, 'regulator'));
    // BankB's admin looks for the grant in BankB's space only, where BankA's grant is not.
    await refusedWith(t, 'ROLE_NOT_GRANTED', roles.submitTransaction('RevokeRole', identityId, 'operator'));
    t.deepEqual(await listRoles(client), before, 'ListRoles unchanged after the refused transactions');
  });
  await withFabricClient(stack, 'bankB', 'officer1', async (client) => {
    const before = await listRoles(client);
    await refusedWith(t, 'CALLER_NOT_ORG_ADMIN', client.contract('RoleContract').submitTransaction('GrantRole', identityId, 'appraiser'));
    t.deepEqual(await listRoles(client), before, 'ListRoles unchanged after a non-admin grant');
  });

  // The chaincode stores every grant under the granting admin's MSP: BankB's admin naming a BankA
  // identity writes a BankB grant no BankA caller ever matches (chaincode/src/roles, unit-tested there).
  await withFabricClient(stack, 'bankB', 'admin', (client) => client.contract('RoleContract').submitTransaction('GrantRole', identityId, 'appraiser'));
  const inBankB = await awaitRolesOnPeer(bankA, bankB.mspId, identityId);
  t.deepEqual(inBankB.map((grant) => [grant.mspId, grant.role]), [[bankB.mspId, 'appraiser']]);
  t.deepEqual((await rolesOnPeer(bankA, bankA.mspId, identityId)).map((grant) => grant.role), ['operator'], "BankA's grants of the identity unchanged");
  await withFabricClient(stack, 'bankB', 'admin', (client) => client.contract('RoleContract').submitTransaction('RevokeRole', identityId, 'appraiser'));
});

test.serial("a grant endorsed by BankA's peer alone is ordered but invalidated with ENDORSEMENT_POLICY_FAILURE, and no peer serves it", async (t) => {
  const lonely = freshIdentityId(stack, bankA, 'one-endorser');
  const marker = freshIdentityId(stack, bankA, 'after');

  await withFabricClient(stack, 'bankA', 'admin', async (client) => {
    const grant = client.contract('RoleContract').createTransaction('GrantRole').setEndorsingPeers([client.peerOf(bankA)]);
    // fabric-network 2.2 declares TransactionError but does not export the class: match its name.
    const error = (await t.throwsAsync(grant.submit(lonely, 'operator'))) as TransactionError | undefined;
    t.is(error?.name, 'TransactionError', error?.message);
    t.is(error?.transactionCode, 'ENDORSEMENT_POLICY_FAILURE', error?.message);
    t.is(error?.transactionId, grant.getTransactionId());
    // A grant endorsed the normal way, ordered after the refused one: once a peer serves it, that
    // peer has validated the block holding the refused transaction too.
    await client.contract('RoleContract').submitTransaction('GrantRole', marker, 'operator');
  });

  for (const peer of topology.banks) {
    await awaitRolesOnPeer(peer, bankA.mspId, marker);
    t.deepEqual(await rolesOnPeer(peer, bankA.mspId, lonely), [], `${peer.peer.name} does not serve the invalidated grant`);
  }
});
