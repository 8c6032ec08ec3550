import { TrestleError } from '../../errors/trestle-error';
import type { SanctionsEntry, SanctionsList } from '../sanctions-entry';
import { compareUid } from '../sanctions-list';
import { listedBirthRange, rangesOverlap, subjectBirthRange } from './date-of-birth';
import { nameScore } from './name-score';
import { nameTokens, normaliseName } from './normalise-name';
import { normaliseIdentifier } from './normalise-identifier';
import { screeningIndex, type ScreeningIndex } from './screening-index';

/** Who is being screened: an investor's names (legal, former, transliterated) and documents. */
export interface ScreeningSubject {
  readonly names: readonly string[];
  readonly identifiers?: readonly { readonly type?: string; readonly number: string }[];
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  readonly dateOfBirth?: string;
  /** A country name as OFAC writes them (`Russia`), not an ISO code. */
  readonly nationality?: string;
}

export interface ScreeningOptions {
  /** A match at or above this score is a hit. Default 0.9. */
  readonly threshold?: number;
  /** A match at or above this score, below the threshold, needs review. Default 0.7, capped at the threshold. */
  readonly reviewFloor?: number;
}

/** Whether the subject's secondary data agrees with the entry's, when both have it. */
export type Corroboration = 'agrees' | 'differs';

export interface ScreeningMatch {
  readonly uid: string;
  /** The listed name that matched best (the primary name for an identifier match). */
  readonly name: string;
  readonly score: number;
  readonly matchedOn: 'name' | 'identifier';
  /** For identifier matches: the listed identifier that equals one of the subject's. */
  readonly identifier?: { readonly type: string; readonly number: string };
  readonly dateOfBirth?: Corroboration;
  readonly nationality?: Corroboration;
}

export interface ScreeningResult {
  /** `hit`: a match at or above the threshold; `pending`: only matches in the review band. */
  readonly status: 'clear' | 'hit' | 'pending';
  readonly listVersion: string;
  readonly listSha256: string;
  readonly threshold: number;
  readonly reviewFloor: number;
  /** Every entry scoring at least the review floor, best first, then by uid. */
  readonly matches: readonly ScreeningMatch[];
}

export const DEFAULT_THRESHOLD = 0.9;
export const DEFAULT_REVIEW_FLOOR = 0.7;

/**
 * Screens one subject against a list: each name against every listed name sharing a token (see
 * `nameScore`), each identifier for an exact normalised match (score 1). One match per entry, its
 * best. Date of birth and nationality are reported on each match as evidence for the officer but
 * never lower a score: a namesake is cleared by a person, not by data that may itself be wrong.
 * Pure and deterministic: no clock, no randomness, results ordered.
 */
export function screen(list: SanctionsList, subject: ScreeningSubject, options: ScreeningOptions = {}): ScreeningResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const reviewFloor = Math.min(options.reviewFloor ?? DEFAULT_REVIEW_FLOOR, threshold);
  if (!(threshold > 0 && threshold <= 1 && reviewFloor > 0)) throw new RangeError(`threshold must be in (0, 1] and the review floor above 0, got ${threshold} and ${reviewFloor}`);
  const queries = subject.names.map(nameTokens).filter((tokens) => tokens.length > 0);
  const numbers = (subject.identifiers ?? []).flatMap((id) => {
    const key = normaliseIdentifier(id.number);
    return key === undefined ? [] : [key];
  });
  if (queries.length === 0 && numbers.length === 0) {
    throw new TrestleError('ARGUMENT_EMPTY', 'Give at least one name with a letter or digit, or an identifier of five or more characters, to screen.');
  }
  const index = screeningIndex(list);
  const best = new Map<SanctionsEntry, ScreeningMatch>();
  for (const match of identifierMatches(index, numbers)) keepBetter(best, match.entry, match.match);
  for (const match of nameMatches(index, queries, reviewFloor)) keepBetter(best, match.entry, match.match);
  const matches = [...best.entries()].map(([entry, match]) => corroborate(match, entry, subject)).sort(compareMatches);
  const top = matches[0]?.score ?? 0;
  return {
    status: top >= threshold ? 'hit' : top >= reviewFloor ? 'pending' : 'clear',
    listVersion: list.version,
    listSha256: list.sha256,
    threshold,
    reviewFloor,
    matches,
  };
}

interface EntryMatch {
  readonly entry: SanctionsEntry;
  readonly match: ScreeningMatch;
}

function identifierMatches(index: ScreeningIndex, numbers: readonly string[]): EntryMatch[] {
  return numbers.flatMap((number) =>
    (index.byIdentifier.get(number) ?? []).map(({ entry, identifier }) => ({
      entry,
      match: { uid: entry.uid, name: entry.names[0]?.full ?? '', score: 1, matchedOn: 'identifier' as const, identifier: { type: identifier.type, number: identifier.number } },
    })),
  );
}

function nameMatches(index: ScreeningIndex, queries: readonly (readonly string[])[], reviewFloor: number): EntryMatch[] {
  const found: EntryMatch[] = [];
  for (const query of queries) {
    // How many of the query's tokens each listed name shares, gathered from the token postings.
    const shared = new Map<number, number>();
    for (const token of query) for (const position of index.byToken.get(token) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    for (const [position, matched] of shared) {
      const listed = index.names[position];
      if (listed === undefined) continue;
      const score = nameScore(matched, query.length, listed.tokens.length);
      if (score >= reviewFloor) found.push({ entry: listed.entry, match: { uid: listed.entry.uid, name: listed.name.full, score, matchedOn: 'name' } });
    }
  }
  return found;
}

// Higher score wins; on a tie an identifier match beats a name match, then the earlier listed name
// (the primary name comes first), so the kept match never depends on map iteration order.
function keepBetter(best: Map<SanctionsEntry, ScreeningMatch>, entry: SanctionsEntry, candidate: ScreeningMatch): void {
  const current = best.get(entry);
  if (current === undefined || isBetter(candidate, current, entry)) best.set(entry, candidate);
}

function isBetter(candidate: ScreeningMatch, current: ScreeningMatch, entry: SanctionsEntry): boolean {
  if (candidate.score !== current.score) return candidate.score > current.score;
  if (candidate.matchedOn !== current.matchedOn) return candidate.matchedOn === 'identifier';
  const order = (match: ScreeningMatch): number => entry.names.findIndex((name) => name.full === match.name);
  return order(candidate) < order(current);
}

function corroborate(match: ScreeningMatch, entry: SanctionsEntry, subject: ScreeningSubject): ScreeningMatch {
  const dateOfBirth = birthAgreement(entry, subject.dateOfBirth);
  const nationality = nationalityAgreement(entry, subject.nationality);
  return { ...match, ...(dateOfBirth === undefined ? {} : { dateOfBirth }), ...(nationality === undefined ? {} : { nationality }) };
}

function birthAgreement(entry: SanctionsEntry, dateOfBirth: string | undefined): Corroboration | undefined {
  const subject = dateOfBirth === undefined ? undefined : subjectBirthRange(dateOfBirth);
  if (subject === undefined || entry.datesOfBirth.length === 0) return undefined;
  const listed = entry.datesOfBirth.map(listedBirthRange);
  if (listed.some((range) => range !== undefined && rangesOverlap(range, subject))) return 'agrees';
  // Only say "differs" when every listed date was understood; an unreadable one might agree.
  return listed.every((range) => range !== undefined) ? 'differs' : undefined;
}

function nationalityAgreement(entry: SanctionsEntry, nationality: string | undefined): Corroboration | undefined {
  if (nationality === undefined || normaliseName(nationality) === '' || entry.nationalities.length === 0) return undefined;
  return entry.nationalities.some((listed) => normaliseName(listed) === normaliseName(nationality)) ? 'agrees' : 'differs';
}

function compareMatches(a: ScreeningMatch, b: ScreeningMatch): number {
  return b.score - a.score || compareUid(a.uid, b.uid);
}
