import '../testing/quiet-fabric-logs';
import test from 'ava';
import { TRANSFER_TTL_SECONDS } from '@trestle/compliance/src/transfers/transfer-record';
import { tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import { AFTER_LOCKUP, approve, DESK, ledgerForTransfers, request, transferOf, transferRequest } from '../testing/transfer-story';
import { TransferContract } from './transfer-contract';

const contract = new TransferContract();
const PAST_TTL = new Date(AFTER_LOCKUP.getTime() + TRANSFER_TTL_SECONDS * 1000);

test('an officer of either bank rejects a pending transfer with a reason; a second reject or an approval after it is refused', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await refused(t, worldState, DESK.officerB, 'ARGUMENT_EMPTY', (ctx) => contract.RejectTransfer(ctx, 'T-1', ''), { at: AFTER_LOCKUP });
  await contract.RejectTransfer(tx(DESK.officerB, worldState, { at: AFTER_LOCKUP }).ctx, 'T-1', 'Source of funds unclear');
  const rejected = await transferOf(worldState, 'T-1');
  t.is(rejected.status, 'REJECTED');
  t.like(rejected.closure, { status: 'REJECTED', byMsp: 'BankBMSP', reason: 'Source of funds unclear' });
  await refused(t, worldState, DESK.officerA, 'TRANSFER_STATE_CONFLICT', (ctx) => contract.RejectTransfer(ctx, 'T-1', 'Again'), { at: AFTER_LOCKUP });
  await refused(t, worldState, DESK.officerA, 'TRANSFER_STATE_CONFLICT', (ctx) => contract.ApproveTransfer(ctx, 'T-1', ''), { at: AFTER_LOCKUP });
});

test('the requester\'s bank cancels a pending transfer; the other bank cannot, and a cancelled one cannot be cancelled again', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => contract.CancelTransfer(ctx, 'T-1'), { at: AFTER_LOCKUP });
  await contract.CancelTransfer(tx(DESK.requesterA, worldState, { at: AFTER_LOCKUP }).ctx, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'CANCELLED');
  await refused(t, worldState, DESK.requesterA, 'TRANSFER_STATE_CONFLICT', (ctx) => contract.CancelTransfer(ctx, 'T-1'), { at: AFTER_LOCKUP });
  const list = JSON.parse(await contract.ListPendingTransfers(tx(DESK.requesterA, worldState).ctx, 'BankAMSP', '10', '')) as { records: unknown[] };
  t.deepEqual(list.records, [], 'no longer listed as pending');
});

test('a transfer expires only once its time to live has passed, then cannot be approved or expired again', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await approve(worldState, DESK.officerA, 'T-1');
  const justBefore = new Date(PAST_TTL.getTime() - 1000);
  await refused(t, worldState, DESK.regulator, 'TRANSFER_NOT_EXPIRED', (ctx) => contract.ExpireTransfer(ctx, 'T-1'), { at: justBefore });
  await refused(t, worldState, DESK.officerB, 'TRANSFER_EXPIRED', (ctx) => contract.ApproveTransfer(ctx, 'T-1', ''), { at: PAST_TTL });
  await contract.ExpireTransfer(tx(DESK.regulator, worldState, { at: PAST_TTL }).ctx, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'EXPIRED');
  await refused(t, worldState, DESK.regulator, 'TRANSFER_STATE_CONFLICT', (ctx) => contract.ExpireTransfer(ctx, 'T-1'), { at: PAST_TTL });
});

test('an unknown transfer id is TRANSFER_NOT_FOUND for every step', async (t) => {
  const worldState = await ledgerForTransfers();
  await refused(t, worldState, DESK.officerA, 'TRANSFER_NOT_FOUND', (ctx) => contract.ApproveTransfer(ctx, 'T-404', ''));
  await refused(t, worldState, DESK.officerA, 'TRANSFER_NOT_FOUND', (ctx) => contract.RejectTransfer(ctx, 'T-404', 'No'));
  await refused(t, worldState, DESK.requesterA, 'TRANSFER_NOT_FOUND', (ctx) => contract.CancelTransfer(ctx, 'T-404'));
  await refused(t, worldState, DESK.regulator, 'TRANSFER_NOT_FOUND', (ctx) => contract.ExpireTransfer(ctx, 'T-404'));
});
