import test from 'ava';
import { legalQuorum, quorumLost, quorumReached, type BankVote } from './legal-quorum';

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
