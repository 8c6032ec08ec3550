import test from 'ava';
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from './kyc-phase';
import { kycTimeline } from './kyc-timeline';

const EXPIRES = 1_800_000_000;

test('the timeline names the phase at each instant and when grace and repay-only end', (t) => {
  const active = { kycStatus: 'active', kycExpiresAt: EXPIRES };
  t.deepEqual(kycTimeline(active, EXPIRES - 1), { phase: 'current', evmPhase: 0, expiresAt: EXPIRES, graceEndsAt: EXPIRES + KYC_GRACE_SECONDS, repayOnlyEndsAt: EXPIRES + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS });
  t.like(kycTimeline(active, EXPIRES), { phase: 'grace', evmPhase: 0 });
  t.like(kycTimeline(active, EXPIRES + KYC_GRACE_SECONDS), { phase: 'repay-only', evmPhase: 1 });
  t.like(kycTimeline(active, EXPIRES + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS), { phase: 'frozen', evmPhase: 2 });
  t.like(kycTimeline({ kycStatus: 'suspended', kycExpiresAt: EXPIRES }, EXPIRES - 1), { phase: 'current', evmPhase: 2 }, 'a suspended KYC is frozen on the EVM chain whatever its date');
});
