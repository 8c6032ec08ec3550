import test from 'ava';
import { submitLedger, type LedgerContract } from './ledger-call';
import { isReadConflict, retryOnReadConflict } from '@trestle/compliance/src/ledger-client/read-conflict';

/** fabric-network's commit failure as the real network raised it (TransactionError: message and transactionCode). */
function commitFailure(code: string): Error {
  return Object.assign(new Error(`Commit of transaction 49240f98 failed on peer 127.0.0.1:37120 with status ${code}`), { transactionCode: code });
}

/** A contract whose submits fail with `failures` in turn, then succeed; it counts the submits. */
function flakyContract(failures: Error[]): LedgerContract & { submits: number } {
  const contract = {
    submits: 0,
    submitTransaction: async () => {
      const failure = failures[contract.submits++];
      if (failure !== undefined) throw failure;
      return new Uint8Array();
    },
    evaluateTransaction: async () => new Uint8Array(),
  };
  return contract;
}

const noWait = () => 0;

test('a read conflict is recognised by its transaction code or, without one, by the commit message', (t) => {
  t.true(isReadConflict(commitFailure('MVCC_READ_CONFLICT')));
  t.true(isReadConflict(commitFailure('PHANTOM_READ_CONFLICT')));
  t.true(isReadConflict(new Error('Commit of transaction ab failed on peer p with status MVCC_READ_CONFLICT')));
  t.false(isReadConflict(commitFailure('ENDORSEMENT_POLICY_FAILURE')), 'a policy failure is not retried: the same endorsers would fail again');
  t.false(isReadConflict(new Error('[BRIDGE_OUT_STATE_CONFLICT] The bridge-out is already MINTED; it needs no more signatures.')));
  t.false(isReadConflict('MVCC_READ_CONFLICT'));
});

test('a submit invalidated by read conflicts is submitted again until it commits', async (t) => {
  const contract = flakyContract([commitFailure('MVCC_READ_CONFLICT'), commitFailure('MVCC_READ_CONFLICT')]);
  await retryOnReadConflict(() => contract.submitTransaction('AttestBurn'), { attempts: 5, baseDelayMs: 1 }, noWait);
  t.is(contract.submits, 3);
});

test('after the last attempt the read conflict itself is thrown', async (t) => {
  const contract = flakyContract([1, 2, 3].map(() => commitFailure('MVCC_READ_CONFLICT')));
  const error = await t.throwsAsync(retryOnReadConflict(() => contract.submitTransaction('AttestBurn'), { attempts: 3, baseDelayMs: 1 }, noWait));
  t.regex(error.message, /MVCC_READ_CONFLICT/);
  t.is(contract.submits, 3);
});

test("the validator's ledger submits retry a read conflict, and a chaincode refusal comes back typed after one submit", async (t) => {
  const conflicted = flakyContract([commitFailure('MVCC_READ_CONFLICT')]);
  await submitLedger(conflicted, 'AttestBurn', '{}');
  t.is(conflicted.submits, 2);

  const refused = flakyContract([new Error('No valid responses from any peers. Errors:\n    peer=127.0.0.1:37110, status=500, message=[BRIDGE_OUT_STATE_CONFLICT] The bridge-out is already MINTED; it needs no more signatures. {"nonce":"2"}')]);
  const error = await t.throwsAsync(submitLedger(refused, 'RecordMintSignature', '31337', '2', '0x'));
  t.is((error as Error & { code?: string }).code, 'BRIDGE_OUT_STATE_CONFLICT');
  t.is(refused.submits, 1, 'a refusal is final');
});
