import { readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readMspId } from '../ledger/record-fields';
import { isLedgerId } from '../policy/ledger-id';
import { oneOf } from '../rules/read-investor';
import type { RuleVerdict } from '../rules/rule-verdict';
import { readVerdicts } from '../transfers/transfer-record';

/** What an audit record records: every transfer step, control action, legal lifecycle step and policy change, and each request a sanctions hit blocked. */
export const AUDIT_ACTIONS = [
  'transfer-requested',
  'transfer-approved',
  'transfer-settled',
  'transfer-failed-at-settlement',
  'transfer-rejected',
  'transfer-cancelled',
  'transfer-expired',
  'investor-frozen',
  'investor-unfrozen',
  'forced-transfer',
  'asset-paused',
  'asset-unpaused',
  'legal-action-proposed',
  'legal-action-approved',
  'legal-action-rejected',
  'legal-action-withdrawn',
  'asset-remediation-started',
  'asset-cured',
  'asset-written-off',
  'asset-redeemed',
  'bridge-out-requested',
  'bridge-out-approved',
  'bridge-out-escrowed',
  'bridge-out-failed-at-approval',
  'bridge-out-rejected',
  'bridge-out-cancelled',
  'bridge-out-expired',
  'bridge-burn-released',
  'bridge-escrow-moved',
  'policy-change-proposed',
  'policy-changed',
  'policy-change-rejected',
  'transfer-blocked',
  'bridge-out-blocked',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audited write: who did what to which asset, when, under which policy version, and the rule verdicts if rules ran. */
export type AuditRecord = {
  readonly txId: string;
  /** The transaction time, ISO 8601. */
  readonly at: string;
  readonly actor: string;
  readonly actorMsp: string;
  readonly action: AuditAction;
  readonly assetId: string;
  /** The policy version in force, null when the asset has none (never after tokenization). */
  readonly policyVersion: number | null;
  /** The transfer concerned, if any. */
  readonly transferId: string | null;
  /** The investors concerned (sender first). */
  readonly investorIds: readonly string[];
  /** Units moved, frozen, unfrozen or retired, as a decimal string; null when none. */
  readonly amount: string | null;
  /** The reason given, or the order reference of a forced transfer. */
  readonly reason: string | null;
  /** SHA-256 of the document behind the action: the order of a forced transfer, the legal document of a legal action. */
  readonly documentHash: string | null;
  /** Every rule's verdict when the action ran the rules, else null. */
  readonly verdicts: readonly RuleVerdict[] | null;
};

const FIELDS = ['txId', 'at', 'actor', 'actorMsp', 'action', 'assetId', 'policyVersion', 'transferId', 'investorIds', 'amount', 'reason', 'documentHash', 'verdicts'] as const;
const isAction = (value: unknown): value is AuditAction => (AUDIT_ACTIONS as readonly unknown[]).includes(value);
const anyText = (value: string) => value.length > 0;

/** Validates an audit record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseAuditRecord(value: unknown): AuditRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'audit record',
    fields: FIELDS,
    read: (reader) => {
      const raw = value as Record<string, unknown>;
      return {
        txId: reader.string('txId', anyText, 'a transaction id'),
        at: readIsoInstant(reader, 'at'),
        actor: readIdentityId(reader, 'actor'),
        actorMsp: readMspId(reader, 'actorMsp'),
        action: reader.member('action', isAction, oneOf(AUDIT_ACTIONS), 'transfer-requested'),
        assetId: reader.string('assetId', isLedgerId, 'an asset id'),
        policyVersion: raw.policyVersion === null ? null : reader.integer('policyVersion', 1),
        transferId: reader.nullableString('transferId', anyText, 'a transfer id'),
        investorIds: reader.array('investorIds', 2).filter((id): id is string => typeof id === 'string' && isLedgerId(id)),
        amount: raw.amount === null ? null : reader.amount('amount').toString(),
        reason: reader.nullableString('reason', anyText, 'a reason'),
        documentHash: reader.nullableString('documentHash', anyText, 'a document hash'),
        verdicts: raw.verdicts === null ? null : readVerdicts(raw.verdicts, 'verdicts', reader.problems),
      };
    },
  });
}
