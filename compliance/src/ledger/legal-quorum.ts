/**
 * The banks of the consortium (DESIGN.md §2 and §4: BankA, BankB, BankC). A chaincode cannot read
 * its channel's member list, and role grants cannot stand in for one: every org on the channel,
 * the Regulator's included, can grant `compliance-officer` in its own space, and a bank that
 * revokes its officers would shrink the quorum. Banks join or leave by a channel configuration
 * update plus a new chaincode definition that every org approves, so the count changes with that
 * same definition: the same governance as the code that reads it.
 */
export const CONSORTIUM_BANKS = 3;

/** Banks whose compliance officers must approve a legal action: a strict majority of the consortium. */
export const LEGAL_QUORUM_BANKS = Math.floor(CONSORTIUM_BANKS / 2) + 1;

/** The quorum a proposal was made under, kept on it so a chaincode upgrade never changes an open vote's rules. */
export type LegalQuorum = { readonly consortiumBanks: number; readonly requiredBanks: number };

/** The quorum of a proposal made now. */
export const CURRENT_LEGAL_QUORUM: LegalQuorum = { consortiumBanks: CONSORTIUM_BANKS, requiredBanks: LEGAL_QUORUM_BANKS };

/** A bank's vote as the quorum counts it: one per bank (MSP). */
export type BankVote = { readonly decision: 'approve' | 'reject'; readonly officerMsp: string };

/** The distinct banks that voted `decision`, sorted. */
export function banksVoting(votes: readonly BankVote[], decision: BankVote['decision']): string[] {
  return [...new Set(votes.filter((vote) => vote.decision === decision).map((vote) => vote.officerMsp))].sort();
}

/** Whether enough distinct banks approved. */
export function quorumReached(votes: readonly BankVote[], quorum: LegalQuorum): boolean {
  return banksVoting(votes, 'approve').length >= quorum.requiredBanks;
}

/** Whether so many banks rejected that the banks left can no longer make the quorum. */
export function quorumLost(votes: readonly BankVote[], quorum: LegalQuorum): boolean {
  return quorum.consortiumBanks - banksVoting(votes, 'reject').length < quorum.requiredBanks;
}
