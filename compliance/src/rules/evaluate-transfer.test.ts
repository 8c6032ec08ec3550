import test from 'ava';
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from '../ledger/kyc-phase';
import fc from 'fast-check';
import type { JsonObject } from '../json/json-value';
import { evaluateTransfer } from './evaluate-transfer';
import { RULE_IDS } from './rule-id';
import { reverseKeys } from './testing/reverse-keys';
import { looseInputArbitrary } from './testing/transfer-input-arbitrary';
import { NOW, transferInput } from './testing/transfer-input-fixture';
import { TRANSFER_RULES } from './transfer-rules';

const RUNS = { numRuns: 500 };

test('the base input passes every rule, listed in the documented order', (t) => {
  const result = evaluateTransfer(transferInput());
  t.true(result.allowed);
  t.deepEqual(result.failed, []);
  t.deepEqual(result.verdicts.map((verdict) => verdict.rule), [...RULE_IDS]);
  t.true(result.verdicts.every((verdict) => verdict.passed && verdict.reason === 'OK'));
  t.deepEqual(result.approvalsRequired, { senderBankOfficers: 1, receiverBankOfficers: 1, distinctOfficers: 1 });
});

test('every failing rule is reported, not only the first', (t) => {
  const result = evaluateTransfer(
    transferInput({
      asset: { paused: true },
      sender: { kycExpiresAt: NOW - KYC_GRACE_SECONDS - KYC_REPAY_ONLY_SECONDS },
      receiver: { sanctions: { status: 'hit', listVersion: 'SDN-9' }, jurisdiction: 'US', investorType: 'retail' },
      amount: 60_000n,
    }),
  );
  t.false(result.allowed);
  t.deepEqual(result.failed, [
    'ASSET_PAUSED',
    'KYC_EXPIRED_SENDER',
    'SANCTIONS_HIT_RECEIVER',
    'JURISDICTION_NOT_ALLOWED_RECEIVER',
    'INVESTOR_TYPE_NOT_ALLOWED_RECEIVER',
    'INSUFFICIENT_BALANCE',
    'LOCKUP_ACTIVE',
    'TRAVEL_RULE_DATA_MISSING',
  ]);
  t.is(result.verdicts.length, RULE_IDS.length);
  t.is(result.approvalsRequired.distinctOfficers, 2);
});

test('each rule alone gives the verdict the full evaluation lists for it, and every failure appears in failed', (t) => {
  fc.assert(
    fc.property(looseInputArbitrary, (input) => {
      const result = evaluateTransfer(input);
      const expected = RULE_IDS.map((id) => TRANSFER_RULES[id](input));
      t.deepEqual(result.verdicts, expected);
      const failures = expected.filter((verdict) => !verdict.passed);
      t.deepEqual(result.failed, failures.map((verdict) => verdict.reason));
      t.is(result.allowed, failures.length === 0);
      for (const verdict of expected) t.is(verdict.reason === 'OK', verdict.passed);
    }),
    RUNS,
  );
});

test('the same input gives the same result, whatever order its keys are in', (t) => {
  fc.assert(
    fc.property(looseInputArbitrary, (input) => {
      const first = evaluateTransfer(input);
      t.deepEqual(evaluateTransfer(input), first);
      t.is(JSON.stringify(evaluateTransfer(reverseKeys(input))), JSON.stringify(first));
    }),
    RUNS,
  );
});

test('the result survives JSON without loss: amounts in details are strings', (t) => {
  fc.assert(
    fc.property(looseInputArbitrary, (input) => {
      const result = evaluateTransfer(input);
      t.deepEqual(JSON.parse(JSON.stringify(result)), result);
    }),
    RUNS,
  );
  // Checked by the compiler: the verdict is a JSON object as it is, so chaincode can store it.
  const asJson: JsonObject = evaluateTransfer(transferInput());
  t.truthy(asJson);
});
