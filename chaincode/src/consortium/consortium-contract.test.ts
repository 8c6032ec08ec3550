import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { ConsortiumRecord } from '@trestle/compliance/src/consortium/consortium';
import { RoleContract } from '../roles/role-contract';
import { consortiumWorld, tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_B_ADMIN, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN, REGULATOR_RITA } from '../testing/test-identities';
import { ConsortiumContract } from './consortium-contract';

const consortium = new ConsortiumContract();
const roles = new RoleContract();
// A consortium without BankC, so that an org outside it can be tried.
const MEMBERS = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] });
const recordOf = async (worldState: WorldState) => JSON.parse(await consortium.GetConsortium(tx(BANK_A_ALICE, worldState).ctx)) as ConsortiumRecord;

test('the membership is in force only once every listed org confirmed it exactly; until then no role is granted', async (t) => {
  const worldState: WorldState = new Map();
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_NOT_ACTIVE', (ctx) => roles.GrantRole(ctx, identityIdOf(BANK_A_ALICE), 'operator'));
  await consortium.FoundConsortium(tx(BANK_A_ADMIN, worldState).ctx, MEMBERS);
  t.like(await recordOf(worldState), { status: 'FOUNDING', confirmedBy: ['BankAMSP'] });
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_NOT_ACTIVE', (ctx) => roles.GrantRole(ctx, identityIdOf(BANK_A_ALICE), 'operator'));
  await refused(t, worldState, BANK_B_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.FoundConsortium(ctx, MEMBERS));
  await refused(t, worldState, BANK_B_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmConsortium(ctx, JSON.stringify({ banks: ['BankBMSP', 'BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] })));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmConsortium(ctx, MEMBERS));
  await refused(t, worldState, BANK_C_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => consortium.ConfirmConsortium(ctx, MEMBERS));
  await refused(t, worldState, REGULATOR_RITA, 'CALLER_NOT_ORG_ADMIN', (ctx) => consortium.ConfirmConsortium(ctx, MEMBERS));
  // The order of the lists does not matter: the document is a pair of sets.
  await consortium.ConfirmConsortium(tx(BANK_B_ADMIN, worldState).ctx, JSON.stringify({ regulators: ['RegulatorMSP'], banks: ['BankBMSP', 'BankAMSP'] }));
  t.is((await recordOf(worldState)).status, 'FOUNDING');
  await consortium.ConfirmConsortium(tx(REGULATOR_ADMIN, worldState).ctx, MEMBERS);
  t.like(await recordOf(worldState), { status: 'ACTIVE', confirmedBy: ['BankAMSP', 'BankBMSP', 'RegulatorMSP'] });
  await refused(t, worldState, BANK_B_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmConsortium(ctx, MEMBERS));
  await roles.GrantRole(tx(BANK_A_ADMIN, worldState).ctx, identityIdOf(BANK_A_ALICE), 'operator');
  await refused(t, worldState, BANK_C_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => roles.GrantRole(ctx, identityIdOf(BANK_C_ERIN), 'appraiser'));
});

test('roles follow the kind of org: a bank cannot make a regulator, a regulator cannot make a bank officer', async (t) => {
  const worldState = await consortiumWorld();
  await refused(t, worldState, BANK_C_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => roles.GrantRole(ctx, identityIdOf(BANK_C_ERIN), 'regulator'));
  await refused(t, worldState, REGULATOR_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => roles.GrantRole(ctx, identityIdOf(REGULATOR_RITA), 'compliance-officer'));
  await refused(t, worldState, REGULATOR_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => roles.GrantRole(ctx, identityIdOf(REGULATOR_RITA), 'validator'));
  await roles.GrantRole(tx(REGULATOR_ADMIN, worldState).ctx, identityIdOf(REGULATOR_RITA), 'regulator');
  await roles.GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'vault');
  t.pass('each kind grants its own roles');
});

test('a malformed membership lists every problem and writes nothing', async (t) => {
  const worldState: WorldState = new Map();
  const error = await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_INVALID', (ctx) =>
    consortium.FoundConsortium(ctx, JSON.stringify({ banks: ['BankAMSP', 'BankAMSP', 'Bank\u0000A'], regulators: ['BankAMSP'], extra: 1 })),
  );
  t.deepEqual((error.details?.problems as { path: string }[]).map((problem) => problem.path).sort(), ['banks[1]', 'banks[2]', 'extra', 'regulators'].sort());
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_INVALID', (ctx) => consortium.FoundConsortium(ctx, JSON.stringify({ banks: [], regulators: [] })));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_INVALID', (ctx) => consortium.FoundConsortium(ctx, '{'));
  await refused(t, worldState, BANK_A_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => consortium.FoundConsortium(ctx, JSON.stringify({ banks: ['BankBMSP'], regulators: [] })));
  await refused(t, worldState, BANK_A_ALICE, 'CONSORTIUM_NOT_ACTIVE', (ctx) => consortium.GetConsortium(ctx));
});
