import type { RuleId } from './rule-id';
import { pass, fail, type RuleVerdict, type TransferRule } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { listed, partyOf, type Side } from './wording';

const RULE = { sender: 'sender-investor-type', receiver: 'receiver-investor-type' } as const satisfies Record<Side, RuleId>;

const REASON = { sender: 'INVESTOR_TYPE_NOT_ALLOWED_SENDER', receiver: 'INVESTOR_TYPE_NOT_ALLOWED_RECEIVER' } as const;

/** The sender's investor type must be one the policy allows. */
export const checkSenderInvestorType: TransferRule = (input) => checkInvestorType(input, 'sender');
/** The receiver's investor type must be one the policy allows. */
export const checkReceiverInvestorType: TransferRule = (input) => checkInvestorType(input, 'receiver');

function checkInvestorType(input: TransferCheckInput, side: Side): RuleVerdict {
  const { investorType } = partyOf(input, side);
  const { allowedInvestorTypes, version } = input.policy;
  const details = { investorType, policyVersion: version };
  if (allowedInvestorTypes.includes(investorType)) {
    return pass(RULE[side], `The ${side}'s investor type ${investorType} is allowed by policy version ${version}.`, details);
  }
  const allowed = listed(allowedInvestorTypes, 'investor types');
  return fail(RULE[side], REASON[side], `The ${side}'s investor type ${investorType} is not one policy version ${version} allows (${allowed}).`, details);
}
