import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseRoleGrant, type RoleGrant } from '@trestle/compliance/src/roles/role-grant';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { callerOf, type Caller } from '../identity/caller';
import { decodeJson } from '../support/state';
import { grantInForce } from './grant-in-force';
import { roleGrantKey } from './role-grant-key';

/**
 * The caller's grant of `role`, looked up under the caller's own MSP id and identity id, or
 * CALLER_LACKS_ROLE. Contracts call it before anything else in a transaction that needs a role;
 * a grant in another org's space never counts.
 */
export async function requireRole(ctx: Context, role: Role): Promise<RoleGrant> {
  const caller = callerOf(ctx);
  const grant = await grantOf(ctx, caller, role);
  if (grant === undefined) {
    throw new TrestleError('CALLER_LACKS_ROLE', `This transaction needs the ${role} role; ask an admin of your org to grant it to your identity.`, {
      details: { mspId: caller.mspId, identityId: caller.identityId, role },
    });
  }
  return grant;
}

/**
 * The caller's grant of the first of `roles` they hold, or CALLER_LACKS_ROLE naming them all. For
 * transactions several roles may run, such as queries open to officers, operators and the regulator.
 */
export async function requireAnyRole(ctx: Context, roles: readonly Role[]): Promise<RoleGrant> {
  const caller = callerOf(ctx);
  for (const role of roles) {
    const grant = await grantOf(ctx, caller, role);
    if (grant !== undefined) return grant;
  }
  throw new TrestleError('CALLER_LACKS_ROLE', `This transaction needs one of the roles ${roles.join(', ')}; ask an admin of your org to grant one to your identity.`, {
    details: { mspId: caller.mspId, identityId: caller.identityId, roles: [...roles] },
  });
}

// Looked up under the caller's own MSP id: a grant in another org's space never counts; and only
// while the org is a member of the kind that holds the role (grant-in-force.ts).
async function grantOf(ctx: Context, caller: Caller, role: Role): Promise<RoleGrant | undefined> {
  const value = await ctx.stub.getState(roleGrantKey(ctx, caller.mspId, caller.identityId, role));
  if (value === undefined || value.length === 0) return undefined;
  if (!(await grantInForce(ctx, caller.mspId, role))) {
    throw new TrestleError('CALLER_NOT_MEMBER', 'Your org is no longer a member of the consortium with this role: its roles ended with the membership change.', {
      details: { mspId: caller.mspId, role },
    });
  }
  return parseRoleGrant(decodeJson(value));
}
