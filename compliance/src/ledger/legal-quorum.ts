/**
 * The quorum a proposal was made under, kept on it as its floor: a membership change while the vote
 * is open can raise what it needs (more banks, a larger majority) but never lower it.
 */
export type LegalQuorum = { readonly consortiumBanks: number; readonly requiredBanks: number };

/**
 * The quorum for a consortium of `banks` banks: a strict majority. The count comes from the
 * consortium membership on the ledger (compliance/src/consortium), which every listed org
 * confirmed; role grants cannot stand in for it (a bank that revoked its officers would shrink it).
 */
export function legalQuorum(banks: number): LegalQuorum {
  return { consortiumBanks: banks, requiredBanks: Math.floor(banks / 2) + 1 };
}

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

/**
 * The votes that count now and the quorum they must meet, once the consortium's banks are
 * `banksInForce`: a bank removed since it voted no longer speaks (its grants stopped counting when it
 * left, and so does its vote), and the quorum is the larger of the proposal's and a majority of the
 * banks in force, so adding banks cannot let a minority of the new consortium decide.
 */
export function quorumInForce<V extends BankVote>(floor: LegalQuorum, votes: readonly V[], banksInForce: readonly string[]): { votes: V[]; quorum: LegalQuorum } {
  const now = legalQuorum(banksInForce.length);
  return {
    votes: votes.filter((vote) => banksInForce.includes(vote.officerMsp)),
    quorum: { consortiumBanks: banksInForce.length, requiredBanks: Math.max(floor.requiredBanks, now.requiredBanks) },
  };
}

/** How an open proposal stands under the membership in force: the banks whose votes count, the quorum, and the votes that no longer count. */
export type QuorumCount = {
  readonly approvals: readonly string[];
  readonly rejections: readonly string[];
  readonly requiredBanks: number;
  readonly consortiumBanks: number;
  /** Banks that voted and are no longer members: their votes stay on the record but do not count. */
  readonly notCounted: readonly string[];
};

/** The count `quorumInForce` decides by, for people reading an open proposal. */
export function quorumCount(floor: LegalQuorum, votes: readonly BankVote[], banksInForce: readonly string[]): QuorumCount {
  const counted = quorumInForce(floor, votes, banksInForce);
  const notCounted = [...new Set(votes.map((vote) => vote.officerMsp).filter((msp) => !banksInForce.includes(msp)))].sort();
  return { approvals: banksVoting(counted.votes, 'approve'), rejections: banksVoting(counted.votes, 'reject'), ...counted.quorum, notCounted };
}
