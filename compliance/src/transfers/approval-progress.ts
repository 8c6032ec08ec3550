import type { TransferRecord } from './transfer-record';

/**
 * The approvals that count toward what a request needs: those by officers of `banks`, the banks in
 * force (all when null, no membership in force). A departed bank's approvals stay on the record as
 * history, as its legal votes and validator signatures do, but speak for the consortium no more.
 */
export function approvalsOfBanks<A extends { readonly officerMsp: string }>(approvals: readonly A[], banks: readonly string[] | null): A[] {
  return banks === null ? [...approvals] : approvals.filter((approval) => banks.includes(approval.officerMsp));
}

/** What approvals a transfer still needs, as phrases for a person ("an officer of BankBMSP"); empty when complete. */
export function missingApprovals(transfer: Pick<TransferRecord, 'approvals' | 'approvalsRequired' | 'senderBankMsp' | 'receiverBankMsp'>): string[] {
  const { approvals, approvalsRequired, senderBankMsp, receiverBankMsp } = transfer;
  const missing: string[] = [];
  if (!approvals.some((approval) => approval.officerMsp === senderBankMsp)) missing.push(`an officer of the sender's bank ${senderBankMsp}`);
  if (receiverBankMsp !== senderBankMsp && !approvals.some((approval) => approval.officerMsp === receiverBankMsp)) {
    missing.push(`an officer of the receiver's bank ${receiverBankMsp}`);
  }
  // Identity ids are unique within an MSP only, so an officer is the pair.
  const distinct = new Set(approvals.map((approval) => `${approval.officerMsp}\n${approval.officerId}`)).size;
  // Each missing side brings one more officer, from a bank no approver so far is from.
  const more = approvalsRequired.distinctOfficers - distinct - missing.length;
  if (more > 0) missing.push(`${more} more distinct ${more === 1 ? 'officer' : 'officers'} (four-eyes)`);
  return missing;
}
