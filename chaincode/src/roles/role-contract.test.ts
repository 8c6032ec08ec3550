import { consortiumWorld } from '../testing/ledger-cast';
import test, { type ExecutionContext } from 'ava';
import type { Context } from 'fabric-contract-api';
import { isTrestleError, parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import { identityIdOf, snapshot, stubContext, type TestIdentity, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_A_BOB, BANK_A_MALLORY, BANK_B_ADMIN, BANK_B_CAROL } from '../testing/test-identities';
import { RoleContract } from './role-contract';

const contract = new RoleContract();
const ADMIN_A = identityIdOf(BANK_A_ADMIN);
const ADMIN_B = identityIdOf(BANK_B_ADMIN);
const ALICE = identityIdOf(BANK_A_ALICE);
const BOB = identityIdOf(BANK_A_BOB);
const CAROL = identityIdOf(BANK_B_CAROL);
const T1 = new Date('2026-03-01T10:00:00.000Z');
const T2 = new Date('2026-03-02T11:30:15.250Z');

/** One transaction submitted by `identity` against `worldState`. */
const as = (identity: TestIdentity, worldState: WorldState, txTimestamp = T1) => stubContext({ identity, worldState, txTimestamp });

const eventsOf = (tx: ReturnType<typeof as>) => tx.events.map((event) => ({ name: event.name, envelope: JSON.parse(Buffer.from(event.payload).toString('utf8')) as unknown }));

async function listRoles(worldState: WorldState, identity: TestIdentity = BANK_A_ALICE): Promise<RoleGrant[]> {
  return JSON.parse(await contract.ListRoles(as(identity, worldState).ctx)) as RoleGrant[];
}

async function seeded(): Promise<WorldState> {
  const worldState: WorldState = await consortiumWorld();
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, ALICE, 'operator');
  return worldState;
}

test('an org admin grants a role to an identity of its org; the grant is stored under the admin MSP as sorted JSON', async (t) => {
  const worldState: WorldState = await consortiumWorld();
  const tx = as(BANK_A_ADMIN, worldState);
  await contract.GrantRole(tx.ctx, ALICE, 'compliance-officer');

  const key = tx.stub.createCompositeKey('role~grant', ['BankAMSP', ALICE, 'compliance-officer']);
  t.deepEqual([...worldState.keys()].filter((stored) => stored.includes('role~grant')), [key], 'one grant, beside the consortium record');
  t.is(
    Buffer.from(worldState.get(key) ?? []).toString('utf8'),
    `{"grantedAt":"2026-03-01T10:00:00.000Z","grantedBy":${JSON.stringify(ADMIN_A)},"identityId":${JSON.stringify(ALICE)},"mspId":"BankAMSP","role":"compliance-officer"}`,
  );
});

test('a grant emits exactly one RoleGranted event carrying the grant', async (t) => {
  const tx = as(BANK_A_ADMIN, await consortiumWorld());
  await contract.GrantRole(tx.ctx, ALICE, 'operator');
  t.deepEqual(eventsOf(tx), [
    {
      name: 'RoleGranted',
      envelope: { type: 'RoleGranted', payload: { grantedAt: '2026-03-01T10:00:00.000Z', grantedBy: ADMIN_A, identityId: ALICE, mspId: 'BankAMSP', role: 'operator' } },
    },
  ]);
});

test('grants are visible to everyone in ListRoles, sorted by org, identity and role', async (t) => {
  const worldState: WorldState = await consortiumWorld();
  await contract.GrantRole(as(BANK_B_ADMIN, worldState).ctx, CAROL, 'validator');
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, BOB, 'appraiser');
  await contract.GrantRole(as(BANK_A_ADMIN, worldState, T2).ctx, ALICE, 'validator');
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, ALICE, 'compliance-officer');

  const expected = [
    ['BankAMSP', ALICE, 'compliance-officer'],
    ['BankAMSP', ALICE, 'validator'],
    ['BankAMSP', BOB, 'appraiser'],
    ['BankBMSP', CAROL, 'validator'],
  ];
  for (const reader of [BANK_A_ALICE, BANK_B_CAROL, BANK_A_ADMIN]) {
    const grants = await listRoles(worldState, reader);
    t.deepEqual(grants.map((g) => [g.mspId, g.identityId, g.role]), expected);
  }
  const aliceValidator = (await listRoles(worldState)).find((g) => g.identityId === ALICE && g.role === 'validator');
  t.is(aliceValidator?.grantedAt, '2026-03-02T11:30:15.250Z');
  t.is(aliceValidator?.grantedBy, ADMIN_A);
});

test('GetRoles returns one identity\'s grants in one org, sorted by role', async (t) => {
  const worldState: WorldState = await consortiumWorld();
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, ALICE, 'validator');
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, ALICE, 'appraiser');
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, BOB, 'operator');

  const roles = JSON.parse(await contract.GetRoles(as(BANK_B_CAROL, worldState).ctx, 'BankAMSP', ALICE)) as RoleGrant[];
  t.deepEqual(roles.map((g) => g.role), ['appraiser', 'validator']);
  t.deepEqual(JSON.parse(await contract.GetRoles(as(BANK_B_CAROL, worldState).ctx, 'BankBMSP', ALICE)), []);
  t.is(await contract.ListRoles(as(BANK_A_ALICE, new Map()).ctx), '[]');
});

test('an admin revokes a role: the grant is deleted and one RoleRevoked event is emitted', async (t) => {
  const worldState = await seeded();
  await contract.GrantRole(as(BANK_A_ADMIN, worldState).ctx, BOB, 'operator');
  const tx = as(BANK_A_ADMIN, worldState, T2);
  await contract.RevokeRole(tx.ctx, ALICE, 'operator');

  t.deepEqual((await listRoles(worldState)).map((g) => g.identityId), [BOB]);
  t.deepEqual(eventsOf(tx), [
    {
      name: 'RoleRevoked',
      envelope: { type: 'RoleRevoked', payload: { identityId: ALICE, mspId: 'BankAMSP', revokedAt: '2026-03-02T11:30:15.250Z', revokedBy: ADMIN_A, role: 'operator' } },
    },
  ]);
});

test('a revoked role can be granted again, with the new transaction time', async (t) => {
  const worldState = await seeded();
  await contract.RevokeRole(as(BANK_A_ADMIN, worldState).ctx, ALICE, 'operator');
  await contract.GrantRole(as(BANK_A_ADMIN, worldState, T2).ctx, ALICE, 'operator');
  t.deepEqual((await listRoles(worldState)).map((g) => g.grantedAt), ['2026-03-02T11:30:15.250Z']);
});

// Each refusal: the typed code, the untouched world state, no event.
async function refused(t: ExecutionContext, worldState: WorldState, identity: TestIdentity, code: TrestleErrorCode, submit: (ctx: Context) => Promise<unknown>) {
  const before = snapshot(worldState);
  const tx = as(identity, worldState);
  const error = await t.throwsAsync(submit(tx.ctx));
  t.true(isTrestleError(error, code), `expected ${code}, got ${String(error?.message)}`);
  t.deepEqual(worldState, before, 'the world state is unchanged');
  t.deepEqual(tx.events, [], 'no event');
  return error;
}

test('a member who is not an admin cannot grant or revoke, even to themself', async (t) => {
  const worldState = await seeded();
  for (const [identity, id] of [[BANK_A_ALICE, ALICE], [BANK_A_BOB, ALICE], [BANK_B_CAROL, CAROL]] as const) {
    await refused(t, worldState, identity, 'CALLER_NOT_ORG_ADMIN', (ctx) => contract.GrantRole(ctx, id, 'regulator'));
    await refused(t, worldState, identity, 'CALLER_NOT_ORG_ADMIN', (ctx) => contract.RevokeRole(ctx, ALICE, 'operator'));
  }
});

test('a member whose common name reads "OU=admin" is still not an admin', async (t) => {
  const worldState = await seeded();
  await refused(t, worldState, BANK_A_MALLORY, 'CALLER_NOT_ORG_ADMIN', (ctx) => contract.GrantRole(ctx, identityIdOf(BANK_A_MALLORY), 'operator'));
});

test('an admin of another org cannot grant into or revoke from BankA\'s space', async (t) => {
  const worldState = await seeded();
  // BankB's admin names a BankA identity: the grant lands under BankBMSP, where no BankA identity can use it.
  await contract.GrantRole(as(BANK_B_ADMIN, worldState).ctx, ALICE, 'appraiser');
  t.deepEqual(JSON.parse(await contract.GetRoles(as(BANK_A_ALICE, worldState).ctx, 'BankAMSP', ALICE)).map((g: RoleGrant) => g.role), ['operator']);
  t.deepEqual(
    (await listRoles(worldState)).map((g) => [g.mspId, g.role, g.grantedBy]),
    [
      ['BankAMSP', 'operator', ADMIN_A],
      ['BankBMSP', 'appraiser', ADMIN_B],
    ],
  );

  // Revoking BankA's grant from BankB looks in BankB's space only.
  await refused(t, worldState, BANK_B_ADMIN, 'ROLE_NOT_GRANTED', (ctx) => contract.RevokeRole(ctx, ALICE, 'operator'));
});

test('bad input is a typed error and writes nothing', async (t) => {
  const worldState = await seeded();
  const cases: Array<[TrestleErrorCode, (ctx: Context) => Promise<unknown>]> = [
    ['ROLE_UNKNOWN', (ctx) => contract.GrantRole(ctx, BOB, 'superuser')],
    ['ROLE_UNKNOWN', (ctx) => contract.GrantRole(ctx, BOB, 'Operator')],
    ['ROLE_UNKNOWN', (ctx) => contract.RevokeRole(ctx, ALICE, 'admin')],
    ['ARGUMENT_EMPTY', (ctx) => contract.GrantRole(ctx, '', 'operator')],
    ['ARGUMENT_EMPTY', (ctx) => contract.GrantRole(ctx, BOB, '')],
    ['ARGUMENT_EMPTY', (ctx) => contract.RevokeRole(ctx, '', 'operator')],
    ['IDENTITY_ID_MALFORMED', (ctx) => contract.GrantRole(ctx, 'bob@banka.trestle.test', 'operator')],
    ['IDENTITY_ID_MALFORMED', (ctx) => contract.GrantRole(ctx, `${BOB}\u0000operator`, 'operator')],
    ['ROLE_ALREADY_GRANTED', (ctx) => contract.GrantRole(ctx, ALICE, 'operator')],
    ['ROLE_NOT_GRANTED', (ctx) => contract.RevokeRole(ctx, ALICE, 'validator')],
    ['ROLE_NOT_GRANTED', (ctx) => contract.RevokeRole(ctx, BOB, 'operator')],
  ];
  for (const [code, submit] of cases) await refused(t, worldState, BANK_A_ADMIN, code, submit);
  t.is(worldState.size, 2, 'the consortium record and the one grant');
});

test('GetRoles refuses an empty or malformed MSP id or identity id', async (t) => {
  const worldState = await seeded();
  await refused(t, worldState, BANK_B_CAROL, 'ARGUMENT_EMPTY', (ctx) => contract.GetRoles(ctx, '', ALICE));
  await refused(t, worldState, BANK_B_CAROL, 'MSP_ID_MALFORMED', (ctx) => contract.GetRoles(ctx, 'Bank\u0000A', ALICE));
  await refused(t, worldState, BANK_B_CAROL, 'ARGUMENT_EMPTY', (ctx) => contract.GetRoles(ctx, 'BankAMSP', ''));
  await refused(t, worldState, BANK_B_CAROL, 'IDENTITY_ID_MALFORMED', (ctx) => contract.GetRoles(ctx, 'BankAMSP', 'alice'));
});

test('a client recovers the code and details from the message string Fabric returns', async (t) => {
  const worldState = await seeded();
  const error = await refused(t, worldState, BANK_A_ADMIN, 'ROLE_ALREADY_GRANTED', (ctx) => contract.GrantRole(ctx, ALICE, 'operator'));
  const parsed = parseTrestleError(`chaincode response 500, ${error?.message ?? ''}`);
  t.is(parsed?.code, 'ROLE_ALREADY_GRANTED');
  t.deepEqual(parsed?.details, { identityId: ALICE, mspId: 'BankAMSP', role: 'operator' });
});

test('a stored grant that is not a valid record makes ListRoles fail with RECORD_MALFORMED', async (t) => {
  const worldState = await seeded();
  const { stub } = as(BANK_A_ADMIN, worldState);
  worldState.set(stub.createCompositeKey('role~grant', ['BankAMSP', BOB, 'operator']), Buffer.from('{"role":"operator"'));
  const error = await t.throwsAsync(contract.ListRoles(as(BANK_A_ALICE, worldState).ctx));
  t.true(isTrestleError(error, 'RECORD_MALFORMED'));
});
