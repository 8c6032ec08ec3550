import { approvalsRequired } from '../rules/approvals-required';
import type { TransferVerdict } from '../rules/evaluate-transfer';
import type { RuleId } from '../rules/rule-id';
import type { TransferCheckInput } from '../rules/transfer-check-input';
import { TRANSFER_RULES } from '../rules/transfer-rules';

/**
 * The transfer rules a bridge-out answers to: the holder's standing and the units' freedom to move,
 * and the receiver's KYC, since the investor receives the minted units on the EVM chain (a
 * repay-only investor may unwind, not bridge out more). The other receiver-side rules, the holder
 * count, the maximum balance and the travel rule are left out because a bridge-out changes no
 * beneficial owner: the units stay the investor's, in escrow, and the mint goes to the investor's
 * own bound wallet.
 */
export const BRIDGE_OUT_RULE_IDS = [
  'amount-positive',
  'asset-not-paused',
  'sender-kyc',
  'receiver-kyc',
  'sender-sanctions',
  'sender-jurisdiction',
  'sender-investor-type',
  'min-transfer',
  'unfrozen-balance',
  'lockup',
] as const satisfies readonly RuleId[];

/**
 * Judges a bridge-out with the transfer rules above, every verdict listed; `input` is the transfer
 * input with the investor on both sides. Pure, like `evaluateTransfer`, so the console's dry run
 * and the chaincode agree. Approvals: an officer of the investor's bank, two distinct from the
 * four-eyes threshold on.
 */
export function evaluateBridgeOut(input: TransferCheckInput): TransferVerdict {
  const verdicts = BRIDGE_OUT_RULE_IDS.map((id) => TRANSFER_RULES[id](input));
  const failed = verdicts.filter((verdict) => !verdict.passed).map((verdict) => verdict.reason);
  return { allowed: failed.length === 0, verdicts, failed, approvalsRequired: approvalsRequired(input) };
}
