/**
 * KYC expiry as a state machine (DESIGN.md §8), the same on both chains. When an investor's KYC
 * expires nothing changes at once: a grace period lets the bank renew it. Then the investor is
 * repay-only: they may unwind (send units, repay, take collateral home) but receive no units and
 * add no collateral. Then frozen: nothing moves. A renewal (a later `kycExpiresAt`) restores them.
 * The periods are consortium constants, so every bank and both chains agree on the same instants.
 */

/** Seconds after expiry during which nothing changes. */
export const KYC_GRACE_SECONDS = 30 * 86_400;
/** Seconds after the grace period during which the investor may only unwind. */
export const KYC_REPAY_ONLY_SECONDS = 60 * 86_400;

export const KYC_PHASES = ['current', 'grace', 'repay-only', 'frozen'] as const;
export type KycPhase = (typeof KYC_PHASES)[number];

/** Where a KYC expiring at `kycExpiresAt` (Unix seconds; counts while `now < kycExpiresAt`) stands at `now`. */
export function kycPhase(kycExpiresAt: number, now: number): KycPhase {
  if (now < kycExpiresAt) return 'current';
  if (now < kycExpiresAt + KYC_GRACE_SECONDS) return 'grace';
  if (now < kycExpiresAt + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS) return 'repay-only';
  return 'frozen';
}

/** Whether the phase lets an investor send units (unwinding is allowed until frozen). */
export function maySend(phase: KycPhase): boolean {
  return phase !== 'frozen';
}

/** Whether the phase lets an investor receive units. */
export function mayReceive(phase: KycPhase): boolean {
  return phase === 'current' || phase === 'grace';
}

/**
 * The gateway's KycPhase (0 current, 1 repay-only, 2 frozen) for an investor: the grace period is
 * current there too, and a KYC that is not active (suspended, revoked) is frozen on the EVM chain.
 */
export function evmKycPhase(investor: { readonly kycStatus: string; readonly kycExpiresAt: number }, now: number): 0 | 1 | 2 {
  if (investor.kycStatus !== 'active') return 2;
  const phase = kycPhase(investor.kycExpiresAt, now);
  return phase === 'frozen' ? 2 : phase === 'repay-only' ? 1 : 0;
}
