import type { Context } from 'fabric-contract-api';
import type { Role } from '@trestle/compliance/src/roles/roles';

/** Object type of role grants: composite key role~grant (mspId, identityId, role). */
export const ROLE_GRANT_KEY_TYPE = 'role~grant';

/** The state key of one grant. Ordering by org first lets one partial-key scan list an org or an identity. */
export function roleGrantKey(ctx: Context, mspId: string, identityId: string, role: Role): string {
  return ctx.stub.createCompositeKey(ROLE_GRANT_KEY_TYPE, [mspId, identityId, role]);
}
