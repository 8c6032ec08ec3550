import { ConsortiumContract } from '@trestle/chaincode/src/consortium/consortium-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import type { TestIdentity, WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN } from '@trestle/chaincode/src/testing/test-identities';

/** The story's consortium without BankC. */
export const MEMBERSHIP_WITHOUT_BANK_C = { banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] } as const;
/** The story's consortium without BankB. */
export const MEMBERSHIP_WITHOUT_BANK_B = { banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] } as const;

/**
 * Removes BankC from the ledger's consortium (on the stubbed context): BankA's admin proposes the
 * membership without it, BankB's and the regulator's admins confirm; BankC's consent is not needed.
 */
export async function removeBankC(worldState: WorldState): Promise<void> {
  await changeMembership(worldState, MEMBERSHIP_WITHOUT_BANK_C, [BANK_B_ADMIN, REGULATOR_ADMIN]);
}

/** Removes BankB from the ledger's consortium (on the stubbed context): BankA's admin proposes, BankC's and the regulator's admins confirm. */
export async function removeBankB(worldState: WorldState): Promise<void> {
  await changeMembership(worldState, MEMBERSHIP_WITHOUT_BANK_B, [BANK_C_ADMIN, REGULATOR_ADMIN]);
}

// BankA's admin proposes `members`; the `confirmers` (every other org in them) confirm.
async function changeMembership(worldState: WorldState, members: object, confirmers: readonly TestIdentity[]): Promise<void> {
  const consortium = new ConsortiumContract();
  const document = JSON.stringify(members);
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, document);
  for (const admin of confirmers) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, document);
}
