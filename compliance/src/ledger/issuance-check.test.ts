import test from 'ava';
import { KYC_GRACE_SECONDS } from './kyc-phase';
import type { InvestorSnapshot } from '../rules/transfer-check-input';
import { samplePolicy } from '../policy/testing/policy-fixture';
import { evaluateIssuance, ISSUANCE_RULES } from './issuance-check';

const NOW = 1_772_359_200;
const investor = (investorId: string, changes: Partial<InvestorSnapshot> = {}): InvestorSnapshot => ({
  investorId,
  bankMsp: 'BankAMSP',
  jurisdiction: 'CH',
  investorType: 'professional',
  kycStatus: 'active',
  kycExpiresAt: NOW + 1,
  sanctions: { status: 'clear', listVersion: 'SDN 2026-02-28' },
  ...changes,
});

test('each holder gets one verdict per receiver-side rule, and passes when all pass', (t) => {
  const [verdict] = evaluateIssuance(samplePolicy(), [{ investor: investor('INV-1'), units: 10n }], NOW);
  t.deepEqual(verdict?.verdicts.map((v) => v.rule), [...ISSUANCE_RULES]);
  t.true(verdict?.passed);
});

test('holders count one by one against the maximum number of holders', (t) => {
  const holders = ['INV-1', 'INV-2', 'INV-3'].map((id) => ({ investor: investor(id), units: 10n }));
  t.deepEqual(evaluateIssuance(samplePolicy({ maxHolders: 2 }), holders, NOW).map((v) => v.failed), [[], [], ['MAX_HOLDERS_EXCEEDED']]);
});

test('an initial holder receives units while current or in the grace period, as for transfers, not once repay-only', (t) => {
  const holders = [{ investor: investor('INV-1', { kycExpiresAt: NOW }), units: 10n }];
  t.deepEqual(evaluateIssuance(samplePolicy(), holders, NOW - 1)[0]?.failed, []);
  t.deepEqual(evaluateIssuance(samplePolicy(), holders, NOW + KYC_GRACE_SECONDS - 1)[0]?.failed, []);
  t.deepEqual(evaluateIssuance(samplePolicy(), holders, NOW + KYC_GRACE_SECONDS)[0]?.failed, ['KYC_EXPIRED_RECEIVER']);
});
