import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { isAssetState, ASSET_STATES, type AssetState } from './asset-state';
import { DOCUMENT_REFERENCE_FIELDS, readDocumentReference, type DocumentReference } from './document-reference';
import { MAX_DECIMALS, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS } from './ledger-limits';
import { readRemediationWindow, REMEDIATION_WINDOW_FIELDS, type RemediationWindow } from './legal-transition';
import { readJsonDocument, readJsonValue, type JsonDocumentKind } from './read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readText } from './record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/** What kind of real-world asset an SPV holds. */
export const ASSET_CLASSES = ['real-estate', 'treasury-bill', 'receivables', 'other'] as const;

export type AssetClass = (typeof ASSET_CLASSES)[number];

/** An asset as the SPV's administrator creates it. */
export type AssetDocument = {
  readonly assetId: string;
  readonly spvId: string;
  readonly name: string;
  readonly assetClass: AssetClass;
  /** May be empty. */
  readonly description: string;
};

/** The two papers that make a true sale: the deed transferring the asset and counsel's opinion on it. */
export type LegalDocuments = { readonly trueSaleDeed: DocumentReference; readonly legalOpinion: DocumentReference };

/** The legal documents as recorded, with who recorded them and when. */
export type LegalDocumentsRecord = LegalDocuments & { readonly recordedAt: string; readonly recordedBy: string };

/** The compliance sign-off that moved the asset to APPROVED. */
export type AssetApproval = {
  readonly approvedAt: string;
  readonly approvedBy: string;
  readonly approverMsp: string;
  /** The valuation that was current when the officer approved. */
  readonly valuationSeq: number;
};

/** What tokenization fixed: the supply, its decimals and the policy it was issued under. */
export type AssetTokenization = {
  /** Total units in base units, as a decimal string; never changes until redemption. */
  readonly units: string;
  readonly decimals: number;
  readonly holderCount: number;
  readonly policyVersion: number;
  readonly policyHash: string;
  readonly valuationSeq: number;
  readonly tokenizedAt: string;
  readonly tokenizedBy: string;
};

/** An asset on the ledger. Steps not taken yet are null, so every record has every field. */
export type Asset = AssetDocument & {
  /** The SPV's administering bank, copied at creation: it is the "requester" of everything after. */
  readonly administeringBankMsp: string;
  readonly state: AssetState;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly legalDocuments: LegalDocumentsRecord | null;
  /** Valuations recorded so far; the next one gets this number plus one. */
  readonly valuationCount: number;
  readonly approval: AssetApproval | null;
  readonly tokenization: AssetTokenization | null;
  /** Legal transitions recorded so far (start-remediation, cure, write-off, redeem); the next gets this number plus one. */
  readonly legalTransitionCount: number;
  /** The latest remediation window, kept after a cure or write-off; the asset is in it only while REMEDIATION. */
  readonly remediation: RemediationWindow | null;
};

const ASSET_DOCUMENT_FIELDS = ['assetId', 'spvId', 'name', 'assetClass', 'description'] as const;
const LEGAL_DOCUMENTS_FIELDS = ['trueSaleDeed', 'legalOpinion'] as const;
const ASSET_FIELDS = [
  ...ASSET_DOCUMENT_FIELDS,
  'administeringBankMsp',
  'state',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'legalDocuments',
  'valuationCount',
  'approval',
  'tokenization',
  'legalTransitionCount',
  'remediation',
] as const;
const TOKENIZATION_FIELDS = ['units', 'decimals', 'holderCount', 'policyVersion', 'policyHash', 'valuationSeq', 'tokenizedAt', 'tokenizedBy'] as const;

function readAssetDocument(reader: RecordReader): AssetDocument {
  return {
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    spvId: readLedgerId(reader, 'spvId', 'an SPV id'),
    name: readText(reader, 'name', 1, MAX_NAME_CHARS, 'a name'),
    assetClass: reader.member('assetClass', isAssetClass, `one of ${ASSET_CLASSES.map((value) => `"${value}"`).join(', ')}`, 'other'),
    description: readText(reader, 'description', 0, MAX_DESCRIPTION_CHARS, 'a description'),
  };
}

function readLegalDocuments(reader: RecordReader): LegalDocuments {
  const documents = {
    trueSaleDeed: readDocumentReference(reader.record('trueSaleDeed', DOCUMENT_REFERENCE_FIELDS)),
    legalOpinion: readDocumentReference(reader.record('legalOpinion', DOCUMENT_REFERENCE_FIELDS)),
  };
  // One file cannot be both papers; the same hash twice is a copy-paste slip.
  if (documents.trueSaleDeed.sha256 !== '' && documents.trueSaleDeed.sha256 === documents.legalOpinion.sha256) {
    reader.problems.add(childPath(childPath(reader.path, 'legalOpinion'), 'sha256'), 'is the hash of the true-sale deed; the legal opinion is a separate document');
  }
  return documents;
}

function readAsset(reader: RecordReader): Asset {
  return {
    ...readAssetDocument(reader),
    administeringBankMsp: readMspId(reader, 'administeringBankMsp'),
    state: reader.member('state', isAssetState, `one of ${ASSET_STATES.join(', ')}`, 'DRAFT'),
    createdAt: readIsoInstant(reader, 'createdAt'),
    createdBy: readIdentityId(reader, 'createdBy'),
    updatedAt: readIsoInstant(reader, 'updatedAt'),
    updatedBy: readIdentityId(reader, 'updatedBy'),
    legalDocuments: reader.nullableRecord('legalDocuments', [...LEGAL_DOCUMENTS_FIELDS, 'recordedAt', 'recordedBy'], (inner) => ({
      ...readLegalDocuments(inner),
      recordedAt: readIsoInstant(inner, 'recordedAt'),
      recordedBy: readIdentityId(inner, 'recordedBy'),
    })),
    valuationCount: reader.integer('valuationCount', 0),
    approval: reader.nullableRecord('approval', ['approvedAt', 'approvedBy', 'approverMsp', 'valuationSeq'], (inner) => ({
      approvedAt: readIsoInstant(inner, 'approvedAt'),
      approvedBy: readIdentityId(inner, 'approvedBy'),
      approverMsp: readMspId(inner, 'approverMsp'),
      valuationSeq: inner.integer('valuationSeq', 1),
    })),
    tokenization: reader.nullableRecord('tokenization', TOKENIZATION_FIELDS, readTokenization),
    legalTransitionCount: reader.integer('legalTransitionCount', 0),
    remediation: reader.nullableRecord('remediation', REMEDIATION_WINDOW_FIELDS, readRemediationWindow),
  };
}

function readTokenization(reader: RecordReader): AssetTokenization {
  return {
    units: reader.amount('units', true).toString(),
    decimals: reader.integer('decimals', 0, MAX_DECIMALS),
    holderCount: reader.integer('holderCount', 1),
    policyVersion: reader.integer('policyVersion', 1),
    policyHash: reader.string('policyHash', isSha256Hex, SHA256_HEX_FORM),
    valuationSeq: reader.integer('valuationSeq', 1),
    tokenizedAt: readIsoInstant(reader, 'tokenizedAt'),
    tokenizedBy: readIdentityId(reader, 'tokenizedBy'),
  };
}

const ASSET_DOCUMENT: JsonDocumentKind<AssetDocument> = { code: 'ASSET_INVALID', name: 'asset document', fields: ASSET_DOCUMENT_FIELDS, read: readAssetDocument };
const LEGAL_DOCUMENTS: JsonDocumentKind<LegalDocuments> = { code: 'LEGAL_DOCUMENTS_INVALID', name: 'legal documents', fields: LEGAL_DOCUMENTS_FIELDS, read: readLegalDocuments };
const ASSET_RECORD: JsonDocumentKind<Asset> = { code: 'RECORD_MALFORMED', name: 'asset record', fields: ASSET_FIELDS, read: readAsset };

/** Whether `value` is one of `ASSET_CLASSES`. */
export function isAssetClass(value: unknown): value is AssetClass {
  return (ASSET_CLASSES as readonly unknown[]).includes(value);
}

/** Validates the asset document a client sends (JSON text); `ASSET_INVALID` lists every problem. */
export function parseAssetDocument(text: unknown): AssetDocument {
  return readJsonDocument(text, ASSET_DOCUMENT);
}

/** Validates the legal documents a client sends (JSON text); `LEGAL_DOCUMENTS_INVALID` lists every problem. */
export function parseLegalDocuments(text: unknown): LegalDocuments {
  return readJsonDocument(text, LEGAL_DOCUMENTS);
}

/** Validates an asset record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseAssetRecord(value: unknown): Asset {
  return readJsonValue(value, ASSET_RECORD);
}
