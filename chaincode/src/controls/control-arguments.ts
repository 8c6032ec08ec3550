import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseDecimalAmount } from '@trestle/compliance/src/policy/decimal-amount';
import type { RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import { callerOf } from '../identity/caller';
import { requireOwnBank } from '../identity/require-own-bank';
import { requireAnyRole } from '../roles/require-role';
import { requiredArgument } from '../support/arguments';

/** An amount argument: base units as a decimal string, at least 1. */
export function amountArgument(value: unknown, argument = 'amount'): bigint {
  const amount = parseDecimalAmount(requiredArgument(value, argument));
  if (amount === undefined || amount === 0n) {
    throw new TrestleError('AMOUNT_INVALID', `The ${argument} argument must be a positive whole number of base units in decimal digits, without sign or leading zeros.`, { details: { argument } });
  }
  return amount;
}

/** The caller's grant as a compliance officer or a regulator, checked before any record is read; CALLER_LACKS_ROLE otherwise. */
export async function requireOfficerOrRegulator(ctx: Context): Promise<RoleGrant> {
  return requireAnyRole(ctx, ['compliance-officer', 'regulator']);
}

/** CALLER_OF_OTHER_BANK unless `grant` is the regulator's or the caller belongs to `bankMsp`. */
export function requireOwnBankUnlessRegulator(ctx: Context, grant: RoleGrant, bankMsp: string, record: string): void {
  if (grant.role !== 'regulator') requireOwnBank(callerOf(ctx), bankMsp, record);
}
