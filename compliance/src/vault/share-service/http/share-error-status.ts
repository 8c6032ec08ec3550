import type { TrestleErrorCode } from '../../../errors/error-code';

// Codes whose status the form of the code would not give.
const EXPLICIT: Partial<Record<TrestleErrorCode, number>> = {
  VAULT_CALLER_NOT_AUTHENTICATED: 401,
  VAULT_CALLER_MISMATCH: 403,
  VAULT_ACCESS_DENIED: 403,
  VAULT_ROUTE_UNKNOWN: 404,
  VAULT_KEY_MISMATCH: 409,
  // The ledger did not answer: the client may try again, and nothing was released.
  VAULT_ACCESS_CHECK_FAILED: 503,
  VAULT_ACCESS_NOT_RECORDED: 503,
  VAULT_SHARE_SERVICE_UNAVAILABLE: 500,
  ROLE_UNKNOWN: 400,
};

/** The HTTP status of a share service's refusal: the table, then 400 for malformed or invalid input, else 422. */
export function shareErrorStatus(code: TrestleErrorCode): number {
  const explicit = EXPLICIT[code];
  if (explicit !== undefined) return explicit;
  if (code.endsWith('_MALFORMED') || code.endsWith('_INVALID')) return 400;
  return 422;
}
