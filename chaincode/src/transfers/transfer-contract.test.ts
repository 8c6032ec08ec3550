import '../testing/quiet-fabric-logs';
import test from 'ava';
import { InvestorContract } from '../investors/investor-contract';
import { CAST, eventsOf, tx, unixSeconds } from '../testing/ledger-cast';
import { investorDocument, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf } from '../testing/stub-context';
import { CHAIN_ID, signBinding, WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { AFTER_LOCKUP, approve, balanceOf, daysAfterT0, DESK, ledgerForTransfers, request, TRAVEL_RULE, transferOf, transferRequest, unitsOnLedger } from '../testing/transfer-story';
import { WalletContract } from '../wallets/wallet-contract';
import { TRANSFER_REQUEST_TYPES, transferRequestDomain } from '@trestle/compliance/src/transfers/transfer-signature';
import { TransferContract } from './transfer-contract';

const contract = new TransferContract();
const investors = new InvestorContract();

test('a BankA to BankB transfer stays PENDING until an officer of each bank approves, then settles and moves units and lots', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  const pending = await transferOf(worldState, 'T-1');
  t.is(pending.status, 'PENDING');
  t.deepEqual(pending.approvalsRequired, { senderBankOfficers: 1, receiverBankOfficers: 1, distinctOfficers: 1 });
  t.true(pending.requestVerdicts.every((verdict) => verdict.passed));

  await approve(worldState, DESK.officerA, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'PENDING', "one bank's approval is not enough");
  const last = tx(DESK.officerB, worldState, { at: AFTER_LOCKUP });
  await contract.ApproveTransfer(last.ctx, 'T-1', 'Checked against the KYC file');

  const settled = await transferOf(worldState, 'T-1');
  t.is(settled.status, 'SETTLED');
  t.deepEqual(settled.approvals.map((approval) => approval.officerMsp), ['BankAMSP', 'BankBMSP']);
  t.true(settled.settlementVerdicts?.every((verdict) => verdict.passed));
  t.is(await balanceOf(worldState, INVESTORS.annaA), '595000');
  t.is(await balanceOf(worldState, INVESTORS.chloeB), '105000');
  t.is(unitsOnLedger(worldState, last.ctx), 1_000_000n);
  t.deepEqual(eventsOf(last).map((event) => event.name), ['TransferSettled']);
  const holdings = eventsOf(last)[0]?.envelope.payload.holdings as Array<{ investorId: string; lots: unknown }>;
  t.deepEqual(holdings.find((holding) => holding.investorId === INVESTORS.chloeB)?.lots, [
    { amount: '100000', acquiredAt: unixSeconds('2026-03-01T10:00:00.000Z') },
    { amount: '5000', acquiredAt: unixSeconds(AFTER_LOCKUP) },
  ]);
});

test('the requester cannot approve their own transfer, and an officer of a third bank cannot approve at all', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await refused(t, worldState, DESK.requesterA, 'TRANSFER_SELF_APPROVAL', (ctx) => contract.ApproveTransfer(ctx, 'T-1', ''), { at: AFTER_LOCKUP });
  await refused(t, worldState, DESK.regulator, 'CALLER_LACKS_ROLE', (ctx) => contract.ApproveTransfer(ctx, 'T-1', ''), { at: AFTER_LOCKUP });
});

test('above the four-eyes threshold within one bank two distinct officers are needed; the same officer twice does not count', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-4', 60_000n, { toInvestorId: INVESTORS.benA }), DESK.requesterA, { transient: TRAVEL_RULE });
  t.is((await transferOf(worldState, 'T-4')).approvalsRequired.distinctOfficers, 2);
  await approve(worldState, DESK.officerA, 'T-4');
  t.is((await transferOf(worldState, 'T-4')).status, 'PENDING');
  await refused(t, worldState, DESK.officerA, 'TRANSFER_ALREADY_APPROVED', (ctx) => contract.ApproveTransfer(ctx, 'T-4', ''), { at: AFTER_LOCKUP });
  await approve(worldState, DESK.secondOfficerA, 'T-4');
  t.is((await transferOf(worldState, 'T-4')).status, 'SETTLED');
  t.is(await balanceOf(worldState, INVESTORS.benA), '360000');
});

test('a sanctioned receiver is refused at once with the reason, and nothing is written', async (t) => {
  const worldState = await ledgerForTransfers();
  await investors.UpdateInvestor(tx(CAST.bankBOfficer, worldState).ctx, json(investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional', sanctions: { status: 'hit', listVersion: 'SDN 2026-03-01', screenedAt: unixSeconds('2026-03-01T09:00:00.000Z') } })), '');
  const error = await refused(t, worldState, DESK.requesterA, 'TRANSFER_REFUSED', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n))), { at: AFTER_LOCKUP });
  // Recording the hit also suspended chloe (a new hit suspends the investor), so both rules fail.
  t.deepEqual(error.details?.failed, ['KYC_SUSPENDED_RECEIVER', 'SANCTIONS_HIT_RECEIVER']);
});

test('every failing rule is listed at once: a lockup, the travel rule and the minimum transfer', async (t) => {
  const worldState = await ledgerForTransfers();
  const early = await refused(t, worldState, DESK.requesterA, 'TRANSFER_REFUSED', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 20_000n))), { at: daysAfterT0(30) });
  t.deepEqual(early.details?.failed, ['LOCKUP_ACTIVE', 'TRAVEL_RULE_DATA_MISSING']);
  const small = await refused(t, worldState, DESK.requesterA, 'TRANSFER_REFUSED', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 99n))), { at: AFTER_LOCKUP });
  t.deepEqual(small.details?.failed, ['BELOW_MIN_TRANSFER']);
});

test('a lockup blocks the request, then allows it once the period has passed', async (t) => {
  const worldState = await ledgerForTransfers();
  const blocked = await refused(t, worldState, DESK.requesterA, 'TRANSFER_REFUSED', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n))), { at: daysAfterT0(89) });
  t.deepEqual(blocked.details?.failed, ['LOCKUP_ACTIVE']);
  await request(worldState, transferRequest('T-1', 5_000n), DESK.requesterA, { at: daysAfterT0(90) });
  t.is((await transferOf(worldState, 'T-1')).status, 'PENDING');
});

test('only an operator or officer of the sender\'s bank may request, and a transfer id is used once', async (t) => {
  const worldState = await ledgerForTransfers();
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n))), { at: AFTER_LOCKUP });
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n))), { at: AFTER_LOCKUP });
  await refused(t, worldState, DESK.requesterA, 'TRANSFER_INVALID', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n, { toInvestorId: INVESTORS.annaA }))), { at: AFTER_LOCKUP });
  await request(worldState, transferRequest('T-1', 5_000n));
  await refused(t, worldState, DESK.requesterA, 'TRANSFER_ALREADY_EXISTS', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n))), { at: AFTER_LOCKUP });
});

test('settlement runs the rules again: a receiver whose KYC left its grace period meanwhile fails the transfer and no unit moves', async (t) => {
  const worldState = await ledgerForTransfers();
  // Expired on day 62: in its grace period at the request (day 91), repay-only at the approvals (day 93).
  const expiry = unixSeconds(daysAfterT0(62));
  await investors.UpdateInvestor(tx(CAST.bankBOfficer, worldState).ctx, json(investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional', kycExpiresAt: expiry })), '');
  await request(worldState, transferRequest('T-1', 5_000n));
  await approve(worldState, DESK.officerA, 'T-1', { at: daysAfterT0(93) });
  await approve(worldState, DESK.officerB, 'T-1', { at: daysAfterT0(93) });
  const failed = await transferOf(worldState, 'T-1');
  t.is(failed.status, 'FAILED_AT_SETTLEMENT');
  t.deepEqual(failed.settlementVerdicts?.filter((verdict) => !verdict.passed).map((verdict) => verdict.reason), ['KYC_EXPIRED_RECEIVER']);
  t.is(await balanceOf(worldState, INVESTORS.annaA), '600000');
  t.is(await balanceOf(worldState, INVESTORS.chloeB), '100000');
});

test('a request signed by the sender\'s bound wallet is recorded with the signer; a signature by another key is refused', async (t) => {
  const worldState = await ledgerForTransfers();
  const bind = await signBinding(WALLET_ONE, { investorId: INVESTORS.annaA, bank: 'BankAMSP' });
  await new WalletContract().BindWallet(tx(DESK.requesterA, worldState).ctx, INVESTORS.annaA, WALLET_ONE.address, CHAIN_ID.toString(), '1', bind);
  const message = { transferId: 'T-1', assetId: 'ZOB', fromInvestorId: INVESTORS.annaA, toInvestorId: INVESTORS.chloeB, amount: 5_000n };
  const types = { TransferRequest: TRANSFER_REQUEST_TYPES.TransferRequest.map((field) => ({ ...field })) };
  const forged = await WALLET_TWO.signTypedData(transferRequestDomain(CHAIN_ID), types, message);
  await refused(t, worldState, DESK.requesterA, 'WALLET_SIGNATURE_INVALID', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 5_000n, { wallet: { address: WALLET_ONE.address, signature: forged } }))), { at: AFTER_LOCKUP });
  const signature = await WALLET_ONE.signTypedData(transferRequestDomain(CHAIN_ID), types, message);
  await request(worldState, transferRequest('T-1', 5_000n, { wallet: { address: WALLET_ONE.address, signature } }));
  t.deepEqual((await transferOf(worldState, 'T-1')).signedBy, { address: WALLET_ONE.address, chainId: '31337' });
});

test('a wallet-signed request for more than 2^256 - 1 units is TRANSFER_INVALID, not a crash of the EIP-712 encoder', async (t) => {
  const worldState = await ledgerForTransfers();
  const bind = await signBinding(WALLET_ONE, { investorId: INVESTORS.annaA, bank: 'BankAMSP' });
  await new WalletContract().BindWallet(tx(DESK.requesterA, worldState).ctx, INVESTORS.annaA, WALLET_ONE.address, CHAIN_ID.toString(), '1', bind);
  const wallet = { address: WALLET_ONE.address, signature: `0x${'11'.repeat(64)}1b` };
  const error = await refused(t, worldState, DESK.requesterA, 'TRANSFER_INVALID', (ctx) => contract.RequestTransfer(ctx, json(transferRequest('T-1', 2n ** 256n, { wallet }))), { at: AFTER_LOCKUP });
  t.deepEqual(error.details?.problems, [{ path: 'amount', problem: 'must be at most 2^256 - 1 when a wallet signs the request (EIP-712 uint256)' }]);
});

test('CheckTransfer returns every verdict and writes nothing; pending transfers are listed per bank', async (t) => {
  const worldState = await ledgerForTransfers();
  const verdict = JSON.parse(await contract.CheckTransfer(tx(DESK.officerB, worldState, { at: daysAfterT0(10) }).ctx, json(transferRequest('T-1', 5_000n)))) as { allowed: boolean; failed: string[] };
  t.deepEqual([verdict.allowed, verdict.failed], [false, ['LOCKUP_ACTIVE']]);
  await request(worldState, transferRequest('T-1', 5_000n));
  await request(worldState, transferRequest('T-2', 5_000n, { toInvestorId: INVESTORS.benA }));
  const listOf = async (bank: string) => (JSON.parse(await contract.ListPendingTransfers(tx(DESK.regulator, worldState).ctx, bank, '10', '')) as { records: Array<{ transferId: string }> }).records.map((r) => r.transferId);
  t.deepEqual(await listOf('BankAMSP'), ['T-1', 'T-2']);
  t.deepEqual(await listOf('BankBMSP'), ['T-1']);
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => contract.ListPendingTransfers(ctx, 'BankAMSP', '10', ''));
  t.is(identityIdOf(DESK.requesterA), (await transferOf(worldState, 'T-1')).requestedBy);
});
