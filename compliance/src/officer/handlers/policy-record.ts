import { TrestleError } from '../../errors/trestle-error';
import type { JsonObject, JsonValue } from '../../json/json-value';
import { asObject } from '../../ledger-client/checked-records';

const FIELDS = ['assetId', 'version', 'policyHash', 'document', 'attachedAt', 'attachedBy'] as const;

/** A policy version record from AssetContract.GetPolicy, its fields checked; RECORD_MALFORMED otherwise. */
export function readPolicyRecord(raw: JsonValue): JsonObject {
  const record = asObject(raw, 'policy record');
  const document = record.document;
  if (FIELDS.some((field) => !Object.hasOwn(record, field)) || typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new TrestleError('RECORD_MALFORMED', 'The ledger answered with a policy record of an unexpected shape; tell the node operator.', { details: { what: 'policy record' } });
  }
  return record;
}
