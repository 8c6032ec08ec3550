import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseRoleGrant, type RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { callerOf } from '../identity/caller';
import { decodeJson } from '../support/state';
import { roleGrantKey } from './role-grant-key';

/**
 * The caller's grant of `role`, looked up under the caller's own MSP id and identity id, or
 * CALLER_LACKS_ROLE. Contracts call it before anything else in a transaction that needs a role;
 * a grant in another org's space never counts.
 */
export async function requireRole(ctx: Context, role: Role): Promise<RoleGrant> {
  const caller = callerOf(ctx);
  const value = await ctx.stub.getState(roleGrantKey(ctx, caller.mspId, caller.identityId, role));
  if (value === undefined || value.length === 0) {
    throw new TrestleError('CALLER_LACKS_ROLE', `This transaction needs the ${role} role; ask an admin of your org to grant it to your identity.`, {
      details: { mspId: caller.mspId, identityId: caller.identityId, role },
    });
  }
  return parseRoleGrant(decodeJson(value));
}
