import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { missingApprovals } from '@trestle/compliance/src/transfers/approval-progress';
import { personOf, verdictLines } from './ledger-wording';

// How the bridge commands print the ledger's bridge records for people.

/** The approvals a pending bridge-out still needs, in the officer service's words (the investor's bank is both sides). */
export function bridgeOutMissing(record: BridgeOutRecord): string[] {
  return record.status === 'PENDING' ? missingApprovals({ ...record, senderBankMsp: record.bankMsp, receiverBankMsp: record.bankMsp }) : [];
}

/** A bridge-out as a person reads it: parties, approvals given and missing, verdicts, escrow, signatures by bank, the mint and how it closed. */
export function bridgeOutLines(record: BridgeOutRecord): string[] {
  const lines = [
    `bridge-out  ${record.bridgeOutId}  ${record.status}`,
    `asset       ${record.assetId}, ${record.amount} units, policy version ${record.policyVersion}`,
    `investor    ${record.investorId} (${record.bankMsp})`,
    `to wallet   ${record.wallet} on chain ${record.chainId} (token ${record.token})`,
    `requested   ${record.requestedAt} by ${personOf(record.requestedBy, record.requesterMsp)}${record.status === 'PENDING' ? `; expires ${new Date(record.expiresAtSeconds * 1000).toISOString()}` : ''}`,
    `approvals   ${record.approvals.length === 0 ? 'none yet' : ''}`.trimEnd(),
  ];
  for (const approval of record.approvals) lines.push(`  ${personOf(approval.officerId, approval.officerMsp)} at ${approval.approvedAt}${approval.reason === null ? '' : `: ${approval.reason}`}`);
  const missing = bridgeOutMissing(record);
  if (missing.length > 0) lines.push(`still needs ${missing.join('; ')}`);
  lines.push('verdicts at the request', ...verdictLines(record.requestVerdicts));
  if (record.approvalVerdicts !== null) lines.push('verdicts at approval', ...verdictLines(record.approvalVerdicts));
  if (record.escrowedAt !== null) lines.push(`escrow      ${record.amount} units since ${record.escrowedAt}, Mint nonce ${record.nonce ?? '?'} (Fabric tx ${record.fabricTxId ?? '?'})`);
  if (record.nonce !== null) {
    lines.push(`signatures  ${record.signatures.length === 0 ? 'none yet' : ''}`.trimEnd());
    for (const signature of record.signatures) lines.push(`  ${signature.bankMsp} validator ${signature.validator} at ${signature.recordedAt}`);
  }
  if (record.evmTxHash !== null) lines.push(`minted      ${record.mintedAt ?? '?'} in EVM tx ${record.evmTxHash}`);
  const { blocked, closure } = record;
  if (blocked !== null) lines.push(`blocked     ${blocked.at} by ${personOf(blocked.by, blocked.byMsp)}: ${blocked.reason}`);
  if (closure !== null) lines.push(`closed      ${closure.status} at ${closure.at} by ${personOf(closure.by, closure.byMsp)}${closure.reason === null ? '' : `: ${closure.reason}`}`);
  return lines;
}

/** One line of the bridge-outs awaiting a bank's officers: id, status, asset, amount, investor and wallet, what is missing. */
export function bridgeOutListLine(record: BridgeOutRecord): string {
  const missing = bridgeOutMissing(record);
  return `${record.bridgeOutId}  ${record.status}  ${record.assetId}  ${record.amount}  ${record.investorId} -> ${record.wallet} (chain ${record.chainId})${missing.length === 0 ? '' : `  needs ${missing.join('; ')}`}`;
}

/**
 * One line of a chain's Mints in flight: nonce, bridge-out, amount and wallet, and what it waits
 * for: more validator signatures (APPROVED) or a relayer to carry it to the gateway (SIGNED).
 */
export function mintListLine(record: BridgeOutRecord, threshold: number | undefined): string {
  const banks = record.signatures.map((signature) => signature.bankMsp).join(', ') || 'no bank yet';
  const of = threshold === undefined ? '' : ` of ${threshold}`;
  const waits = record.status === 'SIGNED' ? 'awaits a relayer' : `awaits signatures (${record.signatures.length}${of}: ${banks})`;
  return `mint #${record.nonce ?? '?'}  ${record.bridgeOutId}  ${record.status}  ${record.assetId}  ${record.amount} -> ${record.wallet}  ${waits}`;
}

/** An asset's escrow for one chain. */
export function escrowLines(escrow: BridgeEscrow): string[] {
  return [`escrow    ${escrow.assetId} on chain ${escrow.chainId}`, `escrowed  ${escrow.escrowed} units`, `suspense  ${escrow.suspense} units (released burns whose owner could not be credited)`];
}

/** A burn's attestations by bank and, once released, where its units went. */
export function burnLines(burn: BurnRecord): string[] {
  const lines = [`burn      #${burn.burnNonce} on chain ${burn.chainId}  ${burn.status}`];
  const [first] = burn.attestations;
  if (first !== undefined) lines.push(`event     ${first.event.amount} units of token ${first.event.token} burned by ${first.event.from} in EVM tx ${first.event.txHash} (block ${first.event.blockNumber})`);
  lines.push(`attested  ${burn.attestations.length === 0 ? 'by no bank yet' : `by ${burn.attestations.length} bank(s)`}`);
  for (const attestation of burn.attestations) lines.push(`  ${attestation.bankMsp} validator ${attestation.validator} at ${attestation.attestedAt}`);
  const { release } = burn;
  if (release === null) lines.push('released  not yet: the chain\'s threshold of matching attestations from distinct banks releases it');
  else if (release.investorId !== null) lines.push(`released  ${release.amount} units of ${release.assetId} to ${release.investorId} at ${release.releasedAt} (Fabric tx ${release.txId})`);
  else lines.push(`released  ${release.amount} units of ${release.assetId} to suspense at ${release.releasedAt} (Fabric tx ${release.txId}): ${release.suspenseReason ?? ''}`.trimEnd());
  return lines;
}
