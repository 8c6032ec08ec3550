import test from 'ava';
import fc from 'fast-check';
import { isTrestleError, type TrestleError } from '../errors/trestle-error';
import { evaluateTransfer } from './evaluate-transfer';
import { reverseKeys } from './testing/reverse-keys';
import { consistentInputArbitrary } from './testing/transfer-input-arbitrary';
import { TRAVEL_RULE, transferInput } from './testing/transfer-input-fixture';
import { transferCheckInputToJson } from './transfer-check-input-json';
import { validateTransferCheckInput } from './validate-transfer-check-input';

const wire = (value: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
const BASE_JSON = wire(transferCheckInputToJson(transferInput({ travelRule: TRAVEL_RULE })));

function problemPaths(json: unknown): string[] {
  const error = (() => {
    try {
      validateTransferCheckInput(json);
    } catch (thrown) {
      return thrown;
    }
    throw new Error('validateTransferCheckInput accepted the input');
  })();
  if (!isTrestleError(error, 'RECORD_MALFORMED')) throw error;
  return ((error as TrestleError).details?.problems as { path: string }[]).map((problem) => problem.path);
}

test('JSON written by transferCheckInputToJson reads back to the same input, and the engine gives the same verdict on it', (t) => {
  fc.assert(
    fc.property(consistentInputArbitrary, (input) => {
      const read = validateTransferCheckInput(wire(transferCheckInputToJson(input)));
      t.deepEqual(read, input);
      t.deepEqual(evaluateTransfer(read), evaluateTransfer(input));
    }),
    { numRuns: 300 },
  );
});

test('the order of keys in the JSON does not matter', (t) => {
  t.deepEqual(validateTransferCheckInput(reverseKeys(BASE_JSON)), validateTransferCheckInput(BASE_JSON));
});

test('travel-rule data is optional, and blank fields are left for the travel rule to judge', (t) => {
  const withoutTravelRule = { ...BASE_JSON };
  delete withoutTravelRule.travelRule;
  t.false('travelRule' in validateTransferCheckInput(withoutTravelRule));
  const blank = { originator: { name: ' ', accountRef: '' }, beneficiary: TRAVEL_RULE.beneficiary };
  t.deepEqual(validateTransferCheckInput({ ...BASE_JSON, travelRule: blank }).travelRule, blank);
});

test('every problem is listed, down to nested fields, lots and unknown keys', (t) => {
  const json = wire({
    ...BASE_JSON,
    policy: { ...(BASE_JSON.policy as object), maxHolders: 0 },
    sender: { ...(BASE_JSON.sender as object), kycStatus: 'ACTIVE', sanctions: { status: 'clear' }, nickname: 'al' },
    receiver: 'inv-bob',
    senderHolding: { balance: '20000', frozen: '0', escrowed: '0', lots: [{ amount: '0', acquiredAt: 1 }, { amount: '20000', acquiredAt: -1 }] },
    amount: 5000,
    now: 1.5,
  });
  t.deepEqual(problemPaths(json), [
    'policy.maxHolders',
    'sender.nickname',
    'sender.kycStatus',
    'sender.sanctions.listVersion',
    'receiver',
    'senderHolding.lots[0].amount',
    'senderHolding.lots[1].acquiredAt',
    'amount',
    'now',
  ]);
});

const contradictions: Array<[string, Record<string, unknown>, string[]]> = [
  ['a policy for another asset', { asset: { assetId: 'OTHER', paused: false } }, ['asset.assetId']],
  ['the sender as receiver', { receiver: { ...(BASE_JSON.sender as object) } }, ['receiver.investorId']],
  ['lots that do not add up to the balance', { senderHolding: { balance: '20001', frozen: '0', escrowed: '0', lots: [{ amount: '20000', acquiredAt: 1 }] } }, ['senderHolding.lots']],
  ['more frozen than held', { senderHolding: { balance: '20000', frozen: '20001', escrowed: '0', lots: [{ amount: '20000', acquiredAt: 1 }] } }, ['senderHolding.frozen']],
  ['a receiver with units who is not a holder', { receiverBalance: '10' }, ['receiverIsHolder']],
  ['a holder count below the holders it names', { holderCount: 1, receiverBalance: '10', receiverIsHolder: true }, ['holderCount']],
];

for (const [what, changes, paths] of contradictions) {
  test(`an input with ${what} is refused`, (t) => {
    t.deepEqual(problemPaths(wire({ ...BASE_JSON, ...changes })), paths);
  });
}

test('free text with control characters is refused', (t) => {
  const sender = { ...(BASE_JSON.sender as object), sanctions: { status: 'clear', listVersion: 'SDN\n2026' } };
  const travelRule = { ...TRAVEL_RULE, originator: { name: 'Alice\u0007', accountRef: 'x' } };
  t.deepEqual(problemPaths(wire({ ...BASE_JSON, sender, travelRule })), ['sender.sanctions.listVersion', 'travelRule.originator.name']);
});

test('a contradiction is not reported on top of a field that is already wrong', (t) => {
  t.deepEqual(problemPaths(wire({ ...BASE_JSON, asset: { assetId: 'has space', paused: false } })), ['asset.assetId']);
  t.deepEqual(problemPaths(wire({ ...BASE_JSON, receiverBalance: '010' })), ['receiverBalance']);
});

test('something that is not an object is RECORD_MALFORMED, nothing at all is ARGUMENT_EMPTY', (t) => {
  t.deepEqual(problemPaths([]), ['']);
  t.deepEqual(problemPaths('{}'), ['']);
  for (const value of [undefined, null, '']) t.true(isTrestleError(t.throws(() => validateTransferCheckInput(value)), 'ARGUMENT_EMPTY'));
});
