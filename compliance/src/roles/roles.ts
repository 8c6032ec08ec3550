/**
 * The roles an org admin can grant to identities of that org. What each role may do is checked by
 * the contracts that need it (`requireRole` in chaincode); holding a role grants nothing by itself.
 * `vault` is held by a bank's evidence-vault share service, which records file accesses on the ledger.
 */
export const ROLES = ['compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator', 'vault'] as const;

export type Role = (typeof ROLES)[number];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

/** Whether `value` names one of `ROLES` (exact, case-sensitive). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}
