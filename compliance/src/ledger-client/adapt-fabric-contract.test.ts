import test from 'ava';
import type { Contract } from 'fabric-network';
import { adaptFabricContract } from './adapt-fabric-contract';
import { endorsementCandidates, isEndorsementMismatch } from './endorsement-plan';
import { submitEndorsers } from './transfer-endorsers';

// The submit loop over a fake fabric-network Contract whose transactions fail as the real network's
// did: each attempt records the endorsing organisations it was given.

const MISMATCH = 'No valid responses from any peers. Errors:\n    peer=undefined, status=grpc, message=Peer endorsements do not match';
const UNREACHABLE = 'No valid responses from any peers. Errors:\n    peer=127.0.0.1:28110, status=grpc, message=14 UNAVAILABLE: failed to connect to all addresses';

/** A contract whose n-th submit throws `failures[n]` (or answers "ok" past the list); the endorsers of each attempt. */
function fakeContract(failures: readonly string[]): { contract: Contract; attempts: string[][] } {
  const attempts: string[][] = [];
  const contract = {
    createTransaction: () => {
      let orgs: string[] = [];
      const transaction = {
        setEndorsingOrganizations: (...given: string[]) => ((orgs = given), transaction),
        setTransient: () => transaction,
        submit: async () => {
          attempts.push(orgs);
          const failure = failures[attempts.length - 1];
          if (failure !== undefined) throw new Error(failure);
          return Buffer.from('ok');
        },
      };
      return transaction;
    },
  };
  return { contract: contract as unknown as Contract, attempts };
}

const PLAN = [['BankBMSP', 'BankAMSP'], ['BankBMSP', 'BankCMSP']] as const;

test('endorsers that answered differently are asked again, the same ones, until they agree', async (t) => {
  const { contract, attempts } = fakeContract([MISMATCH, MISMATCH]);
  const answer = await adaptFabricContract(contract, PLAN, 0).submitTransaction('ApproveTransfer', 'T-1', '');
  t.is(Buffer.from(answer).toString(), 'ok');
  t.deepEqual(attempts, [['BankBMSP', 'BankAMSP'], ['BankBMSP', 'BankAMSP'], ['BankBMSP', 'BankAMSP']]);
});

test('a mismatch that persists ends in its own error after four attempts', async (t) => {
  const { contract, attempts } = fakeContract([MISMATCH, MISMATCH, MISMATCH, MISMATCH, MISMATCH]);
  const error = await t.throwsAsync(adaptFabricContract(contract, PLAN, 0).submitTransaction('ApproveTransfer', 'T-1', ''));
  t.regex(error?.message ?? '', /Peer endorsements do not match/);
  t.is(attempts.length, 4);
});

test('an unreachable peer still moves on to the next endorser set, and a chaincode refusal is final', async (t) => {
  const unreachable = fakeContract([UNREACHABLE]);
  await adaptFabricContract(unreachable.contract, PLAN, 0).submitTransaction('ApproveTransfer', 'T-1', '');
  t.deepEqual(unreachable.attempts, [['BankBMSP', 'BankAMSP'], ['BankBMSP', 'BankCMSP']]);
  const refused = fakeContract(['No valid responses from any peers. Errors: message=[TRANSFER_SELF_APPROVAL] An officer never approves a transfer they requested']);
  await t.throwsAsync(adaptFabricContract(refused.contract, PLAN, 0).submitTransaction('ApproveTransfer', 'T-1', ''), { message: /TRANSFER_SELF_APPROVAL/ });
  t.is(refused.attempts.length, 1);
});

test('only a plain disagreement of the endorsers is a mismatch', (t) => {
  t.true(isEndorsementMismatch(new Error(MISMATCH)));
  t.false(isEndorsementMismatch(new Error(`${MISMATCH}: 14 UNAVAILABLE: failed to connect`)), 'an unreachable peer');
  t.false(isEndorsementMismatch(new Error('Peer endorsements do not match [TRANSFER_REFUSED] rules fail')), 'a chaincode refusal');
  t.false(isEndorsementMismatch('Peer endorsements do not match'));
});

test("StageInvestorPii, with its transient map, is endorsed by the caller's bank's peer alone; the investor transactions that take its hash, and other transient submits, keep the two-bank plan", async (t) => {
  const { contract, attempts } = fakeContract([]);
  const ledger = adaptFabricContract(contract, (transaction) => endorsementCandidates('BankBMSP', ['BankAMSP', 'BankBMSP', 'BankCMSP'], transaction), 0);
  await ledger.createTransaction('StageInvestorPii').setTransient({ pii: Buffer.from('{}') }).submit('INV-1');
  await ledger.submitTransaction('OnboardInvestor', '{}', 'a'.repeat(64));
  await ledger.createTransaction('RequestTransfer').setTransient({ travelRule: Buffer.from('{}') }).submit('{}');
  t.deepEqual(attempts, [['BankBMSP'], ['BankBMSP', 'BankAMSP'], ['BankBMSP', 'BankAMSP']]);
});

test("an unreachable own peer fails StageInvestorPii: no other bank's peer is tried with the personal data", async (t) => {
  const { contract, attempts } = fakeContract([UNREACHABLE]);
  const ledger = adaptFabricContract(contract, (transaction) => endorsementCandidates('BankAMSP', ['BankAMSP', 'BankBMSP', 'BankCMSP'], transaction), 0);
  await t.throwsAsync(ledger.createTransaction('StageInvestorPii').setTransient({ pii: Buffer.from('{}') }).submit('INV-1'), { message: /UNAVAILABLE/ });
  t.deepEqual(attempts, [['BankAMSP']]);
});

test('the endorsers callback is told each submit\'s arguments and transient map keys, none for a plain submit', async (t) => {
  const { contract } = fakeContract([]);
  const seen: unknown[] = [];
  const ledger = adaptFabricContract(contract, (transaction, submission) => (seen.push([transaction, submission]), [['BankAMSP', 'BankBMSP']]), 0);
  await ledger.submitTransaction('ApproveTransfer', 'T-1', '');
  await ledger.createTransaction('RequestTransfer').setTransient({ travelRule: Buffer.from('{}') }).submit('{"a":1}');
  await ledger.createTransaction('RequestTransfer').setTransient({}).submit('{"a":2}');
  t.deepEqual(seen, [
    ['ApproveTransfer', { args: ['T-1', ''], transientKeys: [] }],
    ['RequestTransfer', { args: ['{"a":1}'], transientKeys: ['travelRule'] }],
    ['RequestTransfer', { args: ['{"a":2}'], transientKeys: [] }],
  ]);
});

const BANKS = ['BankAMSP', 'BankBMSP', 'BankCMSP'];
const transferTo = (toInvestorId: string) => JSON.stringify({ transferId: 'T-1', assetId: 'RWA-1', fromInvestorId: 'INV-A1', toInvestorId, amount: '20000' });

test("a RequestTransfer with travel-rule data whose receiving bank's peer is unreachable fails: no bystander bank is tried with the data", async (t) => {
  const { contract, attempts } = fakeContract([UNREACHABLE]);
  const ledger = adaptFabricContract(contract, submitEndorsers('BankAMSP', BANKS, async () => 'BankBMSP'), 0);
  await t.throwsAsync(ledger.createTransaction('RequestTransfer').setTransient({ travelRule: Buffer.from('{}') }).submit(transferTo('INV-B1')), { message: /UNAVAILABLE/ });
  t.deepEqual(attempts, [['BankAMSP', 'BankBMSP']]);
});

test('the same request without travel-rule data still moves on to the next bank when one is unreachable', async (t) => {
  const { contract, attempts } = fakeContract([UNREACHABLE]);
  const ledger = adaptFabricContract(contract, submitEndorsers('BankAMSP', BANKS, async () => 'BankBMSP'), 0);
  await ledger.createTransaction('RequestTransfer').setTransient({}).submit(transferTo('INV-B1'));
  t.deepEqual(attempts, [['BankAMSP', 'BankBMSP'], ['BankAMSP', 'BankCMSP']]);
});

test('a look-up of the receiving bank that fails sends the proposal to no peer at all', async (t) => {
  const { contract, attempts } = fakeContract([]);
  const ledger = adaptFabricContract(contract, submitEndorsers('BankAMSP', BANKS, async () => { throw new Error('[INVESTOR_NOT_FOUND] No investor INV-X'); }), 0);
  await t.throwsAsync(ledger.createTransaction('RequestTransfer').setTransient({ travelRule: Buffer.from('{}') }).submit(transferTo('INV-X')), { message: /INVESTOR_NOT_FOUND/ });
  t.deepEqual(attempts, []);
});
