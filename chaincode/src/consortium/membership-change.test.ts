import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { ConsortiumRecord } from '@trestle/compliance/src/consortium/consortium';
import type { MembershipChange } from '@trestle/compliance/src/consortium/membership-change';
import { InvestorContract } from '../investors/investor-contract';
import { RoleContract } from '../roles/role-contract';
import { castLedger, CAST, eventsOf, tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import { identityIdOf, snapshotLedger, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_B_ADMIN, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { ConsortiumContract } from './consortium-contract';

const consortium = new ConsortiumContract();
const roles = new RoleContract();
const WITHOUT_C = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] });
const WITH_C = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
const WITHOUT_B = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });

const membershipOf = async (worldState: WorldState) => JSON.parse(await consortium.GetConsortium(tx(BANK_A_ALICE, worldState).ctx)) as ConsortiumRecord;
const changeOf = async (worldState: WorldState) => JSON.parse(await consortium.GetMembershipChange(tx(BANK_A_ALICE, worldState).ctx)) as MembershipChange;

/** A consortium of BankA, BankB and the regulator, in force. */
async function withoutBankC(): Promise<WorldState> {
  const worldState: WorldState = new Map();
  await consortium.FoundConsortium(tx(BANK_A_ADMIN, worldState).ctx, WITHOUT_C);
  for (const admin of [BANK_B_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmConsortium(tx(admin, worldState).ctx, WITHOUT_C);
  return worldState;
}

test('a bank joins once every org of the new membership, the joining one included, confirmed; only then can it grant roles', async (t) => {
  const worldState = await withoutBankC();
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, WITH_C);
  t.like(await changeOf(worldState), { status: 'PROPOSED', proposedBy: 'BankAMSP', confirmedBy: ['BankAMSP'] });
  await refused(t, worldState, BANK_C_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => roles.GrantRole(ctx, identityIdOf(BANK_C_ERIN), 'appraiser'));
  for (const admin of [BANK_B_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, WITH_C);
  t.deepEqual((await membershipOf(worldState)).members.banks, ['BankAMSP', 'BankBMSP'], 'BankC has not consented yet');
  // The lists' order does not matter.
  const joining = tx(BANK_C_ADMIN, worldState);
  await consortium.ConfirmMembershipChange(joining.ctx, JSON.stringify({ regulators: ['RegulatorMSP'], banks: ['BankCMSP', 'BankBMSP', 'BankAMSP'] }));
  t.deepEqual(eventsOf(joining).map((event) => event.name), ['MembershipChanged']);
  t.like(await membershipOf(worldState), { status: 'ACTIVE', members: { banks: ['BankAMSP', 'BankBMSP', 'BankCMSP'] }, confirmedBy: ['BankAMSP', 'BankBMSP', 'BankCMSP', 'RegulatorMSP'] });
  t.like(await changeOf(worldState), { status: 'APPLIED' });
  await roles.GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'appraiser');
  t.pass('BankC grants its roles now');
});

test('a bank is removed without its consent, and its people lose every role at once', async (t) => {
  const worldState = await castLedger();
  const carolReads = (ctx: Parameters<InvestorContract['ListInvestorsOfBank']>[0]) => new InvestorContract().ListInvestorsOfBank(ctx, 'BankBMSP', '10', '');
  await carolReads(tx(CAST.bankBOfficer, worldState).ctx);
  await consortium.ProposeMembershipChange(tx(REGULATOR_ADMIN, worldState).ctx, WITHOUT_B);
  await refused(t, worldState, BANK_B_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => consortium.ConfirmMembershipChange(ctx, WITHOUT_B));
  for (const admin of [BANK_A_ADMIN, BANK_C_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, WITHOUT_B);
  t.deepEqual((await membershipOf(worldState)).members, { banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_NOT_MEMBER', (ctx) => carolReads(ctx));
  // The vault's share services read GetRoles: BankB's people hold none that count any more, though the grants stay stored.
  t.deepEqual(JSON.parse(await roles.GetRoles(tx(CAST.bankAOfficer, worldState).ctx, 'BankBMSP', identityIdOf(CAST.bankBOfficer))), []);
  t.true((JSON.parse(await roles.ListRoles(tx(CAST.bankAOfficer, worldState).ctx)) as { mspId: string }[]).some((grant) => grant.mspId === 'BankBMSP'));
  await refused(t, worldState, BANK_B_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => consortium.ProposeMembershipChange(ctx, WITH_C));
  await refused(t, worldState, BANK_B_ADMIN, 'ROLE_NOT_FOR_ORG', (ctx) => roles.GrantRole(ctx, identityIdOf(CAST.bankBOfficer), 'operator'));
  // Members keep theirs.
  await new InvestorContract().ListInvestorsOfBank(tx(CAST.bankAOfficer, worldState).ctx, 'BankAMSP', '10', '');
});

test('one change at a time, restated exactly, confirmed once per org; a member withdraws it with a reason; refusals write nothing', async (t) => {
  const worldState = await castLedger();
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ProposeMembershipChange(ctx, JSON.stringify({ regulators: ['RegulatorMSP'], banks: ['BankCMSP', 'BankBMSP', 'BankAMSP'] })));
  await refused(t, worldState, BANK_A_ALICE, 'CALLER_NOT_ORG_ADMIN', (ctx) => consortium.ProposeMembershipChange(ctx, WITHOUT_B));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_INVALID', (ctx) => consortium.ProposeMembershipChange(ctx, '{"banks": ["BankAMSP"], "regulators": ["BankAMSP"]}'));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_INVALID', (ctx) => consortium.ProposeMembershipChange(ctx, '{'));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmMembershipChange(ctx, WITHOUT_B));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.GetMembershipChange(ctx));

  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, WITHOUT_B);
  await refused(t, worldState, BANK_C_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ProposeMembershipChange(ctx, WITHOUT_C));
  await refused(t, worldState, BANK_C_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmMembershipChange(ctx, WITHOUT_C));
  await refused(t, worldState, BANK_A_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmMembershipChange(ctx, WITHOUT_B));
  await refused(t, worldState, BANK_C_ADMIN, 'ARGUMENT_EMPTY', (ctx) => consortium.WithdrawMembershipChange(ctx, ''));
  await refused(t, worldState, BANK_C_ADMIN, 'REASON_INVALID', (ctx) => consortium.WithdrawMembershipChange(ctx, 'x'.repeat(5_000)));
  const before = snapshotLedger(worldState);
  await consortium.WithdrawMembershipChange(tx(BANK_B_ADMIN, worldState).ctx, 'BankB stays: the dispute is settled');
  t.notDeepEqual(snapshotLedger(worldState), before);
  t.like(await changeOf(worldState), { status: 'WITHDRAWN', reason: 'BankB stays: the dispute is settled' });
  t.deepEqual((await membershipOf(worldState)).members.banks, ['BankAMSP', 'BankBMSP', 'BankCMSP'], 'nothing changed');
  await refused(t, worldState, BANK_C_ADMIN, 'CONSORTIUM_CONFLICT', (ctx) => consortium.ConfirmMembershipChange(ctx, WITHOUT_B));
  await consortium.ProposeMembershipChange(tx(BANK_C_ADMIN, worldState).ctx, WITHOUT_B);
  t.like(await changeOf(worldState), { status: 'PROPOSED', proposedBy: 'BankCMSP' });
});
