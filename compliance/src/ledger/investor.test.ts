import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { investorSnapshot, parseInvestorDocument, parseInvestorRecord, type InvestorRecord } from './investor';

const NOW = 1_772_359_200;
const DOCUMENT = { investorId: 'INV-1', jurisdiction: 'CH', investorType: 'professional', kycLevel: 'standard', kycExpiresAt: NOW + 1, sanctions: { status: 'clear', listVersion: 'SDN', screenedAt: NOW } };
const ID = 'x509::/CN=bob::/CN=ca';

test('an investor record reads back and reduces to the snapshot the transfer rules take', (t) => {
  const record: InvestorRecord = {
    ...parseInvestorDocument(JSON.stringify(DOCUMENT), NOW),
    bankMsp: 'BankAMSP',
    kycStatus: 'active',
    piiHash: 'ab'.repeat(32),
    piiErasure: null,
    lastStatusChange: null,
    onboardedAt: '2026-03-01T10:00:00.000Z',
    onboardedBy: ID,
    updatedAt: '2026-03-01T10:00:00.000Z',
    updatedBy: ID,
  };
  t.deepEqual(parseInvestorRecord(JSON.parse(JSON.stringify(record))), record);
  t.deepEqual(investorSnapshot(record), {
    investorId: 'INV-1',
    bankMsp: 'BankAMSP',
    jurisdiction: 'CH',
    investorType: 'professional',
    kycStatus: 'active',
    kycExpiresAt: NOW + 1,
    sanctions: { status: 'clear', listVersion: 'SDN' },
  });
});

test('the KYC must not have expired and the screening must have run by the transaction time', (t) => {
  const error = t.throws(() => parseInvestorDocument(JSON.stringify({ ...DOCUMENT, kycExpiresAt: NOW, sanctions: { ...DOCUMENT.sanctions, screenedAt: NOW + 1 } }), NOW));
  t.true(isTrestleError(error, 'INVESTOR_INVALID'));
  t.deepEqual(isTrestleError(error) ? (error.details?.problems as Array<{ path: string }>).map((p) => p.path) : [], ['kycExpiresAt', 'sanctions.screenedAt']);
});
