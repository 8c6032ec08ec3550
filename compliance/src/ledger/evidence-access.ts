import { isMspId } from '../identity/identity-id';
import { isLedgerId, LEDGER_ID_FORM } from '../policy/ledger-id';
import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import { isRole, ROLES, type Role } from '../roles/roles';
import { parseAccessConditions, VAULT_NAME, type AccessConditions } from '../vault/conditions/access-conditions';
import { MAX_REASON_CHARS } from './ledger-limits';
import { readJsonDocument, readJsonValue } from './read-json-document';
import { memberOf, readIdentityId, readIsoInstant, readMspId, readText } from './record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/** What a share service decided about one attempt to open one evidence file. */
export const EVIDENCE_OUTCOMES = ['granted', 'refused'] as const;

export type EvidenceOutcome = (typeof EVIDENCE_OUTCOMES)[number];

/** Who asked: the person a share service authenticated, in the role they act in. */
export type EvidenceRequester = { readonly identityId: string; readonly mspId: string; readonly role: Role };

/**
 * The argument of `RecordEvidenceAccess`: one attempt as a share service saw it. The conditions
 * travel whole (not just their hash) so the chaincode can judge a grant by the same rule.
 */
export type EvidenceAccessEntry = {
  readonly conditions: AccessConditions;
  readonly dataHash: string;
  readonly requester: EvidenceRequester;
  readonly outcome: EvidenceOutcome;
  readonly reason: string;
  /** The x-coordinate of the key share the answering service holds (1 to 255). */
  readonly shareIndex: number;
};

/** One line of "who opened which file when" on the ledger; `at` is the transaction time. */
export type EvidenceAccessRecord = {
  readonly txId: string;
  readonly at: string;
  /** The bank whose share service answered, and that service's identity. */
  readonly answeringMsp: string;
  readonly answeredBy: string;
  readonly shareIndex: number;
  readonly requester: EvidenceRequester;
  readonly fileId: string;
  readonly investorId: string;
  /** The investor's bank as the file's conditions name it: its officers may read this record. */
  readonly bankMsp: string;
  readonly conditionsHash: string;
  readonly dataHash: string;
  readonly outcome: EvidenceOutcome;
  readonly reason: string;
};

/** The largest share index Lit's share encoding can carry (one byte). */
export const MAX_SHARE_INDEX = 255;

export const EVIDENCE_ACCESS_ENTRY_FIELDS = ['conditions', 'dataHash', 'requester', 'outcome', 'reason', 'shareIndex'] as const;
const CONDITION_FIELDS = ['vault', 'fileId', 'investorId', 'bankMsp', 'allowedRoles'] as const;
const REQUESTER_FIELDS = ['identityId', 'mspId', 'role'] as const;
export const EVIDENCE_ACCESS_RECORD_FIELDS = [
  'txId',
  'at',
  'answeringMsp',
  'answeredBy',
  'shareIndex',
  'requester',
  'fileId',
  'investorId',
  'bankMsp',
  'conditionsHash',
  'dataHash',
  'outcome',
  'reason',
] as const;

const roleForm = oneOf(ROLES);
const outcomeForm = oneOf(EVIDENCE_OUTCOMES);

function readRequester(reader: RecordReader): EvidenceRequester {
  const inner = reader.record('requester', REQUESTER_FIELDS);
  return { identityId: readIdentityId(inner, 'identityId'), mspId: readMspId(inner, 'mspId'), role: inner.member('role', isRole, roleForm, 'regulator') };
}

function readEntry(reader: RecordReader): EvidenceAccessEntry {
  const conditions = reader.record('conditions', CONDITION_FIELDS);
  return {
    conditions: {
      vault: conditions.member('vault', (value): value is typeof VAULT_NAME => value === VAULT_NAME, `"${VAULT_NAME}"`, VAULT_NAME),
      fileId: conditions.string('fileId', isLedgerId, `a file id of ${LEDGER_ID_FORM}`),
      investorId: conditions.string('investorId', isLedgerId, `an investor id of ${LEDGER_ID_FORM}`),
      bankMsp: conditions.string('bankMsp', isMspId, 'an MSP id such as "BankAMSP"'),
      allowedRoles: conditions.set('allowedRoles', isRole, roleForm, 1),
    },
    dataHash: reader.string('dataHash', isSha256Hex, SHA256_HEX_FORM),
    requester: readRequester(reader),
    outcome: reader.member('outcome', memberOf(EVIDENCE_OUTCOMES), outcomeForm, 'refused'),
    reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    shareIndex: reader.integer('shareIndex', 1, MAX_SHARE_INDEX),
  };
}

/**
 * Reads the `entryJson` argument: `EVIDENCE_ACCESS_INVALID` listing every problem; the conditions
 * come back normalised (roles sorted) so their hash is the one the file was sealed to.
 */
export function parseEvidenceAccessEntry(text: unknown): EvidenceAccessEntry {
  const entry = readJsonDocument(text, { code: 'EVIDENCE_ACCESS_INVALID', name: 'evidence access entry', fields: EVIDENCE_ACCESS_ENTRY_FIELDS, read: readEntry });
  return { ...entry, conditions: parseAccessConditions(entry.conditions) };
}

/** Validates an access record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseEvidenceAccessRecord(value: unknown): EvidenceAccessRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'evidence access record',
    fields: EVIDENCE_ACCESS_RECORD_FIELDS,
    read: (reader) => ({
      txId: reader.string('txId', (text) => text.length > 0, 'a transaction id'),
      at: readIsoInstant(reader, 'at'),
      answeringMsp: readMspId(reader, 'answeringMsp'),
      answeredBy: readIdentityId(reader, 'answeredBy'),
      shareIndex: reader.integer('shareIndex', 1, MAX_SHARE_INDEX),
      requester: readRequester(reader),
      fileId: reader.string('fileId', isLedgerId, `a file id of ${LEDGER_ID_FORM}`),
      investorId: reader.string('investorId', isLedgerId, `an investor id of ${LEDGER_ID_FORM}`),
      bankMsp: readMspId(reader, 'bankMsp'),
      conditionsHash: reader.string('conditionsHash', isSha256Hex, SHA256_HEX_FORM),
      dataHash: reader.string('dataHash', isSha256Hex, SHA256_HEX_FORM),
      outcome: reader.member('outcome', memberOf(EVIDENCE_OUTCOMES), outcomeForm, 'refused'),
      reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    }),
  });
}
