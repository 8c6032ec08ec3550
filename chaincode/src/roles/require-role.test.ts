import { consortiumWorld } from '../testing/ledger-cast';
import test from 'ava';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { identityIdOf, stubContext, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_A_BOB, BANK_B_ADMIN } from '../testing/test-identities';
import { requireRole } from './require-role';
import { RoleContract } from './role-contract';

const contract = new RoleContract();
const ALICE = identityIdOf(BANK_A_ALICE);

async function ledgerWhereAliceIsOperator(): Promise<WorldState> {
  const worldState: WorldState = await consortiumWorld();
  await contract.GrantRole(stubContext({ identity: BANK_A_ADMIN, worldState }).ctx, ALICE, 'operator');
  return worldState;
}

test('a caller holding the role in its own org passes and gets its grant back', async (t) => {
  const worldState = await ledgerWhereAliceIsOperator();
  const grant = await requireRole(stubContext({ identity: BANK_A_ALICE, worldState }).ctx, 'operator');
  t.is(grant.identityId, ALICE);
  t.is(grant.mspId, 'BankAMSP');
  t.is(grant.role, 'operator');
});

test('a caller without the role is refused with CALLER_LACKS_ROLE naming the role', async (t) => {
  const worldState = await ledgerWhereAliceIsOperator();
  const error = await t.throwsAsync(requireRole(stubContext({ identity: BANK_A_ALICE, worldState }).ctx, 'compliance-officer'));
  t.true(isTrestleError(error, 'CALLER_LACKS_ROLE'));
  t.deepEqual(isTrestleError(error) ? error.details : undefined, { identityId: ALICE, mspId: 'BankAMSP', role: 'compliance-officer' });
  t.true(isTrestleError(await t.throwsAsync(requireRole(stubContext({ identity: BANK_A_BOB, worldState }).ctx, 'operator')), 'CALLER_LACKS_ROLE'));
});

test('an org admin holds no role until one is granted', async (t) => {
  const worldState = await ledgerWhereAliceIsOperator();
  t.true(isTrestleError(await t.throwsAsync(requireRole(stubContext({ identity: BANK_A_ADMIN, worldState }).ctx, 'operator')), 'CALLER_LACKS_ROLE'));
});

test('a grant another org made for the same identity id does not count', async (t) => {
  const worldState: WorldState = await consortiumWorld();
  await contract.GrantRole(stubContext({ identity: BANK_B_ADMIN, worldState }).ctx, ALICE, 'operator');
  t.true(isTrestleError(await t.throwsAsync(requireRole(stubContext({ identity: BANK_A_ALICE, worldState }).ctx, 'operator')), 'CALLER_LACKS_ROLE'));
});

test('a revoked role no longer passes', async (t) => {
  const worldState = await ledgerWhereAliceIsOperator();
  await contract.RevokeRole(stubContext({ identity: BANK_A_ADMIN, worldState }).ctx, ALICE, 'operator');
  t.true(isTrestleError(await t.throwsAsync(requireRole(stubContext({ identity: BANK_A_ALICE, worldState }).ctx, 'operator')), 'CALLER_LACKS_ROLE'));
});
