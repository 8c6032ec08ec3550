import { TrestleError } from '../errors/trestle-error';
import { isIdentityId, isMspId } from '../identity/identity-id';
import { isIsoInstant } from '../ledger/iso-instant';
import { isRole, type Role } from './roles';

/** One role held by one identity of one org: the ledger record and the `RoleGranted` event payload. */
export type RoleGrant = {
  /** The granting transaction's timestamp, ISO 8601 in UTC. */
  readonly grantedAt: string;
  /** Identity id of the org admin who granted the role. */
  readonly grantedBy: string;
  readonly identityId: string;
  /** The org the grant belongs to: always the granting admin's MSP. */
  readonly mspId: string;
  readonly role: Role;
};

/** A role taken back: the `RoleRevoked` event payload. */
export type RoleRevocation = {
  readonly identityId: string;
  readonly mspId: string;
  /** The revoking transaction's timestamp, ISO 8601 in UTC. */
  readonly revokedAt: string;
  readonly revokedBy: string;
  readonly role: Role;
};

/** Validates a grant read from the ledger or from a query result; unknown fields are dropped. */
export function parseRoleGrant(value: unknown): RoleGrant {
  if (typeof value !== 'object' || value === null) throw malformedGrant();
  const { grantedAt, grantedBy, identityId, mspId, role } = value as Record<string, unknown>;
  if (
    !isIsoInstant(grantedAt) ||
    typeof grantedBy !== 'string' ||
    !isIdentityId(grantedBy) ||
    typeof identityId !== 'string' ||
    !isIdentityId(identityId) ||
    typeof mspId !== 'string' ||
    !isMspId(mspId) ||
    !isRole(role)
  ) {
    throw malformedGrant();
  }
  return { grantedAt, grantedBy, identityId, mspId, role };
}

/**
 * Orders grants by org, then identity, then role, comparing UTF-16 code units. Not `localeCompare`:
 * its order depends on the host's locale, and every peer must return the same bytes.
 */
export function compareRoleGrants(a: RoleGrant, b: RoleGrant): number {
  return compareCodeUnits(a.mspId, b.mspId) || compareCodeUnits(a.identityId, b.identityId) || compareCodeUnits(a.role, b.role);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function malformedGrant(): TrestleError {
  return new TrestleError('RECORD_MALFORMED', 'A role grant record does not have the expected fields; report it to the chaincode operators.', {
    details: { record: 'RoleGrant' },
  });
}
