import test from 'ava';
import { createHash } from 'node:crypto';
import { isPiiNotStaged, stageInvestorPii, stagedPiiHash, submitInvestorWithPii, submitWithStagedPii, UNSTAGED_PII_HASH } from './investor-arguments';
import type { LedgerContract } from './ledger-contract';

const PII = { fullName: 'Anna Muster', birthDate: '1980-05-17', address: { lines: ['Bahnhofstrasse 1'], postalCode: '8001', city: 'Zürich', country: 'CH' }, documents: [{ type: 'passport', reference: 'X1', issuingCountry: 'CH' }] };
const HASH = createHash('sha256').update('staged').digest('hex');

/** A contract that records each call (name, arguments, transient keys) and answers `answer` to every submit. */
function recordingContract(answer: string): { contract: LedgerContract; calls: Array<{ name: string; args: string[]; transient: string[] }> } {
  const calls: Array<{ name: string; args: string[]; transient: string[] }> = [];
  const bytes = async () => Buffer.from(answer);
  const contract: LedgerContract = {
    submitTransaction: async (name, ...args) => (calls.push({ name, args, transient: [] }), bytes()),
    evaluateTransaction: async (name, ...args) => (calls.push({ name, args, transient: [] }), bytes()),
    createTransaction: (name) => {
      let transient: string[] = [];
      const transaction = {
        setTransient: (map: Readonly<Record<string, Uint8Array>>) => ((transient = Object.keys(map)), transaction),
        submit: async (...args: string[]) => (calls.push({ name, args, transient }), bytes()),
        evaluate: async (...args: string[]) => (calls.push({ name, args, transient }), bytes()),
      };
      return transaction;
    },
  };
  return { contract, calls };
}

test('staging sends the PII, salted, only in the transient map of StageInvestorPii and returns the hash it answered', async (t) => {
  const { contract, calls } = recordingContract(HASH);
  t.is(await stageInvestorPii(contract, 'INV-1', PII), HASH);
  t.deepEqual(calls, [{ name: 'StageInvestorPii', args: ['INV-1'], transient: ['pii'] }]);
});

test('bad PII is refused before any ledger call; an answer that is not a SHA-256 hash is an error', async (t) => {
  const { contract, calls } = recordingContract(HASH);
  await t.throwsAsync(stageInvestorPii(contract, 'INV-1', { ...PII, birthDate: '17.05.1980' }), { message: /INVESTOR_PII_INVALID/ });
  t.deepEqual(calls, []);
  await t.throwsAsync(stageInvestorPii(recordingContract('').contract, 'INV-1', PII), { message: /not a SHA-256 hash/ });
  t.throws(() => stagedPiiHash(Buffer.from(HASH.toUpperCase())), { message: /not a SHA-256 hash/ });
  t.is(stagedPiiHash(Buffer.from(HASH)), HASH);
});

test('an investor transaction with PII: a dry run naming an unstaged hash, then the PII staged, then the transaction with its hash', async (t) => {
  const { contract, calls } = recordingContract(HASH);
  contract.evaluateTransaction = async (name, ...args) => {
    calls.push({ name: `dry run ${name}`, args, transient: [] });
    throw new Error('error in simulation: [INVESTOR_PII_NOT_STAGED] No personal data with this hash is staged {"investorId":"INV-1"}');
  };
  await submitInvestorWithPii(contract, 'AdoptInvestor', 'INV-1', PII, '{"investorId":"INV-1"}', 'reason');
  t.deepEqual(calls, [
    { name: 'dry run AdoptInvestor', args: ['{"investorId":"INV-1"}', UNSTAGED_PII_HASH, 'reason'], transient: [] },
    { name: 'StageInvestorPii', args: ['INV-1'], transient: ['pii'] },
    { name: 'AdoptInvestor', args: ['{"investorId":"INV-1"}', HASH, 'reason'], transient: [] },
  ]);
});

test('a dry run refused for anything but the missing PII stages nothing and records nothing', async (t) => {
  const { contract, calls } = recordingContract(HASH);
  contract.evaluateTransaction = async () => {
    throw new Error('error in simulation: [INVESTOR_ALREADY_ONBOARDED] An investor with this id is already onboarded {"investorId":"INV-1"}');
  };
  await t.throwsAsync(submitInvestorWithPii(contract, 'OnboardInvestor', 'INV-1', PII, '{}'), { message: /INVESTOR_ALREADY_ONBOARDED/ });
  t.deepEqual(calls, []);
  t.false(isPiiNotStaged(new Error('INVESTOR_PII_NOT_STAGED without brackets')));
});

/** A contract whose dry run wants the PII staged and whose `name` submit fails with `failure`; DiscardStagedInvestorPii answers `discardAnswer`. */
function failingRecordContract(name: string, failure: Error, discardAnswer: Error | undefined) {
  const { contract, calls } = recordingContract(HASH);
  contract.evaluateTransaction = async () => {
    throw new Error('error in simulation: [INVESTOR_PII_NOT_STAGED] No personal data with this hash is staged {"investorId":"INV-1"}');
  };
  contract.submitTransaction = async (called, ...args) => {
    calls.push({ name: called, args, transient: [] });
    if (called === name) throw failure;
    if (called === 'DiscardStagedInvestorPii' && discardAnswer !== undefined) throw discardAnswer;
    return Buffer.from('');
  };
  return { contract, calls };
}

test('a record transaction that fails after the PII was staged discards the staged PII by its hash, and the caller sees the submit\'s own error', async (t) => {
  const conflict = new Error('transaction 4f2e invalidated: MVCC_READ_CONFLICT');
  const { contract, calls } = failingRecordContract('OnboardInvestor', conflict, undefined);
  const error = await t.throwsAsync(submitInvestorWithPii(contract, 'OnboardInvestor', 'INV-1', PII, '{"investorId":"INV-1"}'));
  t.is(error, conflict);
  t.deepEqual(calls, [
    { name: 'StageInvestorPii', args: ['INV-1'], transient: ['pii'] },
    { name: 'OnboardInvestor', args: ['{"investorId":"INV-1"}', HASH], transient: [] },
    { name: 'DiscardStagedInvestorPii', args: ['INV-1', HASH], transient: [] },
  ]);
});

test('a discard that fails too (the record committed after a timeout: INVESTOR_PII_IN_USE; or no peer) does not mask the submit\'s error', async (t) => {
  for (const discardFailure of [
    new Error('error in simulation: [INVESTOR_PII_IN_USE] The staged personal data is what the investor\'s record names {"investorId":"INV-1"}'),
    new Error('14 UNAVAILABLE: No connection established'),
  ]) {
    const timeout = new Error('TimeoutError: Timeout expired while waiting for commit event');
    const { contract, calls } = failingRecordContract('UpdateInvestor', timeout, discardFailure);
    const error = await t.throwsAsync(submitInvestorWithPii(contract, 'UpdateInvestor', 'INV-1', PII, '{"investorId":"INV-1"}'));
    t.is(error, timeout, discardFailure.message);
    t.deepEqual(calls.map((call) => call.name), ['StageInvestorPii', 'UpdateInvestor', 'DiscardStagedInvestorPii']);
  }
});

test('a submit that succeeds discards nothing, and a staging that fails leaves nothing to discard', async (t) => {
  const { contract, calls } = failingRecordContract('none', new Error('unused'), undefined);
  await submitInvestorWithPii(contract, 'OnboardInvestor', 'INV-1', PII, '{"investorId":"INV-1"}');
  t.deepEqual(calls.map((call) => call.name), ['StageInvestorPii', 'OnboardInvestor']);

  const staging = new Error('14 UNAVAILABLE: peer0.banka unreachable');
  const discarded: string[] = [];
  await t.throwsAsync(
    submitWithStagedPii({
      dryRun: async () => undefined,
      stage: async () => Promise.reject(staging),
      submit: async () => undefined,
      discard: async (piiHash) => discarded.push(piiHash),
    }),
    { is: staging },
  );
  t.deepEqual(discarded, []);
});
