import { approvalsRequired, type ApprovalsRequired } from './approvals-required';
import type { ReasonCode } from './reason-code';
import { RULE_IDS } from './rule-id';
import type { RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { TRANSFER_RULES } from './transfer-rules';

/** The judgement of one transfer: JSON-safe, so chaincode stores and emits it as it is. */
export type TransferVerdict = {
  /** True when every rule passed; approvals are still needed before settlement. */
  readonly allowed: boolean;
  /** Every rule's verdict, passed or not, in `RULE_IDS` order. */
  readonly verdicts: readonly RuleVerdict[];
  /** The reasons of the failed verdicts, in the same order. */
  readonly failed: readonly ReasonCode[];
  readonly approvalsRequired: ApprovalsRequired;
};

/**
 * Runs every rule on `input`, none skipped after a failure, so a requester learns all that stands
 * in the way at once. Pure: the only time is `input.now`, and the result depends on nothing else.
 */
export function evaluateTransfer(input: TransferCheckInput): TransferVerdict {
  const verdicts = RULE_IDS.map((id) => TRANSFER_RULES[id](input));
  const failed = verdicts.filter((verdict) => !verdict.passed).map((verdict) => verdict.reason);
  return { allowed: failed.length === 0, verdicts, failed, approvalsRequired: approvalsRequired(input) };
}
