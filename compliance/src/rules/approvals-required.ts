import type { TransferCheckInput } from './transfer-check-input';

/**
 * The approvals a transfer needs before it settles: an officer of the sender's bank and one of
 * the receiver's bank, and at or above the four-eyes threshold two distinct officers in all (so
 * when both investors bank at the same bank, one officer cannot approve for both sides).
 */
export type ApprovalsRequired = {
  readonly senderBankOfficers: 1;
  readonly receiverBankOfficers: 1;
  readonly distinctOfficers: 1 | 2;
};

/** The approvals `input` needs; independent of whether the rules pass. */
export function approvalsRequired(input: TransferCheckInput): ApprovalsRequired {
  const fourEyes = input.amount >= input.policy.fourEyesThreshold;
  return { senderBankOfficers: 1, receiverBankOfficers: 1, distinctOfficers: fourEyes ? 2 : 1 };
}
