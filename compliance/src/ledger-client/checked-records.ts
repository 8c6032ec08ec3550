import { TrestleError } from '../errors/trestle-error';
import type { JsonObject, JsonValue } from '../json/json-value';

/** A ledger answer as it came (what the client gets) and as the parser typed it (what the handler reads). */
export type Checked<T> = { readonly raw: JsonValue; readonly record: T };

/** `raw` once `parse` (a compliance reader, RECORD_MALFORMED on a bad shape) has accepted it. */
export function checked<T>(raw: JsonValue, parse: (value: unknown) => T): Checked<T> {
  return { raw, record: parse(raw) };
}

/** A page `{records, bookmark}` from a list query, each record checked by `parse`. */
export function checkedPage<T>(raw: JsonValue, parse: (value: unknown) => T): { readonly records: readonly Checked<T>[]; readonly bookmark: string } {
  const page = asObject(raw, 'page');
  if (!Array.isArray(page.records) || typeof page.bookmark !== 'string') throw malformed('page');
  return { records: (page.records as readonly JsonValue[]).map((record) => checked(record, parse)), bookmark: page.bookmark };
}

/** `raw` as an object; RECORD_MALFORMED otherwise. */
export function asObject(raw: JsonValue, what: string): JsonObject {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw malformed(what);
  return raw as JsonObject;
}

function malformed(what: string): TrestleError {
  return new TrestleError('RECORD_MALFORMED', `The ledger answered with a ${what} of an unexpected shape; tell the node operator.`, { details: { what } });
}
