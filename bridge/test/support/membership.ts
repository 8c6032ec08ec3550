import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN } from '@trestle/chaincode/src/testing/test-identities';

/** The story's consortium without BankC. */
export const MEMBERSHIP_WITHOUT_BANK_C = { banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] } as const;

/**
 * Removes BankC from the ledger's consortium (on the stubbed context): BankA's admin proposes the
 * membership without it, BankB's and the regulator's admins confirm; BankC's consent is not needed.
 */
export async function removeBankC(worldState: WorldState): Promise<void> {
  const consortium = new ConsortiumContract();
  const members = JSON.stringify(MEMBERSHIP_WITHOUT_BANK_C);
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, members);
  for (const admin of [BANK_B_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, members);
}
