import '../testing/quiet-fabric-logs';
import test from 'ava';
import { ControlContract } from '../controls/control-contract';
import { tx } from '../testing/ledger-cast';
import { INVESTORS } from '../testing/ledger-story';
import { decide, legalAction, ledgerForLegal, ledgerInLegalState } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import { AFTER_LOCKUP, approve, balanceOf, daysAfterT0, DESK, request, transferOf, transferRequest } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';

// What each legal state means for the register: REMEDIATION and CURED keep it open (remediation
// stops new collateral on the EVM side only), WRITTEN_OFF and REDEEMED close it.

const transfers = new TransferContract();
const controls = new ControlContract();

test('the register stays open in REMEDIATION: a transfer is requested, approved and settled, and officers can still freeze', async (t) => {
  const worldState = await ledgerForLegal();
  await decide(worldState, legalAction('L-1', 'start-remediation', { remediationWindowDays: 365 }));
  await request(worldState, transferRequest('T-1', 5_000n));
  await approve(worldState, DESK.officerA, 'T-1');
  await approve(worldState, DESK.officerB, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'SETTLED');
  t.is(await balanceOf(worldState, INVESTORS.chloeB), '105000');
  const freeze = tx(DESK.officerA, worldState, { at: AFTER_LOCKUP });
  await controls.FreezePartial(freeze.ctx, 'ZOB', INVESTORS.annaA, '1000', 'Pending the remediation outcome');
  t.is(freeze.events[0]?.name, 'InvestorFrozen');
});

test('units move again once CURED', async (t) => {
  const worldState = await ledgerInLegalState('CURED');
  await request(worldState, transferRequest('T-1', 5_000n));
  await approve(worldState, DESK.officerA, 'T-1');
  await approve(worldState, DESK.officerB, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'SETTLED');
});

test('a WRITTEN_OFF asset refuses transfer requests, freezes and pauses with ASSET_LEGALLY_CLOSED', async (t) => {
  const worldState = await ledgerInLegalState('WRITTEN_OFF');
  const at = { at: AFTER_LOCKUP };
  const error = await refused(t, worldState, DESK.requesterA, 'ASSET_LEGALLY_CLOSED', (ctx) => transfers.RequestTransfer(ctx, JSON.stringify(transferRequest('T-1', 5_000n))), at);
  t.deepEqual(error.details, { assetId: 'ZOB', state: 'WRITTEN_OFF' });
  await refused(t, worldState, DESK.requesterA, 'ASSET_LEGALLY_CLOSED', (ctx) => transfers.CheckTransfer(ctx, JSON.stringify(transferRequest('T-1', 5_000n))), at);
  await refused(t, worldState, DESK.officerA, 'ASSET_LEGALLY_CLOSED', (ctx) => controls.FreezeInvestor(ctx, 'ZOB', INVESTORS.annaA, 'Too late'), at);
  await refused(t, worldState, DESK.officerA, 'ASSET_LEGALLY_CLOSED', (ctx) => controls.PauseAsset(ctx, 'ZOB', 'Too late'), at);
  t.is(await balanceOf(worldState, INVESTORS.annaA), '600000', 'written-off units stay where they were, as the record of the loss');
});

test('a transfer pending when the asset is written off can no longer settle; it can still be cancelled', async (t) => {
  const worldState = await ledgerForLegal();
  await decide(worldState, legalAction('L-1', 'start-remediation', { remediationWindowDays: 1 }));
  await request(worldState, transferRequest('T-1', 5_000n));
  await decide(worldState, legalAction('L-2', 'write-off'), { at: daysAfterT0(92) });
  await approve(worldState, DESK.officerA, 'T-1', { at: daysAfterT0(92) });
  await refused(t, worldState, DESK.officerB, 'ASSET_LEGALLY_CLOSED', (ctx) => transfers.ApproveTransfer(ctx, 'T-1', ''), { at: daysAfterT0(92) });
  await transfers.CancelTransfer(tx(DESK.requesterA, worldState, { at: daysAfterT0(92) }).ctx, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'CANCELLED');
});

test('a REDEEMED asset refuses transfer requests with ASSET_LEGALLY_CLOSED', async (t) => {
  const worldState = await ledgerInLegalState('REDEEMED');
  const error = await refused(t, worldState, DESK.requesterA, 'ASSET_LEGALLY_CLOSED', (ctx) => transfers.RequestTransfer(ctx, JSON.stringify(transferRequest('T-1', 5_000n))), { at: AFTER_LOCKUP });
  t.regex(error.sentence, /^The asset is REDEEMED: its units were retired at redemption/);
});
