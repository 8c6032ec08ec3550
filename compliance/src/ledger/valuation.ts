import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { calendarDateStart, CALENDAR_DATE_FORM, isCalendarDate } from './calendar-date';
import { CURRENCY_FORM, isCurrency, type Currency } from './currency';
import { isDocumentUri } from './document-reference';
import { MAX_METHOD_CHARS } from './ledger-limits';
import { readJsonDocument, readJsonValue, type JsonDocumentKind } from './read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readText, readUnixSeconds } from './record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/** A valuation as the appraiser submits it. */
export type ValuationDocument = {
  /** The value in the currency's minor units (cents for CHF), at least 1. */
  readonly amount: bigint;
  readonly currency: Currency;
  /** How the appraiser valued the asset, such as "RICS Red Book market value". */
  readonly method: string;
  /** The day the value is "as of" (YYYY-MM-DD). */
  readonly effectiveDate: string;
  /** Unix second from which the valuation no longer counts (valid while `now < validUntil`). */
  readonly validUntil: number;
  readonly reportSha256: string;
  readonly reportUri: string;
};

/** A valuation on the ledger: the document with the amount as a decimal string, its number and its appraiser. */
export type Valuation = Omit<ValuationDocument, 'amount'> & {
  readonly assetId: string;
  /** 1 for the asset's first valuation, then one more for each; never reused. */
  readonly seq: number;
  readonly amount: string;
  readonly appraiserMsp: string;
  readonly appraiserId: string;
  readonly recordedAt: string;
};

const DOCUMENT_FIELDS = ['amount', 'currency', 'method', 'effectiveDate', 'validUntil', 'reportSha256', 'reportUri'] as const;
const RECORD_FIELDS = [...DOCUMENT_FIELDS, 'assetId', 'seq', 'appraiserMsp', 'appraiserId', 'recordedAt'] as const;

function readValuationFields(reader: RecordReader): ValuationDocument {
  return {
    amount: reader.amount('amount', true),
    currency: reader.member('currency', isCurrency, CURRENCY_FORM, 'CHF'),
    method: readText(reader, 'method', 1, MAX_METHOD_CHARS, 'a valuation method'),
    effectiveDate: reader.string('effectiveDate', isCalendarDate, CALENDAR_DATE_FORM),
    validUntil: readUnixSeconds(reader, 'validUntil'),
    reportSha256: reader.string('reportSha256', isSha256Hex, SHA256_HEX_FORM),
    reportUri: reader.string('reportUri', isDocumentUri, 'a URI with a scheme, such as "https://…"'),
  };
}

// A valuation is recorded when it is in force: effective by today and not yet expired.
function readValuationDocument(reader: RecordReader, now: number): ValuationDocument {
  const document = readValuationFields(reader);
  const at = (field: string) => childPath(reader.path, field);
  const clean = (field: string) => !reader.problems.touches(at(field));
  if (clean('effectiveDate') && calendarDateStart(document.effectiveDate) > now) {
    reader.problems.add(at('effectiveDate'), 'is after the transaction date; record a valuation once it is in effect');
  }
  if (clean('validUntil') && document.validUntil <= now) {
    reader.problems.add(at('validUntil'), 'is not after the transaction time; the valuation would be expired when recorded');
  }
  if (clean('effectiveDate') && clean('validUntil') && document.validUntil <= calendarDateStart(document.effectiveDate)) {
    reader.problems.add(at('validUntil'), 'must be after the start of the effective date');
  }
  return document;
}

const VALUATION_RECORD: JsonDocumentKind<Valuation> = {
  code: 'RECORD_MALFORMED',
  name: 'valuation record',
  fields: RECORD_FIELDS,
  read: (reader) => ({
    ...readValuationFields(reader),
    amount: reader.amount('amount', true).toString(),
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    seq: reader.integer('seq', 1),
    appraiserMsp: readMspId(reader, 'appraiserMsp'),
    appraiserId: readIdentityId(reader, 'appraiserId'),
    recordedAt: readIsoInstant(reader, 'recordedAt'),
  }),
};

/**
 * Validates the valuation an appraiser sends (JSON text) at transaction time `now` (Unix
 * seconds); `VALUATION_INVALID` lists every problem.
 */
export function parseValuationDocument(text: unknown, now: number): ValuationDocument {
  return readJsonDocument(text, { code: 'VALUATION_INVALID', name: 'valuation', fields: DOCUMENT_FIELDS, read: (reader) => readValuationDocument(reader, now) });
}

/** Validates a valuation record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseValuationRecord(value: unknown): Valuation {
  return readJsonValue(value, VALUATION_RECORD);
}

/** The ledger form of a valuation document. */
export function valuationRecord(document: ValuationDocument, fields: Omit<Valuation, keyof ValuationDocument>): Valuation {
  return { ...document, ...fields, amount: document.amount.toString() };
}

/** Whether `valuation` still counts at `now` (Unix seconds). */
export function isValuationValid(valuation: Pick<Valuation, 'validUntil'>, now: number): boolean {
  return now < valuation.validUntil;
}

/**
 * The current valuation at `now`: of those still valid, the one with the latest effective date,
 * and of equal dates the one recorded last. A late-filed older appraisal never displaces a newer one.
 */
export function currentValuation(valuations: readonly Valuation[], now: number): Valuation | undefined {
  let current: Valuation | undefined;
  for (const valuation of valuations) {
    if (!isValuationValid(valuation, now)) continue;
    if (current === undefined || valuation.effectiveDate > current.effectiveDate || (valuation.effectiveDate === current.effectiveDate && valuation.seq > current.seq)) {
      current = valuation;
    }
  }
  return current;
}
