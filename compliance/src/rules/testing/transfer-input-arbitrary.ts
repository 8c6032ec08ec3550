import fc from 'fast-check';
import { INVESTOR_TYPES } from '../../policy/investor-type';
import type { Policy } from '../../policy/policy';
import { KYC_STATUSES, SANCTIONS_STATUSES, type InvestorSnapshot, type Lot, type TransferCheckInput } from '../transfer-check-input';
import { NOW, TRAVEL_RULE, transferInput } from './transfer-input-fixture';

// Small ranges around every threshold, so that each rule both passes and fails often.
const policyArbitrary: fc.Arbitrary<Policy> = fc.record({
  schemaVersion: fc.constant(1 as const),
  assetId: fc.constant('ZOB'),
  version: fc.integer({ min: 1, max: 5 }),
  allowedJurisdictions: fc.subarray(['CH', 'DE', 'LI', 'US'] as const, { minLength: 1 }),
  blockedJurisdictions: fc.subarray(['IR', 'KP', 'FR'] as const),
  allowedInvestorTypes: fc.subarray([...INVESTOR_TYPES], { minLength: 1 }),
  lockupSeconds: fc.integer({ min: 0, max: 300 }),
  maxHolders: fc.integer({ min: 1, max: 10 }),
  maxBalancePerHolder: fc.bigInt({ min: 1n, max: 3_000n }),
  minTransfer: fc.bigInt({ min: 0n, max: 50n }),
  fourEyesThreshold: fc.bigInt({ min: 0n, max: 2_000n }),
  travelRuleThreshold: fc.bigInt({ min: 0n, max: 2_000n }),
  defiEligible: fc.boolean(),
});

const investorArbitrary = (investorId: string): fc.Arbitrary<InvestorSnapshot> =>
  fc.record({
    investorId: fc.constant(investorId),
    bankMsp: fc.constantFrom('BankAMSP', 'BankBMSP'),
    jurisdiction: fc.constantFrom('CH', 'DE', 'LI', 'US', 'IR', 'FR'),
    investorType: fc.constantFrom(...INVESTOR_TYPES),
    kycStatus: fc.constantFrom(...KYC_STATUSES),
    kycExpiresAt: fc.integer({ min: NOW - 3, max: NOW + 3 }),
    sanctions: fc.record({ status: fc.constantFrom(...SANCTIONS_STATUSES), listVersion: fc.constantFrom('SDN-1', 'SDN-2') }),
  });

const lotArbitrary: fc.Arbitrary<Lot> = fc.record({ amount: fc.bigInt({ min: 1n, max: 1_000n }), acquiredAt: fc.integer({ min: NOW - 400, max: NOW }) });

const blankable = (text: string) => fc.constantFrom(text, '', ' ');

const travelRuleArbitrary = fc.option(
  fc.record({
    originator: fc.record({ name: blankable(TRAVEL_RULE.originator.name), accountRef: blankable(TRAVEL_RULE.originator.accountRef) }),
    beneficiary: fc.record({ name: blankable(TRAVEL_RULE.beneficiary.name), accountRef: blankable(TRAVEL_RULE.beneficiary.accountRef) }),
  }),
  { nil: undefined },
);

const randomInputArbitrary: fc.Arbitrary<TransferCheckInput> = fc
  .record({
    policy: policyArbitrary,
    paused: fc.boolean(),
    sender: investorArbitrary('inv-a'),
    receiver: investorArbitrary('inv-b'),
    balance: fc.bigInt({ min: 0n, max: 3_000n }),
    frozen: fc.bigInt({ min: 0n, max: 3_000n }),
    escrowed: fc.constantFrom(0n, 0n, 7n),
    lots: fc.array(lotArbitrary, { maxLength: 4 }),
    receiverBalance: fc.bigInt({ min: 0n, max: 3_000n }),
    holderCount: fc.integer({ min: 0, max: 12 }),
    receiverIsHolder: fc.boolean(),
    amount: fc.oneof(fc.bigInt({ min: -2n, max: 3_000n }), fc.constant('whole balance' as const)),
    travelRule: travelRuleArbitrary,
  })
  .map(({ policy, paused, balance, frozen, escrowed, lots, amount, travelRule, ...rest }) => ({
    ...rest,
    policy,
    asset: { assetId: policy.assetId, paused },
    senderHolding: { balance, frozen, escrowed, lots },
    amount: amount === 'whole balance' ? balance : amount,
    now: NOW,
    ...(travelRule === undefined ? {} : { travelRule }),
  }));

const PARTS = ['policy', 'asset', 'sender', 'receiver', 'senderHolding', 'receiverBalance', 'receiverIsHolder', 'holderCount', 'amount', 'travelRule'] as const;

// The fully random inputs almost never pass all sixteen rules; these start from the passing base
// input and take up to two parts from a random one, so allowed transfers are well represented.
const nearlyPassingArbitrary: fc.Arbitrary<TransferCheckInput> = fc
  .tuple(randomInputArbitrary, fc.subarray([...PARTS], { maxLength: 2 }))
  .map(([random, parts]) => {
    const input: Record<string, unknown> = { ...transferInput() };
    for (const part of parts) input[part] = random[part];
    if (input.travelRule === undefined) delete input.travelRule;
    return input as TransferCheckInput;
  });

/**
 * Any input, including ones the validator would refuse as contradicting themselves (lots that do
 * not add up, more frozen than held): chaincode must get a verdict for those too, never a crash.
 */
export const looseInputArbitrary: fc.Arbitrary<TransferCheckInput> = fc.oneof(randomInputArbitrary, nearlyPassingArbitrary);

/** Inputs the validator accepts: lots add up, frozen within the balance, holder facts agree. */
export const consistentInputArbitrary: fc.Arbitrary<TransferCheckInput> = looseInputArbitrary.map((input) => {
  const balance = input.senderHolding.lots.reduce((sum, lot) => sum + lot.amount, 0n);
  const frozen = input.senderHolding.frozen > balance ? balance : input.senderHolding.frozen;
  const receiverIsHolder = input.receiverBalance > 0n;
  const known = (balance + input.senderHolding.escrowed > 0n ? 1 : 0) + (receiverIsHolder ? 1 : 0);
  const amount = input.amount < 0n ? 0n : input.amount;
  const { allowedJurisdictions, blockedJurisdictions, allowedInvestorTypes, minTransfer, maxBalancePerHolder } = input.policy;
  const policy = {
    ...input.policy,
    // The validator refuses a minimum above the maximum balance, and returns sets sorted.
    minTransfer: minTransfer > maxBalancePerHolder ? maxBalancePerHolder : minTransfer,
    allowedJurisdictions: [...allowedJurisdictions].sort(),
    blockedJurisdictions: [...blockedJurisdictions].sort(),
    allowedInvestorTypes: [...allowedInvestorTypes].sort(),
  };
  return { ...input, policy, amount, receiverIsHolder, holderCount: Math.max(input.holderCount, known), senderHolding: { ...input.senderHolding, balance, frozen } };
});
