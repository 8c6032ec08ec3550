import type { TrestleErrorCode } from '../errors/error-code';
import { TrestleError } from '../errors/trestle-error';
import { ProblemList } from '../policy/problem-list';
import { RecordReader } from '../policy/record-reader';
import { MAX_DOCUMENT_CHARS } from './ledger-limits';

/** How to read one kind of JSON document: its error code, its name in sentences, its fields. */
export type JsonDocumentKind<T> = {
  readonly code: TrestleErrorCode;
  /** Completes "The … has 2 problems", such as "SPV document". */
  readonly name: string;
  readonly fields: readonly string[];
  readonly read: (reader: RecordReader) => T;
};

/**
 * Reads a JSON document that arrives as text (a transaction argument): refuses a missing, over-long
 * or unparsable text, then reads the object with `kind.read` and throws `kind.code` listing every
 * problem. Nothing of the text is echoed into the error, so a mistyped secret never reaches a log.
 */
export function readJsonDocument<T>(text: unknown, kind: JsonDocumentKind<T>): T {
  const problems = new ProblemList();
  const value = parseText(text, kind.name, problems);
  problems.throwIfAny(kind.code, kind.name);
  return readJsonValue(value, kind);
}

/** Reads an already parsed JSON value (a field of a larger document, or a ledger record) the same way. */
export function readJsonValue<T>(value: unknown, kind: JsonDocumentKind<T>): T {
  const problems = new ProblemList();
  const reader = RecordReader.open(value, '', kind.fields, problems);
  // Not an object: the one problem says so, and no field-level check adds noise after it.
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const document = isObject ? kind.read(reader) : undefined;
  problems.throwIfAny(kind.code, kind.name);
  return document as T;
}

function parseText(text: unknown, name: string, problems: ProblemList): unknown {
  if (text === undefined || text === null || text === '') {
    throw new TrestleError('ARGUMENT_EMPTY', `No ${name} was given; pass it as a JSON object.`, { details: { document: name } });
  }
  if (typeof text !== 'string') {
    problems.add('', `must be JSON text, not a ${typeof text}`);
    return undefined;
  }
  if (text.length > MAX_DOCUMENT_CHARS) {
    problems.add('', `is ${text.length} characters long; at most ${MAX_DOCUMENT_CHARS} are accepted`);
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problems.add('', 'is not valid JSON');
    return undefined;
  }
}
