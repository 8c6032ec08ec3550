import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { units } from './wording';

/** The receiver must not end above the policy's maximum balance per holder (exactly at it passes). */
export function checkMaxBalance(input: TransferCheckInput): RuleVerdict {
  const { maxBalancePerHolder, version } = input.policy;
  const after = input.receiverBalance + input.amount;
  const details = {
    receiverBalance: input.receiverBalance.toString(),
    amount: input.amount.toString(),
    balanceAfter: after.toString(),
    maxBalancePerHolder: maxBalancePerHolder.toString(),
    policyVersion: version,
  };
  if (after <= maxBalancePerHolder) {
    return pass('max-balance', `The receiver would hold ${units(after)}, within the maximum of ${units(maxBalancePerHolder)} per holder.`, details);
  }
  const room = maxBalancePerHolder > input.receiverBalance ? maxBalancePerHolder - input.receiverBalance : 0n;
  return fail(
    'max-balance',
    'MAX_BALANCE_EXCEEDED',
    `The receiver would hold ${units(after)}, above the maximum of ${units(maxBalancePerHolder)} per holder set by policy version ${version}; at most ${room} more can go to them.`,
    details,
  );
}
