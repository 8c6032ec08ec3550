import { isLedgerId } from '../policy/ledger-id';
import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import { ASSET_STATES, isAssetState, type AssetState } from './asset-state';
import { DOCUMENT_REFERENCE_FIELDS, readDocumentReference, type DocumentReference } from './document-reference';
import { CASH_SETTLEMENT_FIELDS, isLegalAction, LEGAL_ACTIONS, MAX_REMEDIATION_WINDOW_DAYS, PROPOSAL_ID_FORM, readCashSettlement, type CashSettlementRecord, type LegalAction } from './legal-action';
import type { LegalQuorum } from './legal-quorum';
import { MAX_REASON_CHARS } from './ledger-limits';
import { readJsonValue } from './read-json-document';
import { memberOf, readIdentityId, readIsoInstant, readLedgerId, readMspId, readNullableReason, readText } from './record-fields';

/** Where a proposal stands: PENDING collects votes; the others are final. */
export const LEGAL_PROPOSAL_STATUSES = ['PENDING', 'APPLIED', 'REJECTED', 'WITHDRAWN'] as const;

export type LegalProposalStatus = (typeof LEGAL_PROPOSAL_STATUSES)[number];

/** One compliance officer's vote, for their bank. `txId` links it to its audit record. */
export type LegalVote = {
  readonly decision: 'approve' | 'reject';
  readonly officerId: string;
  readonly officerMsp: string;
  readonly at: string;
  readonly reason: string | null;
  readonly txId: string;
};

/** How a proposal ended: who, when, why, and the transition it made when APPLIED. */
export type LegalProposalClosure = {
  readonly status: Exclude<LegalProposalStatus, 'PENDING'>;
  readonly at: string;
  readonly by: string;
  readonly byMsp: string;
  readonly reason: string | null;
  readonly txId: string;
  /** The asset's transition number when APPLIED, else null. */
  readonly transitionSeq: number | null;
};

/**
 * A legal action on the ledger, from proposal to its end. Terms of other actions are null, so every
 * record has every field. No personal data.
 */
export type LegalProposal = {
  readonly proposalId: string;
  readonly assetId: string;
  readonly action: LegalAction;
  /** The state the asset was in when proposed, and the one the action moves it to. */
  readonly from: AssetState;
  readonly to: AssetState;
  readonly reason: string;
  readonly legalDocument: DocumentReference;
  readonly remediationWindowDays: number | null;
  readonly cashSettlement: CashSettlementRecord | null;
  readonly quorum: LegalQuorum;
  readonly status: LegalProposalStatus;
  readonly proposedAt: string;
  readonly proposedBy: string;
  readonly proposerMsp: string;
  readonly proposedTxId: string;
  readonly votes: readonly LegalVote[];
  readonly closure: LegalProposalClosure | null;
};

// One vote per bank; far more than any consortium has banks means the record is wrong.
const MAX_VOTES = 64;
const VOTE_FIELDS = ['decision', 'officerId', 'officerMsp', 'at', 'reason', 'txId'] as const;
const CLOSURE_FIELDS = ['status', 'at', 'by', 'byMsp', 'reason', 'txId', 'transitionSeq'] as const;

/** The fields of a proposal record in JSON. */
export const LEGAL_PROPOSAL_FIELDS = [
  'proposalId',
  'assetId',
  'action',
  'from',
  'to',
  'reason',
  'legalDocument',
  'remediationWindowDays',
  'cashSettlement',
  'quorum',
  'status',
  'proposedAt',
  'proposedBy',
  'proposerMsp',
  'proposedTxId',
  'votes',
  'closure',
] as const;

const FINAL_STATUSES = LEGAL_PROPOSAL_STATUSES.filter((status): status is LegalProposalClosure['status'] => status !== 'PENDING');
const DECISIONS = ['approve', 'reject'] as const;
const anyText = (value: string) => value.length > 0;
const stateForm = oneOf(ASSET_STATES);

// A field of a raw JSON value, to tell null (a term that does not apply) from a missing field.
function rawField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Reads a proposal record through `reader`, opened on the JSON value `raw` with `LEGAL_PROPOSAL_FIELDS`. */
export function readLegalProposal(reader: RecordReader, raw: unknown): LegalProposal {
  const quorum = reader.record('quorum', ['consortiumBanks', 'requiredBanks']);
  return {
    proposalId: reader.string('proposalId', isLedgerId, PROPOSAL_ID_FORM),
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    action: reader.member('action', isLegalAction, oneOf(LEGAL_ACTIONS), 'cure'),
    from: reader.member('from', isAssetState, stateForm, 'TOKENIZED'),
    to: reader.member('to', isAssetState, stateForm, 'TOKENIZED'),
    reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    legalDocument: readDocumentReference(reader.record('legalDocument', DOCUMENT_REFERENCE_FIELDS)),
    remediationWindowDays: rawField(raw, 'remediationWindowDays') === null ? null : reader.integer('remediationWindowDays', 1, MAX_REMEDIATION_WINDOW_DAYS),
    cashSettlement: reader.nullableRecord('cashSettlement', CASH_SETTLEMENT_FIELDS, (inner) => {
      const settlement = readCashSettlement(inner);
      return { ...settlement, pricePerUnit: settlement.pricePerUnit.toString() };
    }),
    quorum: { consortiumBanks: quorum.integer('consortiumBanks', 1), requiredBanks: quorum.integer('requiredBanks', 1) },
    status: reader.member('status', memberOf(LEGAL_PROPOSAL_STATUSES), oneOf(LEGAL_PROPOSAL_STATUSES), 'PENDING'),
    proposedAt: readIsoInstant(reader, 'proposedAt'),
    proposedBy: readIdentityId(reader, 'proposedBy'),
    proposerMsp: readMspId(reader, 'proposerMsp'),
    proposedTxId: reader.string('proposedTxId', anyText, 'a transaction id'),
    votes: reader.records('votes', MAX_VOTES, VOTE_FIELDS, (inner) => ({
      decision: inner.member('decision', memberOf(DECISIONS), oneOf(DECISIONS), 'reject'),
      officerId: readIdentityId(inner, 'officerId'),
      officerMsp: readMspId(inner, 'officerMsp'),
      at: readIsoInstant(inner, 'at'),
      reason: readNullableReason(inner, 'reason'),
      txId: inner.string('txId', anyText, 'a transaction id'),
    })),
    closure: reader.nullableRecord('closure', CLOSURE_FIELDS, (inner) => ({
      status: inner.member('status', memberOf(FINAL_STATUSES), oneOf(FINAL_STATUSES), 'WITHDRAWN'),
      at: readIsoInstant(inner, 'at'),
      by: readIdentityId(inner, 'by'),
      byMsp: readMspId(inner, 'byMsp'),
      reason: readNullableReason(inner, 'reason'),
      txId: inner.string('txId', anyText, 'a transaction id'),
      transitionSeq: rawField(rawField(raw, 'closure'), 'transitionSeq') === null ? null : inner.integer('transitionSeq', 1),
    })),
  };
}

/** Validates a legal proposal record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseLegalProposal(value: unknown): LegalProposal {
  return readJsonValue(value, { code: 'RECORD_MALFORMED', name: 'legal proposal record', fields: LEGAL_PROPOSAL_FIELDS, read: (reader) => readLegalProposal(reader, value) });
}
