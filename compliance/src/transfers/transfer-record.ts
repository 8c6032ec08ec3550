import type { JsonObject } from '../json/json-value';
import { MAX_REASON_CHARS } from '../ledger/ledger-limits';
import { readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readUnixSeconds } from '../ledger/record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from '../ledger/sha256-hex';
import { isEvmAddressForm, parseUint256 } from '../ledger/wallet-binding';
import { childPath, type ProblemList } from '../policy/problem-list';
import { RecordReader } from '../policy/record-reader';
import { isPlainText } from '../rules/plain-text';
import type { ApprovalsRequired } from '../rules/approvals-required';
import { REASON_CODES, type ReasonCode } from '../rules/reason-code';
import { RULE_IDS, type RuleId } from '../rules/rule-id';
import type { RuleVerdict } from '../rules/rule-verdict';
import { isIn, oneOf } from '../rules/read-investor';

/**
 * Where a transfer stands. PENDING waits for approvals; BLOCKED was pending when a sanctions hit on
 * a party stopped it, and can then only be rejected, cancelled or expired; the others are final:
 * SETTLED moved the units, FAILED_AT_SETTLEMENT had every approval but failed the rules at settlement.
 */
export const TRANSFER_STATUSES = ['PENDING', 'BLOCKED', 'SETTLED', 'FAILED_AT_SETTLEMENT', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const;

export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Seconds a transfer may wait for its approvals; after that anyone may expire it. */
export const TRANSFER_TTL_SECONDS = 7 * 86_400;

/** One officer's approval. */
export type TransferApproval = { readonly officerId: string; readonly officerMsp: string; readonly approvedAt: string; readonly reason: string | null };

/** How the request or a closing step was decided: who, when and why. */
export type TransferClosure = { readonly status: Exclude<TransferStatus, 'PENDING' | 'BLOCKED'>; readonly at: string; readonly by: string; readonly byMsp: string; readonly reason: string | null };

/**
 * Why an open request (a transfer, a bridge-out) was BLOCKED: a sanctions hit on a party, recorded
 * by that party's bank's officer (`by`, `byMsp`) at `at`, on the screening of list `listVersion`.
 */
export type RequestBlock = { readonly at: string; readonly by: string; readonly byMsp: string; readonly investorId: string; readonly listVersion: string; readonly reason: string };

/** A transfer on the ledger. No personal data: travel-rule data is kept as its hash. */
export type TransferRecord = {
  readonly transferId: string;
  readonly assetId: string;
  readonly fromInvestorId: string;
  readonly toInvestorId: string;
  readonly senderBankMsp: string;
  readonly receiverBankMsp: string;
  /** Base units, decimal string. */
  readonly amount: string;
  readonly status: TransferStatus;
  readonly policyVersion: number;
  readonly approvalsRequired: ApprovalsRequired;
  readonly approvals: readonly TransferApproval[];
  /** Every rule's verdict at the request (all passed, or the request would have been refused). */
  readonly requestVerdicts: readonly RuleVerdict[];
  /** Every rule's verdict at settlement, once all approvals were in; null before. */
  readonly settlementVerdicts: readonly RuleVerdict[] | null;
  /** SHA-256 of the travel-rule data's sorted JSON, and which of its fields were filled; null when none came. */
  readonly travelRule: { readonly sha256: string; readonly given: readonly string[] } | null;
  /** The bound wallet that signed the request, if one did. */
  readonly signedBy: { readonly address: string; readonly chainId: string } | null;
  readonly requestedAt: string;
  /** Unix seconds of the request, from which the time to live runs. */
  readonly requestedAtSeconds: number;
  readonly expiresAtSeconds: number;
  readonly requestedBy: string;
  readonly requesterMsp: string;
  readonly closure: TransferClosure | null;
  /** Set when a sanctions hit on a party blocked the transfer while it was pending; null otherwise. */
  readonly blocked: RequestBlock | null;
};

/** The travel-rule fields a request can fill, as `travelRule.given` names them. */
export const TRAVEL_RULE_FIELDS = ['beneficiary.accountRef', 'beneficiary.name', 'originator.accountRef', 'originator.name'] as const;

// An approval per officer; more than a handful means something is wrong.
const MAX_APPROVALS = 16;
const APPROVAL_FIELDS = ['officerId', 'officerMsp', 'approvedAt', 'reason'] as const;
const CLOSURE_FIELDS = ['status', 'at', 'by', 'byMsp', 'reason'] as const;
const VERDICT_FIELDS = ['rule', 'passed', 'reason', 'sentence', 'details'] as const;
const TRANSFER_FIELDS = [
  'transferId',
  'assetId',
  'fromInvestorId',
  'toInvestorId',
  'senderBankMsp',
  'receiverBankMsp',
  'amount',
  'status',
  'policyVersion',
  'approvalsRequired',
  'approvals',
  'requestVerdicts',
  'settlementVerdicts',
  'travelRule',
  'signedBy',
  'requestedAt',
  'requestedAtSeconds',
  'expiresAtSeconds',
  'requestedBy',
  'requesterMsp',
  'closure',
  'blocked',
] as const;

const FINAL_STATUSES = TRANSFER_STATUSES.filter((status): status is TransferClosure['status'] => status !== 'PENDING' && status !== 'BLOCKED');
const BLOCK_FIELDS = ['at', 'by', 'byMsp', 'investorId', 'listVersion', 'reason'] as const;
const TRANSFER_ID = /^[!-~]{1,128}$/;

/** Whether `value` can be a transfer id: 1 to 128 printable ASCII characters without spaces. */
export function isTransferId(value: string): boolean {
  return TRANSFER_ID.test(value);
}

/** An optional reason: null, or 1 to MAX_REASON_CHARS characters of text. */
export function readReason(reader: RecordReader, key: string): string | null {
  return reader.nullableString(key, (value) => isPlainText(value, 1, MAX_REASON_CHARS), `1 to ${MAX_REASON_CHARS} characters of text`);
}

/** Reads a list of rule verdicts found at `path` of a raw record; problems go to `problems`. */
// Verdicts are read from the raw value: their details are the rules engine's own JSON, kept as they are.
export function readVerdicts(raw: unknown, path: string, problems: ProblemList): RuleVerdict[] {
  if (!Array.isArray(raw) || raw.length > RULE_IDS.length) {
    problems.add(path, `must be an array of at most ${RULE_IDS.length} rule verdicts`);
    return [];
  }
  return raw.map((item: unknown, index) => {
    const itemPath = childPath(path, index);
    const reader = RecordReader.open(item, itemPath, VERDICT_FIELDS, problems);
    const details = isPlainObject(item) ? item.details : undefined;
    if (!isPlainObject(details)) problems.add(childPath(itemPath, 'details'), 'must be a JSON object');
    return {
      rule: reader.member<RuleId>('rule', isIn(RULE_IDS), oneOf(RULE_IDS), 'amount-positive'),
      passed: reader.boolean('passed'),
      reason: reader.member<ReasonCode>('reason', isIn(REASON_CODES), 'a reason code', 'OK'),
      sentence: reader.string('sentence', (value) => value.length > 0, 'a sentence'),
      details: (isPlainObject(details) ? details : {}) as JsonObject,
    };
  });
}

/** How a record (a transfer, a bridge-out) was closed, as `closure` holds it; null while open. */
export function readClosure<S extends string>(reader: RecordReader, statuses: readonly S[]): { status: S; at: string; by: string; byMsp: string; reason: string | null } | null {
  return reader.nullableRecord('closure', CLOSURE_FIELDS, (inner) => ({
    status: inner.member('status', isIn(statuses), oneOf(statuses), statuses[0] as S),
    at: readIsoInstant(inner, 'at'),
    by: readIdentityId(inner, 'by'),
    byMsp: readMspId(inner, 'byMsp'),
    reason: readReason(inner, 'reason'),
  }));
}

/**
 * Why a record (a transfer, a bridge-out) was blocked, as `blocked` holds it; null while not
 * blocked. Records written before blocking existed have no such field and read as null.
 */
export function readBlock(reader: RecordReader): RequestBlock | null {
  if (!reader.has('blocked')) return null;
  return reader.nullableRecord('blocked', BLOCK_FIELDS, (inner) => ({
    at: readIsoInstant(inner, 'at'),
    by: readIdentityId(inner, 'by'),
    byMsp: readMspId(inner, 'byMsp'),
    investorId: readLedgerId(inner, 'investorId', 'an investor id'),
    listVersion: inner.string('listVersion', (value) => isPlainText(value, 1, 128), 'a list version label of 1 to 128 characters'),
    reason: inner.string('reason', (value) => isPlainText(value, 1, MAX_REASON_CHARS), `1 to ${MAX_REASON_CHARS} characters of text`),
  }));
}

/** The approvals a record (a transfer, a bridge-out) needs, as `approvalsRequired` holds them. */
export function readApprovalsRequired(reader: RecordReader): ApprovalsRequired {
  const required = reader.record('approvalsRequired', ['senderBankOfficers', 'receiverBankOfficers', 'distinctOfficers']);
  return {
    senderBankOfficers: required.member('senderBankOfficers', (value): value is 1 => value === 1, '1', 1),
    receiverBankOfficers: required.member('receiverBankOfficers', (value): value is 1 => value === 1, '1', 1),
    distinctOfficers: required.member('distinctOfficers', (value): value is 1 | 2 => value === 1 || value === 2, '1 or 2', 1),
  };
}

/** The officers' approvals of a record (a transfer, a bridge-out), as `approvals` holds them. */
export function readApprovals(reader: RecordReader): TransferApproval[] {
  return reader.records('approvals', MAX_APPROVALS, APPROVAL_FIELDS, (inner) => ({
    officerId: readIdentityId(inner, 'officerId'),
    officerMsp: readMspId(inner, 'officerMsp'),
    approvedAt: readIsoInstant(inner, 'approvedAt'),
    reason: readReason(inner, 'reason'),
  }));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readTransfer(reader: RecordReader, raw: Record<string, unknown>): TransferRecord {
  return {
    transferId: reader.string('transferId', isTransferId, 'a transfer id'),
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    fromInvestorId: readLedgerId(reader, 'fromInvestorId', 'an investor id'),
    toInvestorId: readLedgerId(reader, 'toInvestorId', 'an investor id'),
    senderBankMsp: readMspId(reader, 'senderBankMsp'),
    receiverBankMsp: readMspId(reader, 'receiverBankMsp'),
    amount: reader.amount('amount', true).toString(),
    status: reader.member('status', isIn(TRANSFER_STATUSES), oneOf(TRANSFER_STATUSES), 'PENDING'),
    policyVersion: reader.integer('policyVersion', 1),
    approvalsRequired: readApprovalsRequired(reader),
    approvals: readApprovals(reader),
    requestVerdicts: readVerdicts(raw.requestVerdicts, 'requestVerdicts', reader.problems),
    settlementVerdicts: raw.settlementVerdicts === null ? null : readVerdicts(raw.settlementVerdicts, 'settlementVerdicts', reader.problems),
    travelRule: reader.nullableRecord('travelRule', ['sha256', 'given'], (inner) => ({
      sha256: inner.string('sha256', isSha256Hex, SHA256_HEX_FORM),
      given: inner.set('given', isIn(TRAVEL_RULE_FIELDS), oneOf(TRAVEL_RULE_FIELDS), 0),
    })),
    signedBy: reader.nullableRecord('signedBy', ['address', 'chainId'], (inner) => ({
      address: inner.string('address', isEvmAddressForm, 'an EVM address'),
      chainId: inner.string('chainId', (value) => parseUint256(value) !== undefined, 'a chain id'),
    })),
    requestedAt: readIsoInstant(reader, 'requestedAt'),
    requestedAtSeconds: readUnixSeconds(reader, 'requestedAtSeconds'),
    expiresAtSeconds: reader.integer('expiresAtSeconds', 0),
    requestedBy: readIdentityId(reader, 'requestedBy'),
    requesterMsp: readMspId(reader, 'requesterMsp'),
    closure: readClosure(reader, FINAL_STATUSES),
    blocked: readBlock(reader),
  };
}

/** Validates a transfer record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseTransferRecord(value: unknown): TransferRecord {
  // readJsonValue calls `read` only for an object, so the cast holds.
  return readJsonValue(value, { code: 'RECORD_MALFORMED', name: 'transfer record', fields: TRANSFER_FIELDS, read: (reader) => readTransfer(reader, value as Record<string, unknown>) });
}
