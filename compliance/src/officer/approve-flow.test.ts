import test from 'ava';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { balanceOf, request, transferOf, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { startHarness } from './testing/officer-harness';

// Officers of both banks approve one transfer over HTTP; each approval is a ledger transaction
// signed by that officer's own (test) identity, run by the in-process chaincode stub.

type Decision = { transfer: { status: string; approvals: Array<{ officerMsp: string; reason: string | null }> }; missingApprovals: string[] };

test('BankA officer approves, BankB officer approves: the transfer settles and the units move', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await request(harness.worldState, transferRequest('T-FLOW-1', 5_000n));
  const alice = await harness.as('alice');
  const carol = await harness.as('carol');

  const queue = await alice.send('GET', '/api/v1/pending/transfers');
  t.is(queue.status, 200);
  const pending = queue.body as { bankMsp: string; records: Array<{ transfer: { transferId: string; requestVerdicts: unknown[] }; missingApprovals: string[] }> };
  t.is(pending.bankMsp, 'BankAMSP');
  t.deepEqual(pending.records.map((record) => record.transfer.transferId), ['T-FLOW-1']);
  t.true(pending.records[0]!.transfer.requestVerdicts.length > 0, 'the rule verdicts come with the queue');

  const first = await alice.send('POST', '/api/v1/transfers/T-FLOW-1/approve', { json: { reason: 'KYC file checked' } });
  t.is(first.status, 200, first.text);
  const afterA = first.body as Decision;
  t.is(afterA.transfer.status, 'PENDING');
  t.deepEqual(afterA.missingApprovals, ["an officer of the receiver's bank BankBMSP"]);

  const second = await carol.send('POST', '/api/v1/transfers/T-FLOW-1/approve', { json: { reason: 'Receiver verified' } });
  t.is(second.status, 200, second.text);
  const afterB = second.body as Decision;
  t.is(afterB.transfer.status, 'SETTLED');
  t.deepEqual(afterB.missingApprovals, []);
  t.deepEqual(afterB.transfer.approvals.map((approval) => [approval.officerMsp, approval.reason]), [['BankAMSP', 'KYC file checked'], ['BankBMSP', 'Receiver verified']]);
  t.is((await transferOf(harness.worldState, 'T-FLOW-1')).status, 'SETTLED', 'the ledger itself says SETTLED');
  t.is(await balanceOf(harness.worldState, INVESTORS.chloeB), '105000');
  t.is(await balanceOf(harness.worldState, INVESTORS.annaA), '595000');

  const empty = await carol.send('GET', '/api/v1/pending/transfers');
  t.deepEqual((empty.body as { records: unknown[] }).records, [], 'a settled transfer leaves the queue');
});
