import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { submitJson, submitLedger, submitWithTransient } from './call-ledger';
import type { LedgerContract } from './ledger-contract';
import { isReadConflict, READ_CONFLICT_RETRY, submitAgainOnReadConflict } from './read-conflict';

/** fabric-network's commit failure as the real network raised it to the officer service (message and transactionCode). */
function commitFailure(code: string): Error {
  return Object.assign(new Error(`Commit of transaction e2f9d4b3 failed on peer 127.0.0.1:39110 with status ${code}`), { transactionCode: code });
}

/** A contract whose submits (plain or with a transient map) fail with `failures` in turn, then answer `answer`; it counts them. */
function flakyContract(failures: Error[], answer = '{"status":"SETTLED"}'): LedgerContract & { submits: number } {
  const submit = async () => {
    const failure = failures[contract.submits++];
    if (failure !== undefined) throw failure;
    return new TextEncoder().encode(answer);
  };
  const contract = {
    submits: 0,
    submitTransaction: submit,
    evaluateTransaction: async () => new Uint8Array(),
    createTransaction: () => {
      const transaction = { setTransient: () => transaction, submit, evaluate: async () => new Uint8Array() };
      return transaction;
    },
  };
  return contract;
}

test('a read conflict is recognised by its transaction code or, without one, by the commit message; nothing else is', (t) => {
  t.true(isReadConflict(commitFailure('MVCC_READ_CONFLICT')));
  t.true(isReadConflict(commitFailure('PHANTOM_READ_CONFLICT')));
  t.true(isReadConflict(new Error('Commit of transaction ab failed on peer p with status MVCC_READ_CONFLICT')));
  t.false(isReadConflict(commitFailure('ENDORSEMENT_POLICY_FAILURE')), 'the same endorsers would fail again');
  t.false(isReadConflict(new Error('[TRANSFER_STATE_CONFLICT] The transfer is SETTLED; only a PENDING transfer can be approved.')));
  t.false(isReadConflict('MVCC_READ_CONFLICT'));
});

test("an officer's approval invalidated by the other bank's simultaneous one is submitted again and answers as if nothing happened", async (t) => {
  const contract = flakyContract([commitFailure('MVCC_READ_CONFLICT')]);
  const logged: string[] = [];
  t.deepEqual(await submitJson(contract, (line) => logged.push(line), 'ApproveTransfer', 'T-1', 'ok'), { status: 'SETTLED' });
  t.is(contract.submits, 2);
  t.deepEqual(logged, [], 'no false alarm in the log');

  const plain = flakyContract([commitFailure('PHANTOM_READ_CONFLICT'), commitFailure('MVCC_READ_CONFLICT')]);
  await submitLedger(plain, () => undefined, 'FreezePartial', 'A', 'I', '1000', 'order');
  t.is(plain.submits, 3);
  const withPii = flakyContract([commitFailure('MVCC_READ_CONFLICT')]);
  await submitWithTransient(withPii, () => undefined, 'UpdateInvestor', { pii: new Uint8Array([1]) }, '{}');
  t.is(withPii.submits, 2, 'a write with personal data too');
});

test('a chaincode refusal is final after one submit, and a conflict that persists ends as OFFICER_LEDGER_UNAVAILABLE after the last attempt', async (t) => {
  const refused = flakyContract([new Error('No valid responses from any peers. Errors:\n    peer=p, status=500, message=[TRANSFER_ALREADY_APPROVED] You have already approved this transfer. {"transferId":"T-1"}')]);
  const refusal = await t.throwsAsync(submitJson(refused, () => undefined, 'ApproveTransfer', 'T-1', 'ok'));
  t.true(isTrestleError(refusal, 'TRANSFER_ALREADY_APPROVED'), refusal?.message);
  t.is(refused.submits, 1);

  const stuck = flakyContract(Array.from({ length: 10 }, () => commitFailure('MVCC_READ_CONFLICT')));
  const logged: string[] = [];
  const error = await t.throwsAsync(submitJson(stuck, (line) => logged.push(line), 'ApproveTransfer', 'T-1', 'ok'));
  t.true(isTrestleError(error, 'OFFICER_LEDGER_UNAVAILABLE'));
  t.is(stuck.submits, READ_CONFLICT_RETRY.attempts);
  t.regex(logged.join('\n'), /MVCC_READ_CONFLICT/);
});

test('waits between attempts grow with the attempt and are drawn at random below the bound', async (t) => {
  const draws: number[] = [];
  const conflicts = [commitFailure('MVCC_READ_CONFLICT'), commitFailure('MVCC_READ_CONFLICT')];
  let calls = 0;
  const started = Date.now();
  const answer = await submitAgainOnReadConflict(
    async () => {
      const failure = conflicts[calls++];
      if (failure !== undefined) throw failure;
      return 'done';
    },
    { attempts: 3, baseDelayMs: 40, random: () => (draws.push(draws.length), 1) },
  );
  t.is(answer, 'done');
  t.is(draws.length, 2, 'one draw per wait');
  t.true(Date.now() - started >= 40 + 80 - 5, 'the bound grows: 40 ms, then 80 ms');
});
