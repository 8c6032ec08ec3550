import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { Side } from './access-identities';
import type { Access } from './access-matrix';

/** Refusals of a caller lacking the role (or, for the admin transactions, the OU=admin). */
export const ROLE_REFUSALS: ReadonlySet<TrestleErrorCode> = new Set(['CALLER_LACKS_ROLE', 'CALLER_NOT_ORG_ADMIN']);

/** Refusals of a caller holding the role but standing on the wrong side of the record (error-code.ts's "ledger access" group). */
// POLICY_CHANGE_SAME_BANK sits with the policy codes but is the same kind of refusal: the proposer's own bank deciding.
export const RECORD_REFUSALS: ReadonlySet<TrestleErrorCode> = new Set(['CALLER_OF_OTHER_BANK', 'PII_ACCESS_DENIED', 'APPRAISER_NOT_INDEPENDENT', 'APPROVER_NOT_INDEPENDENT', 'POLICY_CHANGE_SAME_BANK']);

/** What a call must end in: success, or a refusal with one of `codes`. */
export type Expectation = { readonly allowed: true } | { readonly allowed: false; readonly codes: ReadonlySet<TrestleErrorCode> };

/**
 * What a caller on `side` of the record must get from a cell. A denied column is refused at the
 * role check; a column let in for one side only is refused for the other at the record's bank
 * check, so a role check that lets a column in by mistake shows up even when a bank check follows.
 */
export function expectationOf(cell: Access, side: Side): Expectation {
  if (cell === 'allow') return { allowed: true };
  if (cell === 'deny') return { allowed: false, codes: ROLE_REFUSALS };
  const allowedSide: Side = cell === 'own-bank' ? 'home' : 'other';
  return side === allowedSide ? { allowed: true } : { allowed: false, codes: RECORD_REFUSALS };
}
