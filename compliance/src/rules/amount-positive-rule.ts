import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { units } from './wording';

/** A transfer must move at least one unit. */
export function checkAmountPositive(input: TransferCheckInput): RuleVerdict {
  const details = { amount: input.amount.toString() };
  if (input.amount > 0n) return pass('amount-positive', `The transfer moves ${units(input.amount)}.`, details);
  return fail('amount-positive', 'AMOUNT_NOT_POSITIVE', `A transfer must move at least 1 unit; ${input.amount} was requested.`, details);
}
