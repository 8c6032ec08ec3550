import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '../assets/asset-contract';
import { AuditContract } from '../audit/audit-contract';
import { InvestorContract } from '../investors/investor-contract';
import { CAST, eventsOf, tx } from '../testing/ledger-cast';
import { ASSET_ID } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { AFTER_LOCKUP, DESK, ledgerForTransfers, request, transferRequest, unitsOnLedger } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';
import { ControlContract } from './control-contract';

const contract = new ControlContract();
const transfers = new TransferContract();
const ORDER_HASH = 'ab'.repeat(32);
const holdingOf = async (worldState: Map<string, Uint8Array>, investorId: string) => JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

test('a frozen amount cannot move: a partial freeze leaves only the rest transferable', async (t) => {
  const worldState = await ledgerForTransfers();
  await contract.FreezePartial(tx(DESK.officerA, worldState).ctx, ASSET_ID, INVESTORS.annaA, '595000', 'Garnishment order pending');
  t.is((await holdingOf(worldState, INVESTORS.annaA)).frozen, '595000');
  const error = await refused(t, worldState, DESK.requesterA, 'TRANSFER_REFUSED', (ctx) => transfers.RequestTransfer(ctx, JSON.stringify(transferRequest('T-1', 6_000n))), { at: AFTER_LOCKUP });
  t.deepEqual(error.details?.failed, ['BALANCE_FROZEN']);
  await request(worldState, transferRequest('T-1', 5_000n));
});

test('a full freeze holds every unit until an unfreeze; freezing twice or unfreezing nothing is refused', async (t) => {
  const worldState = await ledgerForTransfers();
  await contract.FreezeInvestor(tx(DESK.regulator, worldState).ctx, ASSET_ID, INVESTORS.chloeB, 'Court order 2026/17');
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).frozen, '100000');
  await refused(t, worldState, DESK.officerB, 'FREEZE_CONFLICT', (ctx) => contract.FreezeInvestor(ctx, ASSET_ID, INVESTORS.chloeB, 'Again'));
  await refused(t, worldState, DESK.officerA, 'CALLER_OF_OTHER_BANK', (ctx) => contract.UnfreezeInvestor(ctx, ASSET_ID, INVESTORS.chloeB, 'Not my investor'));
  await contract.UnfreezePartial(tx(DESK.officerB, worldState).ctx, ASSET_ID, INVESTORS.chloeB, '40000', 'Partly released');
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).frozen, '60000');
  await contract.UnfreezeInvestor(tx(DESK.officerB, worldState).ctx, ASSET_ID, INVESTORS.chloeB, 'Order lifted');
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).frozen, '0');
  await refused(t, worldState, DESK.officerB, 'FREEZE_CONFLICT', (ctx) => contract.UnfreezeInvestor(ctx, ASSET_ID, INVESTORS.chloeB, 'Nothing left'));
  await refused(t, worldState, DESK.officerB, 'AMOUNT_INVALID', (ctx) => contract.FreezePartial(ctx, ASSET_ID, INVESTORS.chloeB, '-5', 'Bad amount'));
});

test('a forced transfer by the regulator moves frozen units, conserves the units and is audited', async (t) => {
  const worldState = await ledgerForTransfers();
  await contract.FreezeInvestor(tx(DESK.officerA, worldState).ctx, ASSET_ID, INVESTORS.benA, 'Insolvency proceedings');
  const forced = tx(DESK.regulator, worldState, { at: AFTER_LOCKUP });
  await contract.ForcedTransfer(forced.ctx, ASSET_ID, INVESTORS.benA, INVESTORS.chloeB, '300000', 'Zurich district court CV-2026-311', ORDER_HASH);
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).balance, '400000');
  await t.throwsAsync(holdingOf(worldState, INVESTORS.benA), { message: /HOLDING_NOT_FOUND/ }, 'the emptied holding is dropped');
  t.is(unitsOnLedger(worldState, forced.ctx), 1_000_000n);
  t.like(eventsOf(forced)[0]?.envelope.payload.order, { frozenMoved: '300000', orderReference: 'Zurich district court CV-2026-311', documentHash: ORDER_HASH });
  const audit = JSON.parse(await new AuditContract().ListAudit(tx(DESK.regulator, worldState).ctx, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', '50', '')) as { records: AuditRecord[] };
  t.like(audit.records.find((record) => record.action === 'forced-transfer'), { actorMsp: 'RegulatorMSP', amount: '300000', reason: 'Zurich district court CV-2026-311', documentHash: ORDER_HASH, policyVersion: 1 });
});

test('only the regulator forces a transfer, and never to a receiver without active KYC', async (t) => {
  const worldState = await ledgerForTransfers();
  for (const identity of [DESK.officerA, DESK.officerB, CAST.spvAdmin]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.ForcedTransfer(ctx, ASSET_ID, INVESTORS.benA, INVESTORS.chloeB, '1', 'Order 1', ORDER_HASH));
  }
  await new InvestorContract().SuspendInvestor(tx(CAST.bankBOfficer, worldState).ctx, INVESTORS.chloeB, 'Adverse media');
  await refused(t, worldState, DESK.regulator, 'RECEIVER_NOT_ELIGIBLE', (ctx) => contract.ForcedTransfer(ctx, ASSET_ID, INVESTORS.benA, INVESTORS.chloeB, '1', 'Order 1', ORDER_HASH));
  await refused(t, worldState, DESK.regulator, 'FORCED_TRANSFER_INVALID', (ctx) => contract.ForcedTransfer(ctx, ASSET_ID, INVESTORS.benA, INVESTORS.annaA, '300001', 'Order 1', ORDER_HASH));
  await refused(t, worldState, DESK.regulator, 'FORCED_TRANSFER_INVALID', (ctx) => contract.ForcedTransfer(ctx, ASSET_ID, INVESTORS.benA, INVESTORS.annaA, '1', 'Order 1', 'not-a-hash'));
});

test('a paused asset refuses requests until it is unpaused; only the SPV bank\'s officers or the regulator pause', async (t) => {
  const worldState = await ledgerForTransfers();
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => contract.PauseAsset(ctx, ASSET_ID, 'Investigation'));
  await contract.PauseAsset(tx(DESK.officerA, worldState).ctx, ASSET_ID, 'Valuation under investigation');
  await refused(t, worldState, DESK.regulator, 'ASSET_PAUSE_CONFLICT', (ctx) => contract.PauseAsset(ctx, ASSET_ID, 'Again'));
  const error = await refused(t, worldState, DESK.requesterA, 'TRANSFER_REFUSED', (ctx) => transfers.RequestTransfer(ctx, JSON.stringify(transferRequest('T-1', 5_000n))), { at: AFTER_LOCKUP });
  t.deepEqual(error.details?.failed, ['ASSET_PAUSED']);
  await contract.UnpauseAsset(tx(DESK.regulator, worldState).ctx, ASSET_ID, 'Investigation closed');
  await request(worldState, transferRequest('T-1', 5_000n));
});
