import { TrestleError } from '../errors/trestle-error';
import { isJurisdiction, JURISDICTION_FORM, type Jurisdiction } from '../policy/jurisdiction';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { isPlainText } from '../rules/plain-text';
import { oneOf } from '../rules/read-investor';
import { CALENDAR_DATE_FORM, isCalendarDate } from './calendar-date';
import { MAX_NAME_CHARS, MAX_PII_BYTES } from './ledger-limits';
import { readJsonDocument } from './read-json-document';
import { readText } from './record-fields';

/** The transient-map key under which a client sends an investor's PII (never as an argument). */
export const PII_TRANSIENT_KEY = 'pii';

/** Kinds of identity document a bank may have checked. */
export const IDENTITY_DOCUMENT_TYPES = ['passport', 'national-id', 'residence-permit', 'driving-licence', 'company-register-extract', 'other'] as const;

export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/**
 * An investor's personal data, kept only in the onboarding bank's implicit private collection.
 * `salt` is random from the client (chaincode has no randomness): without it, the hash on the
 * shared ledger could be matched against guessed names and birth dates.
 */
export type InvestorPii = {
  readonly fullName: string;
  /** Null for a legal person. */
  readonly birthDate: string | null;
  readonly address: { readonly lines: readonly string[]; readonly postalCode: string; readonly city: string; readonly country: Jurisdiction };
  readonly documents: readonly { readonly type: IdentityDocumentType; readonly reference: string; readonly issuingCountry: Jurisdiction }[];
  /** 32 to 128 lower-case hex digits (at least 128 random bits). */
  readonly salt: string;
};

const MAX_ADDRESS_LINES = 4;
const MAX_IDENTITY_DOCUMENTS = 8;
const SALT = /^[0-9a-f]{32,128}$/;

function readPii(reader: RecordReader): InvestorPii {
  return {
    fullName: readText(reader, 'fullName', 1, MAX_NAME_CHARS, 'a full name'),
    birthDate: reader.nullableString('birthDate', isCalendarDate, CALENDAR_DATE_FORM),
    address: readAddress(reader.record('address', ['lines', 'postalCode', 'city', 'country'])),
    documents: reader.records('documents', MAX_IDENTITY_DOCUMENTS, ['type', 'reference', 'issuingCountry'], (document) => ({
      type: document.member('type', isIdentityDocumentType, oneOf(IDENTITY_DOCUMENT_TYPES), 'other'),
      reference: readText(document, 'reference', 1, 128, 'a document reference'),
      issuingCountry: document.member('issuingCountry', isJurisdiction, JURISDICTION_FORM, 'CH'),
    })),
    salt: reader.string('salt', (value) => SALT.test(value), 'a random salt of 32 to 128 lower-case hex digits'),
  };
}

function readAddress(reader: RecordReader): InvestorPii['address'] {
  return {
    lines: readLines(reader),
    postalCode: readText(reader, 'postalCode', 0, 32, 'a postal code'),
    city: readText(reader, 'city', 1, 100, 'a city'),
    country: reader.member('country', isJurisdiction, JURISDICTION_FORM, 'CH'),
  };
}

function readLines(reader: RecordReader): string[] {
  const path = childPath(reader.path, 'lines');
  const lines = reader.array('lines', MAX_ADDRESS_LINES);
  if (lines.length === 0 && !reader.problems.touches(path)) reader.problems.add(path, 'must list at least one line');
  return lines.map((line, index) => {
    if (typeof line === 'string' && isPlainText(line, 1, MAX_NAME_CHARS)) return line;
    reader.problems.add(childPath(path, index), `must be an address line of 1 to ${MAX_NAME_CHARS} characters without control characters`);
    return '';
  });
}

function isIdentityDocumentType(value: unknown): value is IdentityDocumentType {
  return (IDENTITY_DOCUMENT_TYPES as readonly unknown[]).includes(value);
}

/**
 * Validates the PII bytes from the transient map: `INVESTOR_PII_MISSING` when absent,
 * `INVESTOR_PII_INVALID` listing every problem (by path only: no value is ever echoed).
 */
export function parseInvestorPii(bytes: Uint8Array | undefined): InvestorPii {
  if (bytes === undefined || bytes.length === 0) {
    throw new TrestleError('INVESTOR_PII_MISSING', `The investor's personal data is missing; send it as JSON in the transient map under the key "${PII_TRANSIENT_KEY}", never as an argument.`);
  }
  const invalid = (problem: string) =>
    new TrestleError('INVESTOR_PII_INVALID', 'The investor PII has 1 problem; fix each one listed in the details and send it again.', { details: { problems: [{ path: '', problem }] } });
  if (bytes.length > MAX_PII_BYTES) throw invalid(`is ${bytes.length} bytes long; at most ${MAX_PII_BYTES} are accepted`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid('is not UTF-8 text');
  }
  return readJsonDocument(text, { code: 'INVESTOR_PII_INVALID', name: 'investor PII', fields: ['fullName', 'birthDate', 'address', 'documents', 'salt'], read: readPii });
}
