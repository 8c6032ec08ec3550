import type { RuleId } from './rule-id';
import { pass, fail, type RuleVerdict, type TransferRule } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { kycPhase, mayReceive, maySend } from '../ledger/kyc-phase';
import { instant, partyOf, type Side } from './wording';

const RULE = { sender: 'sender-kyc', receiver: 'receiver-kyc' } as const satisfies Record<Side, RuleId>;

const REASON = {
  sender: { revoked: 'KYC_REVOKED_SENDER', suspended: 'KYC_SUSPENDED_SENDER', expired: 'KYC_EXPIRED_SENDER' },
  receiver: { revoked: 'KYC_REVOKED_RECEIVER', suspended: 'KYC_SUSPENDED_RECEIVER', expired: 'KYC_EXPIRED_RECEIVER' },
} as const;

/** The sender's KYC must be active and, if expired, not yet frozen: an investor in grace or repay-only may unwind. */
export const checkSenderKyc: TransferRule = (input) => checkKyc(input, 'sender');
/** The receiver's KYC must be active and current, or expired within the grace period. */
export const checkReceiverKyc: TransferRule = (input) => checkKyc(input, 'receiver');

// KYC stops counting at the second `kycExpiresAt` itself; the phases after it are kyc-phase.ts's.
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
  const phase = kycPhase(kycExpiresAt, input.now);
  const allowed = side === 'sender' ? maySend(phase) : mayReceive(phase);
  if (!allowed) {
    const stage = phase === 'frozen' ? 'its holdings are frozen' : 'the investor may only unwind, not receive units';
    return fail(RULE[side], REASON[side].expired, `The ${side}'s KYC expired at ${instant(kycExpiresAt)} and ${stage}; their bank must renew it before the transfer.`, { ...details, phase });
  }
  if (phase !== 'current') {
    const until = phase === 'grace' ? 'is in its grace period' : 'is repay-only: the investor may still send units';
    return pass(RULE[side], `The ${side}'s KYC expired at ${instant(kycExpiresAt)} and ${until}; their bank should renew it.`, { ...details, phase });
  }
  return pass(RULE[side], `The ${side}'s KYC is active until ${instant(kycExpiresAt)}.`, details);
}
