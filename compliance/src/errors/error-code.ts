/**
 * Every code a Trestle component may put in a `TrestleError`. Codes are stable: clients branch on
 * them, so rename none; add new ones at the end of their group.
 */
export const TRESTLE_ERROR_CODES = [
  // Input
  'ARGUMENT_EMPTY',
  'IDENTITY_ID_MALFORMED',
  'MSP_ID_MALFORMED',
  'RECORD_MALFORMED',
  // Roles
  'ROLE_UNKNOWN',
  'ROLE_ALREADY_GRANTED',
  'ROLE_NOT_GRANTED',
  // Access
  'CALLER_NOT_ORG_ADMIN',
  'CALLER_LACKS_ROLE',
  // Policy
  'POLICY_INVALID',
  // Sanctions
  'SANCTIONS_LIST_MALFORMED',
  'SANCTIONS_LIST_UNREADABLE',
] as const;

export type TrestleErrorCode = (typeof TRESTLE_ERROR_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(TRESTLE_ERROR_CODES);

/** Whether `value` is one of the codes above (a newer peer may send codes this client does not know). */
export function isTrestleErrorCode(value: unknown): value is TrestleErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}
