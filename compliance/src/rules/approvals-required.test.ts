import test from 'ava';
import { approvalsRequired } from './approvals-required';
import { transferInput } from './testing/transfer-input-fixture';

const cases: Array<[string, bigint, bigint, 1 | 2]> = [
  ['one unit below the four-eyes threshold needs one officer per bank', 49_999n, 50_000n, 1],
  ['exactly the four-eyes threshold needs two distinct officers', 50_000n, 50_000n, 2],
  ['above the four-eyes threshold needs two distinct officers', 80_000n, 50_000n, 2],
  ['a zero four-eyes threshold puts every transfer under four eyes', 1n, 0n, 2],
];

for (const [title, amount, fourEyesThreshold, distinctOfficers] of cases) {
  test(`a transfer of ${title}`, (t) => {
    t.deepEqual(approvalsRequired(transferInput({ amount, policy: { fourEyesThreshold } })), { senderBankOfficers: 1, receiverBankOfficers: 1, distinctOfficers });
  });
}
