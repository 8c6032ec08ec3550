/**
 * Transactions that write nothing but the caller's bank's implicit private data collection:
 * StageInvestorPii, with personal data in its transient map, and DiscardStagedInvestorPii, which
 * purges such data when the transaction meant to name it failed. Fabric validates a transaction whose
 * only writes are to `_implicit_org_<msp>` against that org's Endorsement policy alone, so the
 * bank's own peer endorses it by itself, and no other bank's peer ever receives the proposal (an
 * endorser keeps a proposal's transient map in its transient store until the block commits, and
 * the bytes in that store's log until compaction). A transaction carrying travel-rule data writes
 * shared state and needs two banks: see SubmitContext.
 */
export const OWN_BANK_ONLY_TRANSACTIONS: ReadonlySet<string> = new Set(['StageInvestorPii', 'DiscardStagedInvestorPii']);

/** What the plan weighs of one submit beside its name; the caller learns it (transfer-endorsers.ts). */
export type SubmitContext = {
  /** The transient map holds travel-rule data (the originator's and beneficiary's personal data). */
  readonly travelRule?: boolean;
  /** The bank of the investor who receives what the transaction moves, when the caller knows it. */
  readonly receiverBankMsp?: string;
};

/**
 * Which organisations' peers endorse `transaction` when a person submits it, in the order to try.
 *
 * A bank's identity is endorsed by its own bank's peer and one other bank's. Its own peer because
 * it is the only one that holds the bank's implicit private data collection: Fabric validates a
 * write to `_implicit_org_<msp>` against that org's Endorsement policy, and only a member peer
 * keeps the data (others neither store nor disseminate it). One other bank because the
 * chaincode's policy is a majority of the three banks. When the other bank cannot be reached, the
 * next one is tried. A transaction of OWN_BANK_ONLY_TRANSACTIONS is endorsed by the bank's own peer
 * alone, and fails when it cannot be reached: no other peer may see what it carries.
 *
 * Travel-rule data (`context.travelRule`) is for the beneficiary's institution only, and every
 * endorsing peer, and the chaincode it runs, receives the proposal's transient map (in memory:
 * RequestTransfer writes no private data, so on the real network no peer's transient store or
 * ledger kept a byte of it). With the receiving investor at another bank
 * (`context.receiverBankMsp`), that bank's peer is the second endorser and no other is tried in
 * its place: an unreachable receiving bank fails the submit with the peer's own error (which the
 * CLI and the officer service turn into their typed unavailable errors) rather than hand the data
 * to a bystander bank. With both investors at the caller's bank a second bank is unavoidable (two
 * of three banks must endorse): the usual plan, and that bank's peer receives the data; a known
 * limit.
 *
 * An identity whose org runs no peer (the Regulator) is endorsed by every bank: its transactions
 * may write to any bank's collection (RejectAdoption purges the requesting bank's copy of the PII),
 * and discovery, choosing any two banks, left that bank out in 4 of 6 tries on the real network
 * (ENDORSEMENT_POLICY_FAILURE, and the bank's peer stalled 60 s on the block). When a bank cannot
 * be reached, each pair of banks is tried in turn. No bank in the profile: discovery (undefined).
 */
export function endorsementCandidates(ownMsp: string, bankMsps: readonly string[], transaction = '', context: SubmitContext = {}): readonly (readonly string[])[] | undefined {
  if (bankMsps.length === 0) return undefined;
  if (bankMsps.includes(ownMsp) && OWN_BANK_ONLY_TRANSACTIONS.has(transaction)) return [[ownMsp]];
  if (!bankMsps.includes(ownMsp)) return [bankMsps, ...bankMsps.flatMap((first, index) => bankMsps.slice(index + 1).map((second) => [first, second]))];
  const receiver = context.receiverBankMsp;
  if (context.travelRule === true && receiver !== undefined && receiver !== ownMsp) return [[ownMsp, receiver]];
  return bankMsps.filter((msp) => msp !== ownMsp).map((other) => [ownMsp, other]);
}

/**
 * Whether a failed submit never reached ordering because an endorsing peer could not be reached,
 * so trying other endorsers cannot commit the transaction twice. A chaincode's own refusal
 * (`[CODE] …`) and any commit-phase failure are final.
 */
export function isUnreachableEndorserError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const message = error.message;
  if (/\[[A-Z][A-Z0-9_]+\]/.test(message) || /Commit of transaction|transactionCode/i.test(message)) return false;
  // "Endorsement has failed": fabric-common's discovery handler got no answer from a required org's
  // peer in any layout (seen with one bank's peer hung: every bank named, one silent). "did not find
  // any peers active": discovery already knows the org's only peer is down (seen with a bank's peer
  // stopped: without this the next bank was never tried).
  return /failed to connect|unavailable|not connected|no endorsement plan|deadline|ECONNREFUSED|no peers available|endorsement has failed|did not find any peers active/i.test(message);
}

/**
 * Whether a failed submit never reached ordering because its endorsing peers answered differently:
 * one had committed a block the other had not yet (another identity's transaction changed what this
 * one reads), so the same endorsers asked again a moment later agree. A chaincode's own refusal and
 * an unreachable peer are not this.
 */
export function isEndorsementMismatch(error: unknown): boolean {
  if (!(error instanceof Error) || isUnreachableEndorserError(error)) return false;
  return /Peer endorsements do not match/.test(error.message) && !/\[[A-Z][A-Z0-9_]+\]/.test(error.message);
}
