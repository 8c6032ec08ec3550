import test from 'ava';
import { travelRuleOf } from '@trestle/chaincode/src/transfers/travel-rule-transient';
import type { Context } from 'fabric-contract-api';
import { TrestleError } from '../errors/trestle-error';
import { TRAVEL_RULE_TRANSIENT_KEY } from '../transfers/transfer-request';
import { investorBankByQuery, submitEndorsers, type InvestorBankOf } from './transfer-endorsers';

const BANKS = ['BankAMSP', 'BankBMSP', 'BankCMSP'];
const request = (toInvestorId: string) => JSON.stringify({ transferId: 'T-1', assetId: 'RWA-1', fromInvestorId: 'INV-A1', toInvestorId, amount: '20000' });

/** An InvestorBankOf over a fixed register, recording the ids it was asked for. */
function register(banks: Record<string, string>): { bankOf: InvestorBankOf; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    bankOf: async (investorId) => {
      asked.push(investorId);
      const bank = banks[investorId];
      if (bank === undefined) throw new TrestleError('INVESTOR_NOT_FOUND', 'No investor with this id.');
      return bank;
    },
  };
}

test("the key the plan looks for is the one the chaincode reads travel-rule data from", (t) => {
  const data = { originator: { name: 'Anna Muster', accountRef: 'CH93-0000' }, beneficiary: { name: 'Chloe Frick', accountRef: 'LI21-0000' } };
  const ctx = { stub: { getTransient: () => new Map([[TRAVEL_RULE_TRANSIENT_KEY, Buffer.from(JSON.stringify(data))]]) } } as unknown as Context;
  t.deepEqual(travelRuleOf(ctx), data);
});

test("a RequestTransfer with travel-rule data learns the receiving investor's bank once and is endorsed by it and the caller's bank alone", async (t) => {
  const { bankOf, asked } = register({ 'INV-C1': 'BankCMSP', 'INV-B1': 'BankBMSP' });
  const plan = submitEndorsers('BankAMSP', BANKS, bankOf);
  t.deepEqual(await plan('RequestTransfer', { args: [request('INV-C1')], transientKeys: [TRAVEL_RULE_TRANSIENT_KEY] }), [['BankAMSP', 'BankCMSP']]);
  t.deepEqual(await plan('RequestTransfer', { args: [request('INV-B1')], transientKeys: [TRAVEL_RULE_TRANSIENT_KEY] }), [['BankAMSP', 'BankBMSP']]);
  t.deepEqual(asked, ['INV-C1', 'INV-B1']);
});

test('submits without travel-rule data are planned by name alone, with no look-up', async (t) => {
  const { bankOf, asked } = register({});
  const plan = submitEndorsers('BankAMSP', BANKS, bankOf);
  const usual = [['BankAMSP', 'BankBMSP'], ['BankAMSP', 'BankCMSP']];
  t.deepEqual(await plan('RequestTransfer', { args: [request('INV-C1')], transientKeys: [] }), usual);
  t.deepEqual(await plan('RequestTransfer', { args: [request('INV-C1')], transientKeys: ['pii'] }), usual);
  t.deepEqual(await plan('ApproveTransfer', { args: ['T-1', ''], transientKeys: [TRAVEL_RULE_TRANSIENT_KEY] }), usual);
  t.deepEqual(await plan('StageInvestorPii', { args: ['INV-A1'], transientKeys: ['pii'] }), [['BankAMSP']]);
  t.deepEqual(asked, []);
});

test("the regulator's submits keep the every-bank plan and look nothing up", async (t) => {
  const { bankOf, asked } = register({ 'INV-C1': 'BankCMSP' });
  const plan = await submitEndorsers('RegulatorMSP', BANKS, bankOf)('RequestTransfer', { args: [request('INV-C1')], transientKeys: [TRAVEL_RULE_TRANSIENT_KEY] });
  t.deepEqual(plan?.[0], BANKS);
  t.deepEqual(asked, []);
});

test('a request that does not parse, or names an unknown receiving investor, fails before any endorser is chosen', async (t) => {
  const plan = submitEndorsers('BankAMSP', BANKS, register({}).bankOf);
  await t.throwsAsync(plan('RequestTransfer', { args: ['{not json'], transientKeys: [TRAVEL_RULE_TRANSIENT_KEY] }), { instanceOf: TrestleError, message: /./ });
  const unknown = await t.throwsAsync(plan('RequestTransfer', { args: [request('INV-X')], transientKeys: [TRAVEL_RULE_TRANSIENT_KEY] }), { instanceOf: TrestleError });
  t.is(unknown?.code, 'INVESTOR_NOT_FOUND');
});

test("the receiving bank is the bankMsp of the investor record GetInvestor answers; a record of another shape is RECORD_MALFORMED", async (t) => {
  const record = {
    investorId: 'INV-C1', jurisdiction: 'CH', investorType: 'professional', kycLevel: 'standard', kycExpiresAt: 2_000_000_000, sanctions: { status: 'clear', listVersion: 'SDN', screenedAt: 1_700_000_000 },
    bankMsp: 'BankCMSP', kycStatus: 'active', piiHash: 'ab'.repeat(32), piiErasure: null, lastStatusChange: null,
    onboardedAt: '2026-03-01T10:00:00.000Z', onboardedBy: 'x509::/CN=bob::/CN=ca', updatedAt: '2026-03-01T10:00:00.000Z', updatedBy: 'x509::/CN=bob::/CN=ca',
  };
  const calls: string[][] = [];
  const bankOf = investorBankByQuery(async (name, ...args) => (calls.push([name, ...args]), Buffer.from(JSON.stringify(record))));
  t.is(await bankOf('INV-C1'), 'BankCMSP');
  t.deepEqual(calls, [['GetInvestor', 'INV-C1']]);
  const malformed = await t.throwsAsync(investorBankByQuery(async () => Buffer.from('{"investorId":"INV-C1"}'))('INV-C1'), { instanceOf: TrestleError });
  t.is(malformed?.code, 'RECORD_MALFORMED');
});
