import type { AccessConditions } from '../conditions/access-conditions';
import type { AccessDecision, Requester } from './access-gate';

/** The role that may open files of every bank, when the conditions list it. */
export const REGULATOR_ROLE = 'regulator';

/**
 * The access rule, pure so the ledger gate and the tests apply the same one: the requester must
 * hold the role they act in, the conditions must allow that role, and anyone but a regulator must
 * belong to the investor's bank.
 */
export function decideFileAccess(conditions: AccessConditions, requester: Requester, holdsRole: boolean): AccessDecision {
  if (!holdsRole) {
    return { allowed: false, reason: `The requester does not hold the role ${requester.role} in ${requester.mspId}.` };
  }
  if (!conditions.allowedRoles.includes(requester.role)) {
    return { allowed: false, reason: `The role ${requester.role} may not open file ${conditions.fileId}.` };
  }
  if (requester.role !== REGULATOR_ROLE && requester.mspId !== conditions.bankMsp) {
    return { allowed: false, reason: `Only ${conditions.bankMsp} or a regulator may open file ${conditions.fileId}.` };
  }
  return { allowed: true, reason: `A ${requester.role} of ${requester.mspId} may open file ${conditions.fileId}.` };
}
