import type { Context } from 'fabric-contract-api';
import { kindOf, ROLES_OF_KIND } from '@trestle/compliance/src/consortium/consortium';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { findConsortium } from '../consortium/consortium-store';

/**
 * Whether a stored grant of `role` in `mspId`'s space counts now: only while the consortium in force
 * lists the org as the kind that holds the role. A membership change that removes an org (or makes a
 * bank a regulator) ends its grants at once, without anyone revoking them one by one; every check of
 * a role (requireRole, GetRoles for the vault's gate, the evidence grant) goes through here.
 */
export async function grantInForce(ctx: Context, mspId: string, role: Role): Promise<boolean> {
  const consortium = await findConsortium(ctx);
  const kind = consortium?.status === 'ACTIVE' ? kindOf(consortium.members, mspId) : undefined;
  return kind !== undefined && ROLES_OF_KIND[kind].includes(role);
}
