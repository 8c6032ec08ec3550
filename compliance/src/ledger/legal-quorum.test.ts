import test from 'ava';
import { legalQuorum, quorumCount, quorumInForce, quorumLost, quorumReached, type BankVote } from './legal-quorum';

const QUORUM = { consortiumBanks: 3, requiredBanks: 2 };
const approve = (officerMsp: string): BankVote => ({ decision: 'approve', officerMsp });
const reject = (officerMsp: string): BankVote => ({ decision: 'reject', officerMsp });

test("the quorum is a strict majority of the consortium's banks", (t) => {
  t.deepEqual(legalQuorum(3), QUORUM);
  t.deepEqual([1, 2, 4, 5].map((banks) => legalQuorum(banks).requiredBanks), [1, 2, 3, 3]);
});

test('the quorum counts distinct banks: two officers of one bank are one bank', (t) => {
  t.false(quorumReached([approve('BankAMSP')], QUORUM));
  t.false(quorumReached([approve('BankBMSP'), approve('BankBMSP')], QUORUM));
  t.true(quorumReached([approve('BankAMSP'), reject('BankCMSP'), approve('BankBMSP')], QUORUM));
});

test('the quorum is lost once too few banks are left to reach it', (t) => {
  t.false(quorumLost([reject('BankAMSP')], QUORUM));
  t.false(quorumLost([reject('BankAMSP'), reject('BankAMSP')], QUORUM));
  t.true(quorumLost([reject('BankAMSP'), approve('BankBMSP'), reject('BankCMSP')], QUORUM));
  t.true(quorumLost([reject('BankAMSP')], { consortiumBanks: 1, requiredBanks: 1 }));
});

test('after a membership change, a removed bank\'s vote no longer counts and the quorum never falls below the proposal\'s', (t) => {
  const votes = [approve('BankBMSP'), approve('BankCMSP')];
  const shrunk = quorumInForce(QUORUM, votes, ['BankAMSP', 'BankCMSP']);
  t.deepEqual(shrunk.votes, [approve('BankCMSP')]);
  t.deepEqual(shrunk.quorum, { consortiumBanks: 2, requiredBanks: 2 });
  t.false(quorumReached(shrunk.votes, shrunk.quorum), 'BankB approved before it left; BankC alone is not a quorum');
  t.true(quorumReached([...shrunk.votes, approve('BankAMSP')], shrunk.quorum));

  // Two banks join: two approvals of five banks are a minority now.
  const grown = quorumInForce(QUORUM, votes, ['BankAMSP', 'BankBMSP', 'BankCMSP', 'BankDMSP', 'BankEMSP']);
  t.deepEqual(grown.quorum, { consortiumBanks: 5, requiredBanks: 3 });
  t.false(quorumReached(grown.votes, grown.quorum));

  // With one bank left of three, the floor of two can no longer be met: one rejection closes it.
  const alone = quorumInForce(QUORUM, [], ['BankAMSP']);
  t.deepEqual(alone.quorum, { consortiumBanks: 1, requiredBanks: 2 });
  t.true(quorumLost([reject('BankAMSP')], alone.quorum));
});

test('the count an open proposal shows names the banks that count and the votes that no longer do', (t) => {
  const votes = [approve('BankBMSP'), approve('BankCMSP'), reject('BankAMSP')];
  t.deepEqual(quorumCount(QUORUM, votes, ['BankAMSP', 'BankCMSP']), { approvals: ['BankCMSP'], rejections: ['BankAMSP'], requiredBanks: 2, consortiumBanks: 2, notCounted: ['BankBMSP'] });
  t.deepEqual(quorumCount(QUORUM, votes, ['BankAMSP', 'BankBMSP', 'BankCMSP']).notCounted, []);
});
