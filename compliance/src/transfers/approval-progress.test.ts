import test from 'ava';
import type { TransferApproval } from './transfer-record';
import { approvalsOfBanks, missingApprovals } from './approval-progress';

const officer = (officerMsp: string, name: string): TransferApproval => ({ officerMsp, officerId: `x509::/CN=${name}::/CN=ca`, approvedAt: '2026-03-01T10:00:00.000Z', reason: null });
const transfer = (senderBankMsp: string, receiverBankMsp: string, distinctOfficers: 1 | 2, approvals: TransferApproval[]) => ({
  senderBankMsp,
  receiverBankMsp,
  approvals,
  approvalsRequired: { senderBankOfficers: 1, receiverBankOfficers: 1, distinctOfficers } as const,
});

test('a transfer between two banks needs an officer of each', (t) => {
  t.deepEqual(missingApprovals(transfer('A', 'B', 1, [])), ["an officer of the sender's bank A", "an officer of the receiver's bank B"]);
  t.deepEqual(missingApprovals(transfer('A', 'B', 1, [officer('A', 'bob')])), ["an officer of the receiver's bank B"]);
  t.deepEqual(missingApprovals(transfer('A', 'B', 2, [officer('A', 'bob'), officer('B', 'carol')])), []);
});

test('within one bank, one officer suffices below four-eyes and two distinct ones are needed above', (t) => {
  t.deepEqual(missingApprovals(transfer('A', 'A', 1, [officer('A', 'bob')])), []);
  t.deepEqual(missingApprovals(transfer('A', 'A', 2, [officer('A', 'bob')])), ['1 more distinct officer (four-eyes)']);
  t.deepEqual(missingApprovals(transfer('A', 'A', 2, [officer('A', 'bob'), officer('A', 'bob')])), ['1 more distinct officer (four-eyes)'], 'the same officer twice counts once');
  t.deepEqual(missingApprovals(transfer('A', 'A', 2, [officer('A', 'bob'), officer('A', 'alice')])), []);
});

test('approvalsOfBanks keeps the approvals of banks in force, in order, and all of them when no membership is in force', (t) => {
  const approvals = [{ officerMsp: 'BankBMSP', officerId: 'b1' }, { officerMsp: 'BankAMSP', officerId: 'a1' }, { officerMsp: 'BankCMSP', officerId: 'c1' }];
  t.deepEqual(approvalsOfBanks(approvals, ['BankAMSP', 'BankCMSP']), [approvals[1], approvals[2]]);
  t.deepEqual(approvalsOfBanks(approvals, []), []);
  t.deepEqual(approvalsOfBanks(approvals, null), approvals);
});
