import { readPolicy } from '../policy/parse-policy';
import { POLICY_FIELDS, policyToDocument, type PolicyDocument } from '../policy/policy';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';
import { readJsonValue } from './read-json-document';
import { memberOf, readIdentityId, readIsoInstant, readLedgerId, readMspId, readNullableReason } from './record-fields';
import { oneOf } from '../rules/read-investor';

/** Where a policy change stands: PROPOSED waits for an officer of another bank; the others are final. */
export const POLICY_CHANGE_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;

export type PolicyChangeStatus = (typeof POLICY_CHANGE_STATUSES)[number];

/** How a proposal was decided: who (identity and bank), when, why. */
export type PolicyChangeDecision = { readonly by: string; readonly byMsp: string; readonly at: string; readonly reason: string | null };

/**
 * A proposed new version of an asset's policy, kept whatever becomes of it. `seq` numbers the
 * asset's proposals (a rejected version number is proposed again under a new seq); `changedFields`
 * is what `checkPolicyChange` found different from the version in force when proposed.
 */
export type PolicyChangeProposal = {
  readonly assetId: string;
  readonly seq: number;
  readonly version: number;
  readonly policyHash: string;
  readonly document: PolicyDocument;
  readonly fromVersion: number;
  readonly fromPolicyHash: string;
  readonly changedFields: readonly string[];
  readonly proposedBy: string;
  readonly proposedByMsp: string;
  readonly proposedAt: string;
  readonly status: PolicyChangeStatus;
  readonly decision: PolicyChangeDecision | null;
};

const FIELDS = [
  'assetId',
  'seq',
  'version',
  'policyHash',
  'document',
  'fromVersion',
  'fromPolicyHash',
  'changedFields',
  'proposedBy',
  'proposedByMsp',
  'proposedAt',
  'status',
  'decision',
] as const;

const isPolicyField = memberOf(POLICY_FIELDS.filter((field) => field !== 'version'));

/** Validates a policy change proposal read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parsePolicyChangeProposal(value: unknown): PolicyChangeProposal {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'policy change proposal',
    fields: FIELDS,
    read: (reader) => ({
      assetId: readLedgerId(reader, 'assetId', 'an asset id'),
      seq: reader.integer('seq', 1),
      version: reader.integer('version', 2),
      policyHash: reader.string('policyHash', isSha256Hex, SHA256_HEX_FORM),
      document: policyToDocument(readPolicy(reader.record('document', POLICY_FIELDS))),
      fromVersion: reader.integer('fromVersion', 1),
      fromPolicyHash: reader.string('fromPolicyHash', isSha256Hex, SHA256_HEX_FORM),
      changedFields: reader.array('changedFields', POLICY_FIELDS.length).filter(isPolicyField),
      proposedBy: readIdentityId(reader, 'proposedBy'),
      proposedByMsp: readMspId(reader, 'proposedByMsp'),
      proposedAt: readIsoInstant(reader, 'proposedAt'),
      status: reader.member('status', memberOf(POLICY_CHANGE_STATUSES), oneOf(POLICY_CHANGE_STATUSES), 'PROPOSED'),
      decision: reader.nullableRecord('decision', ['by', 'byMsp', 'at', 'reason'], (inner) => ({
        by: readIdentityId(inner, 'by'),
        byMsp: readMspId(inner, 'byMsp'),
        at: readIsoInstant(inner, 'at'),
        reason: readNullableReason(inner, 'reason'),
      })),
    }),
  });
}
