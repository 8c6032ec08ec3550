import type { Policy } from '../policy/policy';
import type { ReasonCode } from '../rules/reason-code';
import type { RuleId } from '../rules/rule-id';
import type { RuleVerdict } from '../rules/rule-verdict';
import type { InvestorSnapshot, TransferCheckInput } from '../rules/transfer-check-input';
import { TRANSFER_RULES } from '../rules/transfer-rules';

/**
 * The transfer rules that judge an initial holder: those about the receiving party and the
 * resulting holdings. Issuance has no sending investor, so sender rules, lockup and minimum
 * transfer do not apply.
 */
export const ISSUANCE_RULES = ['receiver-kyc', 'receiver-sanctions', 'receiver-jurisdiction', 'receiver-investor-type', 'max-balance', 'holder-count'] as const satisfies readonly RuleId[];

/** The verdicts on one initial holder. */
export type IssuanceVerdict = {
  readonly investorId: string;
  readonly passed: boolean;
  readonly failed: readonly ReasonCode[];
  readonly verdicts: readonly RuleVerdict[];
};

/**
 * Judges each initial holder with the same rule functions transfers use (no second copy of a
 * rule), as the receiver of their minted units into an asset with no holders yet: holder i counts
 * i holders before them. Pure: the only time is `now`, the transaction time in Unix seconds.
 */
export function evaluateIssuance(policy: Policy, holders: readonly { readonly investor: InvestorSnapshot; readonly units: bigint }[], now: number): IssuanceVerdict[] {
  return holders.map(({ investor, units }, index) => {
    const input: TransferCheckInput = {
      policy,
      asset: { assetId: policy.assetId, paused: false },
      // Only receiver rules run; the sender is never read and is filled in to satisfy the type.
      sender: investor,
      receiver: investor,
      senderHolding: { balance: 0n, frozen: 0n, escrowed: 0n, lots: [] },
      receiverBalance: 0n,
      holderCount: index,
      receiverIsHolder: false,
      amount: units,
      now,
    };
    const verdicts = ISSUANCE_RULES.map((rule) => TRANSFER_RULES[rule](input));
    const failed = verdicts.filter((verdict) => !verdict.passed).map((verdict) => verdict.reason);
    return { investorId: investor.investorId, passed: failed.length === 0, failed, verdicts };
  });
}
