import test from 'ava';
import { evmKycPhase, KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS, kycPhase, mayReceive, maySend } from './kyc-phase';

const EXPIRES = 1_800_000_000;

test('a KYC walks current → grace → repay-only → frozen at the instants the constants give', (t) => {
  t.is(kycPhase(EXPIRES, EXPIRES - 1), 'current');
  t.is(kycPhase(EXPIRES, EXPIRES), 'grace', 'the expiry second itself no longer counts');
  t.is(kycPhase(EXPIRES, EXPIRES + KYC_GRACE_SECONDS - 1), 'grace');
  t.is(kycPhase(EXPIRES, EXPIRES + KYC_GRACE_SECONDS), 'repay-only');
  t.is(kycPhase(EXPIRES, EXPIRES + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS - 1), 'repay-only');
  t.is(kycPhase(EXPIRES, EXPIRES + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS), 'frozen');
});

test('who may send and receive in each phase, and what the gateway is told', (t) => {
  t.deepEqual((['current', 'grace', 'repay-only', 'frozen'] as const).map((phase) => [maySend(phase), mayReceive(phase)]), [
    [true, true],
    [true, true],
    [true, false],
    [false, false],
  ]);
  const at = (offset: number) => evmKycPhase({ kycStatus: 'active', kycExpiresAt: EXPIRES }, EXPIRES + offset);
  t.deepEqual([at(-1), at(0), at(KYC_GRACE_SECONDS), at(KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS)], [0, 0, 1, 2]);
  t.is(evmKycPhase({ kycStatus: 'suspended', kycExpiresAt: EXPIRES }, EXPIRES - 1), 2, 'a suspended KYC is frozen on the EVM chain');
});
