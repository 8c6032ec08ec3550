import { TrestleError } from '../errors/trestle-error';

/** Where in a list file a problem is: the file (as the caller named it), and a line or record. */
export interface ListLocation {
  readonly file: string;
  readonly line?: number;
  readonly uid?: string;
}

/**
 * A `SANCTIONS_LIST_MALFORMED` error naming the file, the line or record and what is wrong there.
 * Text taken from the file goes in `found` (a detail), never in the sentence.
 */
export function malformedList(at: ListLocation, problem: string, found?: string): TrestleError {
  const where = [at.line === undefined ? undefined : `line ${at.line}`, at.uid === undefined ? undefined : `entry ${at.uid}`]
    .filter((part) => part !== undefined)
    .join(', ');
  const details: Record<string, string | number> = { file: at.file, problem };
  if (at.line !== undefined) details.line = at.line;
  if (at.uid !== undefined) details.uid = at.uid;
  if (found !== undefined) details.found = found.length > 80 ? `${found.slice(0, 80)}…` : found;
  return new TrestleError(
    'SANCTIONS_LIST_MALFORMED',
    `The sanctions list is malformed${where === '' ? '' : ` at ${where}`}: ${problem}. Fetch the list again or fix the file, then re-import.`,
    { details },
  );
}
