import test from 'ava';
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from '../ledger/kyc-phase';
import { checkReceiverKyc, checkSenderKyc } from './kyc-rule';
import { NOW } from './testing/transfer-input-fixture';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the sender KYC rule', 'sender-kyc', checkSenderKyc, [
  ['passes when the KYC expires one second after now', { sender: { kycExpiresAt: NOW + 1 } }, 'OK', /active until 2026-03-01T00:00:01Z/],
  ['passes in the grace period after expiry, saying so', { sender: { kycExpiresAt: NOW } }, 'OK', /expired at 2026-03-01T00:00:00Z \(Unix 1772323200\) and is in its grace period/],
  ['passes when repay-only: the sender may unwind', { sender: { kycExpiresAt: NOW - KYC_GRACE_SECONDS } }, 'OK', /repay-only/],
  ['fails once frozen', { sender: { kycExpiresAt: NOW - KYC_GRACE_SECONDS - KYC_REPAY_ONLY_SECONDS } }, 'KYC_EXPIRED_SENDER', /frozen/],
  ['fails when the KYC expired a year ago', { sender: { kycExpiresAt: NOW - 365 * 86_400 } }, 'KYC_EXPIRED_SENDER'],
  ['fails when the KYC is suspended', { sender: { kycStatus: 'suspended' } }, 'KYC_SUSPENDED_SENDER', /suspended/],
  ['fails when the KYC is revoked, even if also expired', { sender: { kycStatus: 'revoked', kycExpiresAt: 0 } }, 'KYC_REVOKED_SENDER', /revoked/],
  ['does not look at the receiver', { receiver: { kycStatus: 'revoked' } }, 'OK'],
]);

ruleTable(test, 'the receiver KYC rule', 'receiver-kyc', checkReceiverKyc, [
  ['passes when the KYC expires one second after now', { receiver: { kycExpiresAt: NOW + 1 } }, 'OK'],
  ['passes in the grace period after expiry', { receiver: { kycExpiresAt: NOW } }, 'OK', /grace period/],
  ['fails when repay-only: nothing is received', { receiver: { kycExpiresAt: NOW - KYC_GRACE_SECONDS } }, 'KYC_EXPIRED_RECEIVER', /may only unwind/],
  ['fails once frozen', { receiver: { kycExpiresAt: NOW - KYC_GRACE_SECONDS - KYC_REPAY_ONLY_SECONDS } }, 'KYC_EXPIRED_RECEIVER', /frozen/],
  ['fails when the KYC is suspended', { receiver: { kycStatus: 'suspended' } }, 'KYC_SUSPENDED_RECEIVER'],
  ['fails when the KYC is revoked', { receiver: { kycStatus: 'revoked' } }, 'KYC_REVOKED_RECEIVER'],
  ['fails closed on a status it does not know', { receiver: { kycStatus: 'ACTIVE' as never } }, 'KYC_SUSPENDED_RECEIVER'],
  ['does not look at the sender', { sender: { kycExpiresAt: 0 } }, 'OK'],
]);
