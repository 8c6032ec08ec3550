import { isJurisdiction, JURISDICTION_FORM, type Jurisdiction } from '../policy/jurisdiction';
import type { RecordReader } from '../policy/record-reader';
import { readNamedDocuments, type NamedDocument } from './document-reference';
import { MAX_NAME_CHARS, MAX_REGISTRATION_NUMBER_CHARS, MAX_SPV_DOCUMENTS } from './ledger-limits';
import { readJsonDocument, readJsonValue, type JsonDocumentKind } from './read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readText } from './record-fields';

/**
 * A Special Purpose Vehicle as its administrator describes it: the legal entity that holds an
 * asset after the true sale. `documents` are its constitutional papers (articles, trust deed,
 * register extract) by hash and URI.
 */
export type SpvDocument = {
  readonly spvId: string;
  readonly legalName: string;
  readonly jurisdiction: Jurisdiction;
  readonly registrationNumber: string;
  readonly trustee: string;
  readonly documents: readonly NamedDocument[];
};

/** An SPV on the ledger: the document, the bank that administers it, and who changed it last. */
export type Spv = SpvDocument & {
  /** MSP id of the bank whose SPV administrator registered it; only that bank may change it. */
  readonly administeringBankMsp: string;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
};

const SPV_DOCUMENT_FIELDS = ['spvId', 'legalName', 'jurisdiction', 'registrationNumber', 'trustee', 'documents'] as const;
const SPV_FIELDS = [...SPV_DOCUMENT_FIELDS, 'administeringBankMsp', 'registeredAt', 'registeredBy', 'updatedAt', 'updatedBy'] as const;

function readSpvDocument(reader: RecordReader): SpvDocument {
  return {
    spvId: readLedgerId(reader, 'spvId', 'an SPV id'),
    legalName: readText(reader, 'legalName', 1, MAX_NAME_CHARS, 'a legal name'),
    jurisdiction: reader.member('jurisdiction', isJurisdiction, JURISDICTION_FORM, 'CH'),
    registrationNumber: readText(reader, 'registrationNumber', 1, MAX_REGISTRATION_NUMBER_CHARS, 'a registration number'),
    trustee: readText(reader, 'trustee', 1, MAX_NAME_CHARS, "the trustee's name"),
    documents: readNamedDocuments(reader, 'documents', MAX_SPV_DOCUMENTS),
  };
}

const SPV_DOCUMENT: JsonDocumentKind<SpvDocument> = { code: 'SPV_INVALID', name: 'SPV document', fields: SPV_DOCUMENT_FIELDS, read: readSpvDocument };

const SPV_RECORD: JsonDocumentKind<Spv> = {
  code: 'RECORD_MALFORMED',
  name: 'SPV record',
  fields: SPV_FIELDS,
  read: (reader) => ({
    ...readSpvDocument(reader),
    administeringBankMsp: readMspId(reader, 'administeringBankMsp'),
    registeredAt: readIsoInstant(reader, 'registeredAt'),
    registeredBy: readIdentityId(reader, 'registeredBy'),
    updatedAt: readIsoInstant(reader, 'updatedAt'),
    updatedBy: readIdentityId(reader, 'updatedBy'),
  }),
};

/** Validates the SPV document a client sends (JSON text); `SPV_INVALID` lists every problem. */
export function parseSpvDocument(text: unknown): SpvDocument {
  return readJsonDocument(text, SPV_DOCUMENT);
}

/** Validates an SPV record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseSpvRecord(value: unknown): Spv {
  return readJsonValue(value, SPV_RECORD);
}
