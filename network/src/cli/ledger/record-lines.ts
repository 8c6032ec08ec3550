import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import type { HistoryEntry } from '@trestle/compliance/src/ledger/ledger-page';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';

// How the spv, asset and investor commands print records for people: `key  value` lines aligned
// on the longest key, one line per list item, and the bookmark to pass for the next page.

/** A record's fields as aligned `key  value` lines; a null value is left out. */
export function keyValueLines(pairs: ReadonlyArray<readonly [string, string | null]>): string[] {
  const shown = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== null);
  const width = Math.max(0, ...shown.map(([key]) => key.length));
  return shown.map(([key, value]) => `${key.padEnd(width)}  ${value}`);
}

/** One line per record, `(none)` for an empty page, and `next: --bookmark X` when the ledger has more. */
export function pageLines<T>(records: readonly T[], line: (record: T) => string, bookmark: string): string[] {
  const lines = records.length === 0 ? ['(none)'] : records.map(line);
  return bookmark === '' ? lines : [...lines, `next: --bookmark ${bookmark}`];
}

/** Unix seconds (how the ledger stores expiry times) as an ISO instant. */
export function isoOfUnix(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/**
 * A key history answer `[{txId, timestamp, isDelete, record}]`, newest first, each record checked
 * by `parse`; RECORD_MALFORMED when the ledger answered something else.
 */
export function historyEntries<T>(raw: unknown, parse: (value: unknown) => T): Array<HistoryEntry<T> & { readonly raw: JsonValue }> {
  if (!Array.isArray(raw)) throw malformedHistory();
  return raw.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) throw malformedHistory();
    const { txId, timestamp, isDelete, record } = entry as Record<string, unknown>;
    if (typeof txId !== 'string' || typeof timestamp !== 'string' || typeof isDelete !== 'boolean') throw malformedHistory();
    return { txId, timestamp, isDelete, record: record === null || record === undefined ? null : parse(record), raw: entry as JsonValue };
  });
}

/** History as one line per version, newest first: when, what the version says, which transaction. */
export function historyLines<T>(entries: ReadonlyArray<HistoryEntry<T>>, describe: (record: T) => string): string[] {
  if (entries.length === 0) return ['(none)'];
  return entries.map((entry) => `${entry.timestamp}  ${entry.record === null ? 'deleted' : describe(entry.record)}  tx ${entry.txId}`);
}

function malformedHistory(): TrestleError {
  return new TrestleError('RECORD_MALFORMED', 'The ledger answered with a history of an unexpected shape; tell the node operator.', { details: { what: 'history' } });
}
