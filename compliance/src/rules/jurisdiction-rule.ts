import type { RuleId } from './rule-id';
import { pass, fail, type RuleVerdict, type TransferRule } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { listed, partyOf, type Side } from './wording';

const RULE = { sender: 'sender-jurisdiction', receiver: 'receiver-jurisdiction' } as const satisfies Record<Side, RuleId>;

const REASON = {
  sender: { blocked: 'JURISDICTION_BLOCKED_SENDER', notAllowed: 'JURISDICTION_NOT_ALLOWED_SENDER' },
  receiver: { blocked: 'JURISDICTION_BLOCKED_RECEIVER', notAllowed: 'JURISDICTION_NOT_ALLOWED_RECEIVER' },
} as const;

/** The sender's jurisdiction must be allowed and not blocked by the policy. */
export const checkSenderJurisdiction: TransferRule = (input) => checkJurisdiction(input, 'sender');
/** The receiver's jurisdiction must be allowed and not blocked by the policy. */
export const checkReceiverJurisdiction: TransferRule = (input) => checkJurisdiction(input, 'receiver');

// Blocked is checked first: a parsed policy never lists a code in both, but a block must win if one did.
function checkJurisdiction(input: TransferCheckInput, side: Side): RuleVerdict {
  const { jurisdiction } = partyOf(input, side);
  const { allowedJurisdictions, blockedJurisdictions, version } = input.policy;
  const details = { jurisdiction, policyVersion: version };
  if (blockedJurisdictions.includes(jurisdiction)) {
    return fail(RULE[side], REASON[side].blocked, `The ${side}'s jurisdiction ${jurisdiction} is blocked by policy version ${version}.`, details);
  }
  if (!allowedJurisdictions.includes(jurisdiction)) {
    const allowed = listed(allowedJurisdictions, 'jurisdictions');
    return fail(RULE[side], REASON[side].notAllowed, `The ${side}'s jurisdiction ${jurisdiction} is not one policy version ${version} allows (${allowed}).`, details);
  }
  return pass(RULE[side], `The ${side}'s jurisdiction ${jurisdiction} is allowed by policy version ${version}.`, details);
}
