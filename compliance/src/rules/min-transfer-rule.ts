import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { units } from './wording';

/** A transfer must move at least the policy's minimum (at the minimum exactly passes). */
export function checkMinTransfer(input: TransferCheckInput): RuleVerdict {
  const { minTransfer, version } = input.policy;
  const details = { amount: input.amount.toString(), minTransfer: minTransfer.toString(), policyVersion: version };
  if (input.amount >= minTransfer) {
    return pass('min-transfer', `The amount of ${units(input.amount)} meets the minimum transfer of ${units(minTransfer)}.`, details);
  }
  return fail('min-transfer', 'BELOW_MIN_TRANSFER', `The amount of ${units(input.amount)} is below the minimum transfer of ${units(minTransfer)} set by policy version ${version}.`, details);
}
