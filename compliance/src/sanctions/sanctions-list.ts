import { TrestleError } from '../errors/trestle-error';
import { malformedList } from './list-errors';
import type { SanctionsEntry, SanctionsList } from './sanctions-entry';

/** Orders uids as numbers (they are decimal strings), so `9` comes before `10`. */
export function compareUid(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** What a parser knows once it has read every entry. */
export interface ListHeader {
  readonly format: SanctionsList['format'];
  readonly version: string;
  readonly sha256: string;
  /** The file name used in error messages. */
  readonly file: string;
}

/**
 * The list with entries sorted by uid, so the same list read from CSV or XML, in any order, gives
 * the same value (and the same snapshot bytes). Two entries with one uid are refused.
 */
export function buildSanctionsList(header: ListHeader, entries: readonly SanctionsEntry[]): SanctionsList {
  if (header.version.trim() === '') {
    throw new TrestleError('ARGUMENT_EMPTY', 'A sanctions list needs a version: give the publish date, for example 2024-05-03.', { details: { file: header.file } });
  }
  const sorted = [...entries].sort((a, b) => compareUid(a.uid, b.uid));
  for (let i = 1; i < sorted.length; i += 1) {
    const uid = sorted[i]?.uid;
    if (uid !== undefined && uid === sorted[i - 1]?.uid) throw malformedList({ file: header.file, uid }, 'two entries share this uid');
  }
  return { source: 'ofac-sdn', format: header.format, version: header.version, sha256: header.sha256, entries: sorted };
}
