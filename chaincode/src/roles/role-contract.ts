import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { compareRoleGrants, parseRoleGrant, type RoleGrant, type RoleRevocation } from '@trestle/compliance/src/roles/role-grant';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { kindOf, ROLES_OF_KIND } from '@trestle/compliance/src/consortium/consortium';
import { activeConsortium } from '../consortium/consortium-store';
import { grantInForce } from './grant-in-force';
import { callerOf, isOrgAdmin, type Caller } from '../identity/caller';
import { identityIdArgument, mspIdArgument, roleArgument } from '../support/arguments';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson, sortedJsonBytes } from '../support/sorted-json';
import { decodeJson, hasState, valuesByPartialKey } from '../support/state';
import { txTimestampIso } from '../support/tx-time';
import { ROLE_GRANT_KEY_TYPE, roleGrantKey } from './role-grant-key';

/**
 * Roles of each org's identities. An org's admin grants and revokes roles for identities of that
 * org only: the grant is always stored under the admin's own MSP id, so no org can hand out roles
 * in another's name. Everyone in the channel can read every grant.
 */
@Info({ title: 'RoleContract', description: "Roles held by each org's identities, granted and revoked by that org's admins" })
export class RoleContract extends Contract {
  constructor() {
    super('RoleContract');
  }

  /** Grants `role` to the identity `identityId` of the caller's org; only an admin of that org may. */
  @Transaction()
  async GrantRole(ctx: Context, identityId: string, role: string): Promise<void> {
    const admin = requireOrgAdmin(ctx, 'grant');
    const grant = grantTarget(admin, identityId, role);
    await requireRoleForOrg(ctx, grant);
    const key = roleGrantKey(ctx, grant.mspId, grant.identityId, grant.role);
    if (await hasState(ctx, key)) {
      throw new TrestleError('ROLE_ALREADY_GRANTED', 'The identity already holds this role in your org; there is nothing to grant.', { details: grant });
    }

    const record: RoleGrant = { ...grant, grantedAt: txTimestampIso(ctx), grantedBy: admin.identityId };
    await ctx.stub.putState(key, sortedJsonBytes(record));
    emitLedgerEvent(ctx, { type: 'RoleGranted', payload: record });
  }

  /** Takes `role` back from the identity `identityId` of the caller's org; only an admin of that org may. */
  @Transaction()
  async RevokeRole(ctx: Context, identityId: string, role: string): Promise<void> {
    const admin = requireOrgAdmin(ctx, 'revoke');
    const grant = grantTarget(admin, identityId, role);
    const key = roleGrantKey(ctx, grant.mspId, grant.identityId, grant.role);
    if (!(await hasState(ctx, key))) {
      throw new TrestleError('ROLE_NOT_GRANTED', 'The identity does not hold this role in your org; there is nothing to revoke.', { details: grant });
    }

    await ctx.stub.deleteState(key);
    const revocation: RoleRevocation = { ...grant, revokedAt: txTimestampIso(ctx), revokedBy: admin.identityId };
    emitLedgerEvent(ctx, { type: 'RoleRevoked', payload: revocation });
  }

  /** Every grant in the channel as a JSON array, sorted by org, identity and role. */
  @Transaction(false)
  @Returns('string')
  async ListRoles(ctx: Context): Promise<string> {
    return sortedJson(await readGrants(ctx, []));
  }

  /**
   * The grants one identity holds in one org that count now, as a JSON array sorted by role: none
   * once the org left the consortium (ListRoles still lists every stored grant). The vault's share
   * services decide on this answer.
   */
  @Transaction(false)
  @Returns('string')
  async GetRoles(ctx: Context, mspId: string, identityId: string): Promise<string> {
    const msp = mspIdArgument(mspId, 'mspId');
    const grants = await readGrants(ctx, [msp, identityIdArgument(identityId, 'identityId')]);
    const inForce: RoleGrant[] = [];
    for (const grant of grants) if (await grantInForce(ctx, msp, grant.role)) inForce.push(grant);
    return sortedJson(inForce);
  }
}

// Module functions, not methods: fabric-contract-api could otherwise expose them as transactions.

type GrantTarget = { readonly mspId: string; readonly identityId: string; readonly role: Role };

/**
 * Refuses a grant the consortium membership does not allow: none before it is in force, and then
 * only the roles of the granting org's kind (bank roles in banks, the regulator role in regulators).
 * Revoking is always allowed: taking a role back never widens anyone's access.
 */
async function requireRoleForOrg(ctx: Context, grant: GrantTarget): Promise<void> {
  const consortium = await activeConsortium(ctx);
  const kind = kindOf(consortium.members, grant.mspId);
  if (kind === undefined || !ROLES_OF_KIND[kind].includes(grant.role)) {
    throw new TrestleError('ROLE_NOT_FOR_ORG', kind === undefined ? 'Your org is not a member of the consortium; it grants no roles.' : `A ${kind} grants only ${ROLES_OF_KIND[kind].join(', ')}; ${grant.role} belongs to the other kind of org.`, {
      details: { mspId: grant.mspId, role: grant.role, kind: kind ?? null },
    });
  }
}

function requireOrgAdmin(ctx: Context, action: 'grant' | 'revoke'): Caller {
  const caller = callerOf(ctx);
  if (!isOrgAdmin(ctx)) {
    throw new TrestleError('CALLER_NOT_ORG_ADMIN', `Only an admin of your org may ${action} roles; submit with an identity whose certificate has OU admin.`, {
      details: { mspId: caller.mspId, identityId: caller.identityId },
    });
  }
  return caller;
}

function grantTarget(admin: Caller, identityId: string, role: string): GrantTarget {
  return { mspId: admin.mspId, identityId: identityIdArgument(identityId, 'identityId'), role: roleArgument(role, 'role') };
}

async function readGrants(ctx: Context, attributes: readonly string[]): Promise<RoleGrant[]> {
  const values = await valuesByPartialKey(ctx, ROLE_GRANT_KEY_TYPE, attributes);
  return values.map((value) => parseRoleGrant(decodeJson(value))).sort(compareRoleGrants);
}
