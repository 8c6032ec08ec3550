import type { RecordReader } from '../policy/record-reader';
import { isPlainText } from '../rules/plain-text';
import { oneOf } from '../rules/read-investor';
import { SANCTIONS_STATUSES, type SanctionsStatus } from '../rules/transfer-check-input';
import { readJsonDocument } from './read-json-document';
import { memberOf, readUnixSeconds } from './record-fields';

/** Matches one screening may carry: the screener lists every entry above its review floor, and a real hit has a handful. */
export const MAX_SCREENING_MATCHES = 50;

/** One listed entry the screener matched, as `ScreeningMatch` names it: the list's uid and the score (0 to 1]. */
export type ScreeningMatchRecord = { readonly uid: string; readonly score: number };

/**
 * A screening result an officer records on an investor: the off-chain screener's `ScreeningResult`
 * (compliance/src/sanctions/screening/screen.ts) cut down to what the ledger keeps, in the same
 * words: `status` clear | pending | hit (pending = in the review band), `listVersion`, and each
 * match's `uid` and `score`. Names and personal data stay off the ledger.
 */
export type ScreeningDocument = {
  readonly status: SanctionsStatus;
  readonly listVersion: string;
  /** When the screening ran (Unix seconds); the transaction time when the document leaves it out. */
  readonly screenedAt: number;
  readonly matches: readonly ScreeningMatchRecord[];
};

const FIELDS = ['status', 'listVersion', 'screenedAt', 'matches'] as const;
const MATCH_FIELDS = ['uid', 'score'] as const;
// OFAC uids are decimal strings; other lists' ids are short printable tokens too.
const isEntryUid = (value: string) => /^[!-~]{1,64}$/.test(value);

const isScore = (value: unknown): value is number => typeof value === 'number' && value > 0 && value <= 1;

function readScreening(reader: RecordReader, now: number): ScreeningDocument {
  const document: ScreeningDocument = {
    status: reader.member('status', memberOf(SANCTIONS_STATUSES), oneOf(SANCTIONS_STATUSES), 'pending'),
    listVersion: reader.string('listVersion', (value) => isPlainText(value, 1, 128), 'a list version label such as "SDN 2026-03-01": 1 to 128 characters, no control characters'),
    screenedAt: reader.has('screenedAt') ? readUnixSeconds(reader, 'screenedAt') : now,
    matches: reader.records('matches', MAX_SCREENING_MATCHES, MATCH_FIELDS, (inner) => ({
      uid: inner.string('uid', isEntryUid, 'a list entry uid of 1 to 64 printable characters without spaces'),
      score: inner.member('score', isScore, 'a number above 0 and at most 1, as the screener scores', 1),
    })),
  };
  if (!reader.problems.touches('screenedAt') && document.screenedAt > now) reader.problems.add('screenedAt', 'is after the transaction time; record a screening once it has run');
  // A hit names what it hit: an officer reading the record later must be able to find the entry.
  if (!reader.problems.touches('matches') && document.status === 'hit' && document.matches.length === 0) reader.problems.add('matches', 'must name at least one matched entry when the status is hit');
  return document;
}

/**
 * Validates a screening result (JSON text) recorded at transaction time `now` (Unix seconds);
 * `SCREENING_INVALID` lists every problem. Build it from a `ScreeningResult` r as
 * `{status: r.status, listVersion: r.listVersion, matches: r.matches.map(({uid, score}) => ({uid, score}))}`.
 */
export function parseScreeningDocument(text: unknown, now: number): ScreeningDocument {
  return readJsonDocument(text, { code: 'SCREENING_INVALID', name: 'screening result', fields: FIELDS, read: (reader) => readScreening(reader, now) });
}
