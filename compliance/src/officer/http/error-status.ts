import type { TrestleErrorCode } from '../../errors/error-code';

// Codes whose status the suffix rules below would not give, or would give wrongly.
const EXPLICIT: Partial<Record<TrestleErrorCode, number>> = {
  OFFICER_ROUTE_UNKNOWN: 404,
  OFFICER_BODY_TOO_LARGE: 413,
  OFFICER_MEDIA_TYPE_UNSUPPORTED: 415,
  OFFICER_HOST_NOT_ALLOWED: 421,
  OFFICER_NOT_AUTHENTICATED: 401,
  OFFICER_LOGIN_FAILED: 401,
  OFFICER_LOGIN_THROTTLED: 429,
  OFFICER_CSRF_REJECTED: 403,
  OFFICER_ROLE_FORBIDDEN: 403,
  OFFICER_LEDGER_UNAVAILABLE: 502,
  OFFICER_INTERNAL_ERROR: 500,
  OFFICER_ACCOUNT_STORE_CORRUPT: 500,
  // The evidence vault: too few share services or none configured is the service's state, not the caller's fault.
  OFFICER_VAULT_NOT_CONFIGURED: 503,
  // The EVM chain the NAV view reads: unset or not answering is the service's state.
  OFFICER_EVM_NOT_CONFIGURED: 503,
  OFFICER_EVM_UNAVAILABLE: 502,
  VAULT_NOT_ENOUGH_SHARES: 503,
  VAULT_SHARE_SERVICE_UNAVAILABLE: 503,
  VAULT_ACCESS_CHECK_FAILED: 503,
  VAULT_ACCESS_NOT_RECORDED: 503,
  VAULT_BACKEND_UNAVAILABLE: 503,
  VAULT_ACCESS_DENIED: 403,
  VAULT_CALLER_MISMATCH: 403,
  VAULT_ENVELOPE_CORRUPT: 500,
  VAULT_KEY_MISMATCH: 500,
  // The caller may not do this, whatever the input.
  CALLER_LACKS_ROLE: 403,
  CALLER_NOT_ORG_ADMIN: 403,
  CALLER_NOT_MEMBER: 403,
  CALLER_OF_OTHER_BANK: 403,
  PII_ACCESS_DENIED: 403,
  APPROVER_NOT_INDEPENDENT: 403,
  APPRAISER_NOT_INDEPENDENT: 403,
  TRANSFER_SELF_APPROVAL: 403,
  LEGAL_SELF_VOTE: 403,
  // The record exists but is not in a state that allows the step.
  TRANSFER_EXPIRED: 409,
  TRANSFER_NOT_EXPIRED: 409,
  INVESTOR_PII_ERASED: 409,
  INVESTOR_PII_NOT_STAGED: 409,
  ASSET_NOT_TOKENIZED: 409,
  ASSET_LEGALLY_CLOSED: 409,
  ASSET_TRANSITION_ILLEGAL: 409,
  REMEDIATION_WINDOW_OPEN: 409,
  REDEMPTION_UNITS_IN_ESCROW: 409,
  LEGAL_PROPOSAL_OPEN: 409,
  // Adoption is for investors whose bank has left; their own bank still acts for them.
  INVESTOR_BANK_IN_FORCE: 409,
  // Another bank's adoption request waits for the regulator's decision.
  INVESTOR_ADOPTION_PENDING: 409,
  // Missing records under other names.
  WALLET_NOT_BOUND: 404,
  BRIDGE_CHAIN_UNKNOWN: 404,
  BRIDGE_MINT_UNKNOWN: 404,
  BRIDGE_VALIDATOR_UNKNOWN: 404,
  BRIDGE_TOKEN_UNKNOWN: 404,
  // The ledger's own data is broken: not the client's fault.
  RECORD_MALFORMED: 500,
  // Well-formed but refused by the rules.
  INVESTOR_PII_MISSING: 400,
  ARGUMENT_EMPTY: 400,
};

/**
 * The HTTP status of a refusal: the table above, then by the code's form (*_NOT_FOUND 404,
 * *_INVALID and *_MALFORMED 400, *_CONFLICT and *_ALREADY_* 409), and 422 for every other
 * refusal (the request was understood; the ledger's rules say no).
 */
export function httpStatusOf(code: TrestleErrorCode): number {
  const explicit = EXPLICIT[code];
  if (explicit !== undefined) return explicit;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_INVALID') || code.endsWith('_MALFORMED')) return 400;
  if (code.endsWith('_CONFLICT') || code.includes('_ALREADY_') || code.endsWith('_EXISTS') || code.endsWith('_TAKEN') || code.endsWith('_USED')) return 409;
  return 422;
}
