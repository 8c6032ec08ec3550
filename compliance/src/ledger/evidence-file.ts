import { isLedgerId, LEDGER_ID_FORM } from '../policy/ledger-id';
import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import { readJsonDocument, readJsonValue } from './read-json-document';
import { memberOf, readIdentityId, readIsoInstant, readMspId } from './record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/** What an evidence file is: a KYC file, a legal document, or anything else a bank keeps as evidence. */
export const EVIDENCE_KINDS = ['kyc', 'legal', 'other'] as const;

export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The largest file the registry accepts, in bytes (1 GiB): well past any scan, and a safe integer. */
export const MAX_EVIDENCE_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * The argument of `RegisterEvidence`: one sealed file of an investor, named by a plain id chosen by
 * the bank (such as "KYC-2026-1"). A file id names one content for good; a new file gets a new id.
 */
export type EvidenceFileEntry = {
  readonly investorId: string;
  readonly fileId: string;
  readonly kind: EvidenceKind;
  /** SHA-256 of the envelope's stored bytes: the name the bank's vault store keeps it under. */
  readonly contentHash: string;
  /**
   * SHA-256 of the plaintext, as the envelope carries it in clear: the data half of the Lit
   * identity, and what the access records name, so a record can be tied to its registered file.
   */
  readonly dataHash: string;
  /** Plaintext bytes. */
  readonly size: number;
};

/** A registered evidence file as the ledger keeps it; `registeredAt` is the transaction time. */
export type EvidenceFileRecord = EvidenceFileEntry & {
  /** The investor's bank when the file was registered: its officers and the regulator may read this. */
  readonly bankMsp: string;
  readonly registeredAt: string;
  /** The identity id of the compliance officer who registered it. */
  readonly registeredBy: string;
  readonly txId: string;
};

export const EVIDENCE_FILE_ENTRY_FIELDS = ['investorId', 'fileId', 'kind', 'contentHash', 'dataHash', 'size'] as const;
export const EVIDENCE_FILE_RECORD_FIELDS = [...EVIDENCE_FILE_ENTRY_FIELDS, 'bankMsp', 'registeredAt', 'registeredBy', 'txId'] as const;

const kindForm = oneOf(EVIDENCE_KINDS);

function readEntry(reader: RecordReader): EvidenceFileEntry {
  return {
    investorId: reader.string('investorId', isLedgerId, `an investor id of ${LEDGER_ID_FORM}`),
    fileId: reader.string('fileId', isLedgerId, `a file id of ${LEDGER_ID_FORM}`),
    kind: reader.member('kind', memberOf(EVIDENCE_KINDS), kindForm, 'other'),
    contentHash: reader.string('contentHash', isSha256Hex, SHA256_HEX_FORM),
    dataHash: reader.string('dataHash', isSha256Hex, SHA256_HEX_FORM),
    size: reader.integer('size', 1, MAX_EVIDENCE_FILE_BYTES),
  };
}

/** Reads the `evidenceJson` argument of `RegisterEvidence`: `EVIDENCE_INVALID` listing every problem. */
export function parseEvidenceFileEntry(text: unknown): EvidenceFileEntry {
  return readJsonDocument(text, { code: 'EVIDENCE_INVALID', name: 'evidence file entry', fields: EVIDENCE_FILE_ENTRY_FIELDS, read: readEntry });
}

/** Validates a registered file read from the ledger (or a ledger answer); `RECORD_MALFORMED` when it is not one. */
export function parseEvidenceFileRecord(value: unknown): EvidenceFileRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'evidence file record',
    fields: EVIDENCE_FILE_RECORD_FIELDS,
    read: (reader) => ({
      ...readEntry(reader),
      bankMsp: readMspId(reader, 'bankMsp'),
      registeredAt: readIsoInstant(reader, 'registeredAt'),
      registeredBy: readIdentityId(reader, 'registeredBy'),
      txId: reader.string('txId', (text) => text.length > 0, 'a transaction id'),
    }),
  });
}

/** Whether two entries name the same content: re-registering exactly this is a no-op, anything else a conflict. */
export function sameEvidenceFile(record: EvidenceFileEntry, entry: EvidenceFileEntry): boolean {
  return record.kind === entry.kind && record.contentHash === entry.contentHash && record.dataHash === entry.dataHash && record.size === entry.size;
}
