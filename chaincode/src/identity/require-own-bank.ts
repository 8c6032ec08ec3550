import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Caller } from './caller';

/**
 * CALLER_OF_OTHER_BANK unless the caller belongs to `bankMsp`, the bank a record belongs to.
 * A role is held within one org, so it only ever counts for that org's records.
 */
export function requireOwnBank(caller: Caller, bankMsp: string, record: string): void {
  if (caller.mspId !== bankMsp) {
    throw new TrestleError('CALLER_OF_OTHER_BANK', `Only identities of the bank this ${record} belongs to may do this; submit as one of them.`, {
      details: { callerMsp: caller.mspId, bankMsp },
    });
  }
}
