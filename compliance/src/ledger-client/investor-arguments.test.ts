import test from 'ava';
import { createHash } from 'node:crypto';
import { isPiiNotStaged, stageInvestorPii, stagedPiiHash, submitInvestorWithPii, UNSTAGED_PII_HASH } from './investor-arguments';
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
