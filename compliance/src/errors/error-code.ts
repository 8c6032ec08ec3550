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
  // Vault
  'VAULT_THRESHOLD_INVALID',
  'VAULT_CONDITIONS_INVALID',
  'VAULT_KEY_SHARE_MALFORMED',
  'VAULT_KEY_MISMATCH',
  'VAULT_REQUEST_MALFORMED',
  'VAULT_ACCESS_DENIED',
  'VAULT_ACCESS_CHECK_FAILED',
  'VAULT_ACCESS_NOT_RECORDED',
  'VAULT_NOT_ENOUGH_SHARES',
  'VAULT_SHARES_INVALID',
  'VAULT_ENVELOPE_CORRUPT',
  'VAULT_ENVELOPE_NOT_FOUND',
  'VAULT_BACKEND_UNAVAILABLE',
  // Ledger input: a JSON document argument lists every problem in details.problems
  'LEDGER_ID_MALFORMED',
  'SPV_INVALID',
  'ASSET_INVALID',
  'LEGAL_DOCUMENTS_INVALID',
  'VALUATION_INVALID',
  'TOKENIZATION_INVALID',
  'INVESTOR_INVALID',
  'INVESTOR_PII_INVALID',
  'REASON_INVALID',
  'PAGE_SIZE_INVALID',
  'PAGE_BOOKMARK_INVALID',
  // Ledger access: the caller holds the role, but not for this record
  'CALLER_OF_OTHER_BANK',
  'APPRAISER_NOT_INDEPENDENT',
  'APPROVER_NOT_INDEPENDENT',
  'PII_ACCESS_DENIED',
  // SPVs
  'SPV_NOT_FOUND',
  'SPV_ALREADY_REGISTERED',
  // Assets
  'ASSET_NOT_FOUND',
  'ASSET_ALREADY_EXISTS',
  'ASSET_TRANSITION_ILLEGAL',
  'ASSET_STATE_NOT_SUPPORTED',
  'HOLDER_NOT_ELIGIBLE',
  'HOLDING_NOT_FOUND',
  // Investors
  'INVESTOR_NOT_FOUND',
  'INVESTOR_ALREADY_ONBOARDED',
  'INVESTOR_STATUS_CONFLICT',
  'INVESTOR_PII_MISSING',
  'INVESTOR_PII_ERASED',
  // Wallet bindings
  'WALLET_BINDING_INVALID',
  'WALLET_SIGNATURE_INVALID',
  'WALLET_NONCE_USED',
  'WALLET_ALREADY_BOUND',
  'WALLET_NOT_BOUND',
] as const;

export type TrestleErrorCode = (typeof TRESTLE_ERROR_CODES)[number];

const KNOWN_CODES: ReadonlySet<string> = new Set(TRESTLE_ERROR_CODES);

/** Whether `value` is one of the codes above (a newer peer may send codes this client does not know). */
export function isTrestleErrorCode(value: unknown): value is TrestleErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}
