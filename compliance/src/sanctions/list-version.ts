import { createHash } from 'node:crypto';

/** Hex SHA-256 of raw bytes (strings are hashed as UTF-8). */
export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** One raw input file and the role it plays in the list (`sdn`, `alt`, `add`, `xml`). */
export interface ListPart {
  readonly role: string;
  readonly bytes: string | Uint8Array;
}

/**
 * The list's hash. One file: the plain SHA-256 of its bytes, so `sha256sum` on the download agrees.
 * Several files: SHA-256 of the lines `<role> <sha256>\n` in the order given, so the hash changes
 * when any file changes and a reader can recompute it from the individual files.
 */
export function inputSha256(parts: readonly ListPart[]): string {
  if (parts.length === 1 && parts[0] !== undefined) return sha256Hex(parts[0].bytes);
  return sha256Hex(parts.map((part) => `${part.role} ${sha256Hex(part.bytes)}\n`).join(''));
}

const DATE_IN_NAME = /(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/;

/** The `YYYY-MM-DD` publish date in a file name such as `sdn-2024-05-03.csv`, if it has one. */
export function versionFromFileName(fileName: string): string | undefined {
  const match = DATE_IN_NAME.exec(fileName);
  if (match === null) return undefined;
  const [, year, month, day] = match;
  const date = `${year}-${month}-${day}`;
  return isCalendarDate(date) ? date : undefined;
}

const PUBLISH_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** OFAC's XML `Publish_Date` (`MM/DD/YYYY`) as `YYYY-MM-DD`, or undefined when it is not a date. */
export function versionFromPublishDate(publishDate: string): string | undefined {
  const match = PUBLISH_DATE.exec(publishDate.trim());
  if (match === null) return undefined;
  const [, month, day, year] = match;
  const date = `${year}-${month}-${day}`;
  return isCalendarDate(date) ? date : undefined;
}

function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}
