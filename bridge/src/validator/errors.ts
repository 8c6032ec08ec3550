import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';

/** The `BRIDGE_*` codes of TRESTLE_ERROR_CODES: what the validator, relayer and plugin raise. */
export type BridgeErrorCode = Extract<TrestleErrorCode, `BRIDGE_${string}`>;

/** JSON-safe details of a bridge error (decimal strings for amounts and nonces). */
export type BridgeErrorDetails = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** A `TrestleError` with a bridge code; one parser reads it back on every side. */
export class BridgeError extends TrestleError {
  declare readonly code: BridgeErrorCode;

  constructor(code: BridgeErrorCode, sentence: string, details?: BridgeErrorDetails, options: { cause?: unknown } = {}) {
    super(code, sentence, { ...(details === undefined ? {} : { details: details as JsonObject }), cause: options.cause });
  }
}

/** Whether `error` is a `BridgeError`, optionally with the given code. */
export function isBridgeError(error: unknown, code?: BridgeErrorCode): error is BridgeError {
  return error instanceof BridgeError && (code === undefined || error.code === code);
}

