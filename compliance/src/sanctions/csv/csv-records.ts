import { malformedList } from '../list-errors';

/** One CSV record: its fields, unquoted, and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits RFC 4180 CSV text into records: quoted fields may hold commas, line breaks and doubled
 * quotes; lines end in CRLF or LF; blank lines are skipped. OFAC's files end with a DOS
 * end-of-file byte (0x1A), which is dropped. Anything else after a closing quote, a quote inside
 * an unquoted field and an unterminated quote are refused with the line: a half-read sanctions
 * list must never pass for a whole one.
 */
export function parseCsvRecords(text: string, file: string): CsvRecord[] {
  const body = withoutEndOfFileMark(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let i = 0;
  let line = 1;
  let recordLine = 1;
  let atRecordStart = true;
  while (i < body.length) {
    if (atRecordStart && (body[i] === '\n' || body[i] === '\r')) {
      // A blank line between records.
      i += body[i] === '\r' && body[i + 1] === '\n' ? 2 : 1;
      line += 1;
      continue;
    }
    if (atRecordStart) recordLine = line;
    atRecordStart = false;
    let value: string;
    if (body[i] === '"') {
      const quoted = readQuoted(body, i + 1);
      if (quoted === undefined) throw malformedList({ file, line: recordLine }, 'a quoted field is never closed');
      value = quoted.value;
      line += quoted.lineBreaks;
      i = quoted.end;
      if (i < body.length && body[i] !== ',' && body[i] !== '\r' && body[i] !== '\n') {
        throw malformedList({ file, line }, 'text follows a closing quote', body.slice(i, i + 20));
      }
    } else {
      let end = i;
      while (end < body.length && body[end] !== ',' && body[end] !== '\r' && body[end] !== '\n') end += 1;
      value = body.slice(i, end);
      if (value.includes('"')) throw malformedList({ file, line }, 'a quote inside an unquoted field', value);
      i = end;
    }
    fields.push(value);
    if (body[i] === ',') {
      i += 1;
      if (i === body.length) fields.push('');
      continue;
    }
    // End of line or of text: the record is complete.
    records.push({ line: recordLine, fields });
    fields = [];
    atRecordStart = true;
    if (i < body.length) {
      i += body[i] === '\r' && body[i + 1] === '\n' ? 2 : 1;
      line += 1;
    }
  }
  if (!atRecordStart) records.push({ line: recordLine, fields });
  return records;
}

const DOS_END_OF_FILE = '\x1A';

/** The text without a final DOS end-of-file byte (and any line breaks after it). */
function withoutEndOfFileMark(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1;
  return text[end - 1] === DOS_END_OF_FILE ? text.slice(0, end - 1) : text;
}

/** The value of a quoted field whose text starts at `start`, and where scanning resumes. */
function readQuoted(body: string, start: number): { value: string; end: number; lineBreaks: number } | undefined {
  let value = '';
  let from = start;
  for (;;) {
    const quote = body.indexOf('"', from);
    if (quote === -1) return undefined;
    value += body.slice(from, quote);
    if (body[quote + 1] === '"') {
      value += '"';
      from = quote + 2;
      continue;
    }
    return { value, end: quote + 1, lineBreaks: countLineBreaks(body, start, quote) };
  }
}

function countLineBreaks(body: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    if (body[i] === '\n' || (body[i] === '\r' && body[i + 1] !== '\n')) count += 1;
  }
  return count;
}
