/**
 * The roles an org admin can grant to identities of that org. What each role may do is checked by
 * the contracts that need it (`requireRole` in chaincode); holding a role grants nothing by itself.
 */
export const ROLES = ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator'] as const;

export type Role = (typeof ROLES)[number];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

/** Whether `value` names one of `ROLES` (exact, case-sensitive). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}
