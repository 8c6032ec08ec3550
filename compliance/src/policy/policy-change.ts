import { POLICY_FIELDS, policyToDocument, type Policy } from './policy';
import { ProblemList } from './problem-list';

/**
 * How many different banks' compliance officers must approve a policy change before it takes
 * effect: a policy decides who may hold the asset, so no single bank may rewrite it alone.
 */
export const policyChangeNeedsBanks = 2;

/** What a valid policy change changes, for the approval request and the audit trail. */
export type PolicyChange = {
  readonly assetId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** The fields whose values differ, apart from `version`, in `POLICY_FIELDS` order. */
  readonly changedFields: readonly string[];
};

/**
 * Checks that `next` may replace `current`: same asset, version exactly one more. Throws
 * `POLICY_INVALID` listing every problem; otherwise returns what changes. Approvals are the
 * caller's to count (see `policyChangeNeedsBanks`).
 */
export function checkPolicyChange(current: Policy, next: Policy): PolicyChange {
  const problems = new ProblemList();
  if (next.assetId !== current.assetId) {
    problems.add('assetId', `must stay "${current.assetId}"; a policy never moves to another asset`);
  }
  if (next.version !== current.version + 1) {
    problems.add('version', `must be ${current.version + 1}, one more than the current version ${current.version}, not ${next.version}`);
  }
  problems.throwIfAny('POLICY_INVALID', 'policy change');
  return { assetId: current.assetId, fromVersion: current.version, toVersion: next.version, changedFields: changedFields(current, next) };
}

function changedFields(current: Policy, next: Policy): string[] {
  const before = policyToDocument(current);
  const after = policyToDocument(next);
  // Compared through their JSON so sets compare as sorted lists and amounts as their decimal form.
  return POLICY_FIELDS.filter((field) => field !== 'version' && JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}
