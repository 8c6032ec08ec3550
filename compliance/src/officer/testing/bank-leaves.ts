import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { BANK_A_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN } from '@trestle/chaincode/src/testing/test-identities';
import type { Harness } from './officer-harness';

/**
 * BankB leaves the consortium on the harness's in-process stub ledger, as the orgs' admins would
 * do it (`trestle consortium propose|confirm`): BankA's admin proposes the membership without it,
 * BankC's and the regulator's admins confirm, at the harness's time. BankB's investors stay, under
 * BankB, for a bank in force to adopt.
 */
export async function bankBLeaves(harness: Harness): Promise<void> {
  const consortium = new ConsortiumContract();
  const members = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
  const at = { at: new Date(harness.clock.now()) };
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, harness.worldState, at).ctx, members);
  for (const admin of [BANK_C_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, harness.worldState, at).ctx, members);
}
