import type { PolicyChangeProposal } from '@trestle/compliance/src/ledger/policy-change-proposal';
import { POLICY_FIELDS } from '@trestle/compliance/src/policy/policy';
import { personOf } from './ledger-wording';

/** A policy version as the ledger stores it (AssetContract.GetPolicy). */
export interface PolicyVersionRecord {
  readonly assetId: string;
  readonly version: number;
  readonly policyHash: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly attachedAt: string;
  readonly attachedBy: string;
}

const DAY_SECONDS = 86_400;

/** The version, its hash, who attached it, then every field of the document on its own line. */
export function policyLines(record: PolicyVersionRecord): string[] {
  const width = Math.max(...POLICY_FIELDS.map((field) => field.length));
  const lines = [
    `policy of ${record.assetId}, version ${record.version}`,
    `sha256     ${record.policyHash}`,
    `attached   ${record.attachedAt} by ${personOf(record.attachedBy)}`,
  ];
  for (const field of POLICY_FIELDS) lines.push(`  ${field.padEnd(width)}  ${fieldText(field, record.document[field])}`);
  return lines;
}

function fieldText(field: string, value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  // Seconds read badly at policy scale; the days say what a person means.
  if (field === 'lockupSeconds' && typeof value === 'number') return `${value} (${+(value / DAY_SECONDS).toFixed(2)} days)`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One line per proposal, newest first as the ledger lists them: version, status, who proposed what, how it was decided. */
export function policyChangeLine(change: PolicyChangeProposal): string {
  const proposed = `version ${change.version}  ${change.status}  proposed ${change.proposedAt} by ${personOf(change.proposedBy, change.proposedByMsp)}; changes ${change.changedFields.join(', ') || 'nothing'}`;
  const { decision } = change;
  if (decision === null) return `${proposed}; waits for an officer of a bank other than ${change.proposedByMsp}`;
  return `${proposed}; ${change.status === 'APPROVED' ? 'approved' : 'rejected'} ${decision.at} by ${personOf(decision.by, decision.byMsp)}${decision.reason === null ? '' : `: ${decision.reason}`}`;
}
