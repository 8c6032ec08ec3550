import type { RuleId } from './rule-id';
import { pass, fail, type RuleVerdict, type TransferRule } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { instant, partyOf, type Side } from './wording';

const RULE = { sender: 'sender-kyc', receiver: 'receiver-kyc' } as const satisfies Record<Side, RuleId>;

const REASON = {
  sender: { revoked: 'KYC_REVOKED_SENDER', suspended: 'KYC_SUSPENDED_SENDER', expired: 'KYC_EXPIRED_SENDER' },
  receiver: { revoked: 'KYC_REVOKED_RECEIVER', suspended: 'KYC_SUSPENDED_RECEIVER', expired: 'KYC_EXPIRED_RECEIVER' },
} as const;

/** The sender's KYC must be active and not expired at the transaction time. */
export const checkSenderKyc: TransferRule = (input) => checkKyc(input, 'sender');
/** The receiver's KYC must be active and not expired at the transaction time. */
export const checkReceiverKyc: TransferRule = (input) => checkKyc(input, 'receiver');

// KYC stops counting at the second `kycExpiresAt` itself: a transfer stamped exactly then fails.
function checkKyc(input: TransferCheckInput, side: Side): RuleVerdict {
  const { kycStatus, kycExpiresAt } = partyOf(input, side);
  const details = { kycStatus, kycExpiresAt, now: input.now };
  if (kycStatus === 'revoked') {
    return fail(RULE[side], REASON[side].revoked, `The ${side}'s KYC is revoked; their bank must onboard them again before they can take part in a transfer.`, details);
  }
  // Any status other than active (suspended, or one this code does not know) fails closed.
  if (kycStatus !== 'active') {
    return fail(RULE[side], REASON[side].suspended, `The ${side}'s KYC is suspended; an officer of their bank must lift the suspension first.`, details);
  }
  if (input.now >= kycExpiresAt) {
    return fail(RULE[side], REASON[side].expired, `The ${side}'s KYC expired at ${instant(kycExpiresAt)}; their bank must renew it before the transfer.`, details);
  }
  return pass(RULE[side], `The ${side}'s KYC is active until ${instant(kycExpiresAt)}.`, details);
}
