import type { JsonObject } from '../json/json-value';
import { isTrestleErrorCode, type TrestleErrorCode } from './error-code';

/** What a `TrestleError` carries, apart from its cause. */
export interface TrestleErrorFields {
  readonly code: TrestleErrorCode;
  readonly sentence: string;
  readonly details?: JsonObject;
}

/**
 * The one error class of Trestle: a stable `code`, a `sentence` a person can act on, and optional
 * JSON-safe `details` (the values the sentence is about; keep user input out of the sentence).
 *
 * Fabric returns only a failed transaction's message string to the client, so `message` is the
 * wire form, which `parseTrestleError` reads back:
 *
 *     [CODE] Sentence. {"compact":"json details"}
 *
 * The code in square brackets, one space, the sentence, then, only when there are details, one
 * space and `JSON.stringify(details)`. Sentences contain no `{`, so the details start at the first
 * ` {` after the code. Peers and gateways may prefix the message (`chaincode response 500, …`);
 * the parser looks for the first `[KNOWN_CODE] ` anywhere.
 */
export class TrestleError extends Error {
  override readonly name = 'TrestleError';
  readonly code: TrestleErrorCode;
  readonly sentence: string;
  readonly details: JsonObject | undefined;

  constructor(code: TrestleErrorCode, sentence: string, options: { details?: JsonObject; cause?: unknown } = {}) {
    super(formatTrestleError({ code, sentence, details: options.details }), { cause: options.cause });
    this.code = code;
    this.sentence = sentence;
    this.details = options.details;
  }

  /** JSON-safe form for logs and REST bodies; the cause is reduced to its name and message. */
  toJSON(): JsonObject {
    const json: Record<string, JsonObject[string]> = { name: this.name, code: this.code, message: this.sentence };
    if (this.details !== undefined) json.details = this.details;
    if (this.cause instanceof Error) json.cause = { name: this.cause.name, message: this.cause.message };
    else if (this.cause !== undefined) json.cause = String(this.cause);
    return json;
  }
}

/** Whether `error` is a `TrestleError`, optionally with the given code. */
export function isTrestleError(error: unknown, code?: TrestleErrorCode): error is TrestleError {
  return error instanceof TrestleError && (code === undefined || error.code === code);
}

/** The wire form described on `TrestleError`. */
export function formatTrestleError(fields: TrestleErrorFields): string {
  const head = `[${fields.code}] ${fields.sentence}`;
  return fields.details === undefined ? head : `${head} ${JSON.stringify(fields.details)}`;
}

const CODE_PATTERN = /\[([A-Z][A-Z0-9_]*)\] /g;

/**
 * Reads a `TrestleError` back from a message string (a chaincode error as a Fabric client sees it).
 * Returns undefined when no known code is found, so the caller keeps the raw message.
 */
export function parseTrestleError(message: string): TrestleError | undefined {
  for (const match of message.matchAll(CODE_PATTERN)) {
    const code = match[1];
    if (!isTrestleErrorCode(code)) continue;
    // Our messages are one line; fabric-network appends each other endorsing peer's copy after it.
    const rest = message.slice(match.index + match[0].length).split('\n')[0] as string;
    const { sentence, details } = splitDetails(rest);
    return new TrestleError(code, sentence, details === undefined ? {} : { details });
  }
  return undefined;
}

function splitDetails(rest: string): { sentence: string; details?: JsonObject } {
  const brace = rest.indexOf(' {');
  if (brace === -1) return { sentence: rest };
  try {
    const parsed: unknown = JSON.parse(rest.slice(brace + 1));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { sentence: rest.slice(0, brace), details: parsed as JsonObject };
    }
  } catch {
    // Not our details (for example a message cut short by a proxy): keep the text as the sentence.
  }
  return { sentence: rest };
}
