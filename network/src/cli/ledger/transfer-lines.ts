import { missingApprovals } from '@trestle/compliance/src/transfers/approval-progress';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { personOf, verdictLines } from './ledger-wording';

/** A transfer as a person reads it: parties, approvals given and still missing, every verdict as its sentence, how it closed. */
export function transferLines(transfer: TransferRecord): string[] {
  const expires = new Date(transfer.expiresAtSeconds * 1000).toISOString();
  const lines = [
    `transfer   ${transfer.transferId}  ${transfer.status}`,
    `asset      ${transfer.assetId}, ${transfer.amount} units, policy version ${transfer.policyVersion}`,
    `from       ${transfer.fromInvestorId} (${transfer.senderBankMsp})`,
    `to         ${transfer.toInvestorId} (${transfer.receiverBankMsp})`,
    `requested  ${transfer.requestedAt} by ${personOf(transfer.requestedBy, transfer.requesterMsp)}${transfer.status === 'PENDING' ? `; expires ${expires}` : ''}`,
  ];
  if (transfer.travelRule !== null) lines.push(`travel rule data given: ${transfer.travelRule.given.join(', ') || 'none'} (sha256 ${transfer.travelRule.sha256})`);
  if (transfer.signedBy !== null) lines.push(`signed by wallet ${transfer.signedBy.address} (chain ${transfer.signedBy.chainId})`);
  lines.push(`approvals  ${transfer.approvals.length === 0 ? 'none yet' : ''}`.trimEnd());
  for (const approval of transfer.approvals) lines.push(`  ${personOf(approval.officerId, approval.officerMsp)} at ${approval.approvedAt}${approval.reason === null ? '' : `: ${approval.reason}`}`);
  if (transfer.status === 'PENDING') {
    const missing = missingApprovals(transfer);
    if (missing.length > 0) lines.push(`still needs ${missing.join('; ')}`);
  }
  lines.push('verdicts at the request', ...verdictLines(transfer.requestVerdicts));
  if (transfer.settlementVerdicts !== null) lines.push('verdicts at settlement', ...verdictLines(transfer.settlementVerdicts));
  const { blocked } = transfer;
  if (blocked !== null) lines.push(`blocked    ${blocked.at} by ${personOf(blocked.by, blocked.byMsp)}: ${blocked.reason}`);
  const closure = transfer.closure;
  if (closure !== null) lines.push(`closed     ${closure.status} at ${closure.at} by ${personOf(closure.by, closure.byMsp)}${closure.reason === null ? '' : `: ${closure.reason}`}`);
  return lines;
}

/** One line of a list: id, status, asset, amount, parties and what approvals are still missing. */
export function transferListLine(transfer: TransferRecord): string {
  const missing = transfer.status === 'PENDING' ? missingApprovals(transfer) : [];
  return `${transfer.transferId}  ${transfer.status}  ${transfer.assetId}  ${transfer.amount}  ${transfer.fromInvestorId} -> ${transfer.toInvestorId}${missing.length === 0 ? '' : `  needs ${missing.join('; ')}`}`;
}
