import { evmKycPhase, KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS, kycPhase, type KycPhase } from './kyc-phase';

/**
 * Where an investor's KYC stands at `now` and when it moves on (Unix seconds), for people: the
 * ledger's phase, the phase the EVM gateway carries (0 current, 1 repay-only, 2 frozen; a
 * suspended or revoked KYC is frozen there), and the instants that end grace and repay-only.
 */
export type KycTimeline = {
  readonly phase: KycPhase;
  readonly evmPhase: 0 | 1 | 2;
  readonly expiresAt: number;
  readonly graceEndsAt: number;
  readonly repayOnlyEndsAt: number;
};

export function kycTimeline(investor: { readonly kycStatus: string; readonly kycExpiresAt: number }, now: number): KycTimeline {
  const expiresAt = investor.kycExpiresAt;
  return {
    phase: kycPhase(expiresAt, now),
    evmPhase: evmKycPhase(investor, now),
    expiresAt,
    graceEndsAt: expiresAt + KYC_GRACE_SECONDS,
    repayOnlyEndsAt: expiresAt + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS,
  };
}
