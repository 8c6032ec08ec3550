import test from 'ava';
import { checkReceiverKyc, checkSenderKyc } from './kyc-rule';
import { NOW } from './testing/transfer-input-fixture';
import { ruleTable } from './testing/rule-table';

ruleTable(test, 'the sender KYC rule', 'sender-kyc', checkSenderKyc, [
  ['passes when the KYC expires one second after now', { sender: { kycExpiresAt: NOW + 1 } }, 'OK', /active until 2026-03-01T00:00:01Z/],
  ['fails when the KYC expires exactly now', { sender: { kycExpiresAt: NOW } }, 'KYC_EXPIRED_SENDER', /expired at 2026-03-01T00:00:00Z \(Unix 1772323200\)/],
  ['fails when the KYC expired a year ago', { sender: { kycExpiresAt: NOW - 365 * 86_400 } }, 'KYC_EXPIRED_SENDER'],
  ['fails when the KYC is suspended', { sender: { kycStatus: 'suspended' } }, 'KYC_SUSPENDED_SENDER', /suspended/],
  ['fails when the KYC is revoked, even if also expired', { sender: { kycStatus: 'revoked', kycExpiresAt: 0 } }, 'KYC_REVOKED_SENDER', /revoked/],
  ['does not look at the receiver', { receiver: { kycStatus: 'revoked' } }, 'OK'],
]);

ruleTable(test, 'the receiver KYC rule', 'receiver-kyc', checkReceiverKyc, [
  ['passes when the KYC expires one second after now', { receiver: { kycExpiresAt: NOW + 1 } }, 'OK'],
  ['fails when the KYC expires exactly now', { receiver: { kycExpiresAt: NOW } }, 'KYC_EXPIRED_RECEIVER', /receiver's KYC expired/],
  ['fails when the KYC is suspended', { receiver: { kycStatus: 'suspended' } }, 'KYC_SUSPENDED_RECEIVER'],
  ['fails when the KYC is revoked', { receiver: { kycStatus: 'revoked' } }, 'KYC_REVOKED_RECEIVER'],
  ['fails closed on a status it does not know', { receiver: { kycStatus: 'ACTIVE' as never } }, 'KYC_SUSPENDED_RECEIVER'],
  ['does not look at the sender', { sender: { kycExpiresAt: NOW } }, 'OK'],
]);
