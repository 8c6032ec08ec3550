import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '../assets/asset-contract';
import { CAST, eventsOf, tx } from '../testing/ledger-cast';
import { ASSET_ID, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { decide, legalAction } from '../testing/legal-story';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP, DESK, unitsOnLedger } from '../testing/transfer-story';
import { approveBridgeOut, BRIDGE_DESK, bridgeOutOf, bridgeOutRequest, CHAIN_CONFIG, escrowOf, TOKEN, ledgerForBridge, requestBridgeOut, WALLETS } from '../testing/bridge-story';
import { BridgeContract } from './bridge-contract';

const bridge = new BridgeContract();
const holdingOf = async (worldState: Map<string, Uint8Array>, investorId: string) =>
  JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;
const afterLockup = { at: AFTER_LOCKUP };

test('an approved bridge-out moves the units to escrow, numbers the Mint and lists it for the validators', async (t) => {
  const worldState = await ledgerForBridge();
  await requestBridgeOut(worldState, bridgeOutRequest('B-1', 1_000n));
  t.is((await bridgeOutOf(worldState, 'B-1')).status, 'PENDING');
  const approval = tx(DESK.officerA, worldState, afterLockup);
  await bridge.ApproveBridgeOut(approval.ctx, 'B-1', 'Collateral for the Morpho loan');
  const record = await bridgeOutOf(worldState, 'B-1');
  t.is(record.status, 'APPROVED');
  t.is(record.nonce, '1');
  t.is(record.fabricTxId, `0x${approval.ctx.stub.getTxID()}`, 'the Mint names the escrowing transaction');
  t.is(record.token, TOKEN);
  t.is(record.wallet, WALLETS.anna.address);
  const anna = await holdingOf(worldState, INVESTORS.annaA);
  t.is(anna.balance, '599000');
  t.is(anna.escrowed, '1000');
  t.is((await escrowOf(worldState)).escrowed, '1000');
  t.is(unitsOnLedger(worldState, approval.ctx), 1_000_000n, 'units conserved: escrowed units still count for their owner');
  t.deepEqual(eventsOf(approval).map((event) => event.name), ['BridgeOutEscrowed']);
  const pending = JSON.parse(await bridge.ListPendingMints(tx(BRIDGE_DESK.validatorB, worldState).ctx, CHAIN_ID.toString(), '10', '')) as { records: { nonce: string }[] };
  t.deepEqual(pending.records.map((entry) => entry.nonce), ['1']);
  await requestBridgeOut(worldState, bridgeOutRequest('B-2', 500n));
  await approveBridgeOut(worldState, DESK.officerA, 'B-2');
  t.is((await bridgeOutOf(worldState, 'B-2')).nonce, '2', 'nonces count up per chain');
});

test('above the four-eyes threshold two distinct officers approve, never the requester', async (t) => {
  const worldState = await ledgerForBridge();
  await requestBridgeOut(worldState, bridgeOutRequest('B-big', 60_000n));
  await refused(t, worldState, DESK.requesterA, 'TRANSFER_SELF_APPROVAL', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-big', ''), afterLockup);
  await approveBridgeOut(worldState, DESK.officerA, 'B-big');
  t.is((await bridgeOutOf(worldState, 'B-big')).status, 'PENDING', 'one officer is not enough');
  await refused(t, worldState, DESK.officerA, 'TRANSFER_ALREADY_APPROVED', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-big', ''), afterLockup);
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-big', ''), afterLockup);
  await approveBridgeOut(worldState, DESK.secondOfficerA, 'B-big');
  t.is((await bridgeOutOf(worldState, 'B-big')).status, 'APPROVED');
});

test('a request the rules refuse lists every reason and writes nothing', async (t) => {
  const worldState = await ledgerForBridge();
  const early = await refused(t, worldState, DESK.requesterA, 'BRIDGE_OUT_REFUSED', (ctx) => bridge.RequestBridgeOut(ctx, json(bridgeOutRequest('B-1', 50n))));
  t.deepEqual(early.details?.failed, ['BELOW_MIN_TRANSFER', 'LOCKUP_ACTIVE']);
  const much = await refused(t, worldState, DESK.requesterA, 'BRIDGE_OUT_REFUSED', (ctx) => bridge.RequestBridgeOut(ctx, json(bridgeOutRequest('B-1', 600_001n))), afterLockup);
  t.deepEqual(much.details?.failed, ['INSUFFICIENT_BALANCE', 'LOCKUP_ACTIVE'], 'more than she holds is more than has unlocked');
});

test('refusals name what is wrong and change nothing: wallet, chain, token, bank, role, duplicates, malformed input', async (t) => {
  const worldState = await ledgerForBridge();
  const request = (overrides: Record<string, unknown>) => (ctx: Parameters<typeof bridge.RequestBridgeOut>[0]) => bridge.RequestBridgeOut(ctx, json(bridgeOutRequest('B-x', 1_000n, overrides)));
  await refused(t, worldState, DESK.requesterA, 'BRIDGE_WALLET_MISMATCH', request({ wallet: WALLETS.chloe.address }), afterLockup);
  await refused(t, worldState, DESK.requesterA, 'BRIDGE_WALLET_MISMATCH', request({ wallet: '0x000000000000000000000000000000000000dEaD' }), afterLockup);
  await refused(t, worldState, DESK.requesterA, 'BRIDGE_CHAIN_UNKNOWN', request({ chainId: '1' }), afterLockup);
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', request({}), afterLockup);
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', request({}), afterLockup);
  await refused(t, worldState, DESK.requesterA, 'BRIDGE_OUT_INVALID', (ctx) => bridge.RequestBridgeOut(ctx, '{"bridgeOutId":'), afterLockup);
  const typed = await refused(t, worldState, DESK.requesterA, 'BRIDGE_OUT_INVALID', request({ amount: 1000, chainId: 'devnet', extra: true }), afterLockup);
  t.deepEqual((typed.details?.problems as { path: string }[]).map((problem) => problem.path), ['extra', 'chainId', 'amount']);
  await requestBridgeOut(worldState, bridgeOutRequest('B-x', 1_000n));
  await refused(t, worldState, DESK.requesterA, 'BRIDGE_OUT_ALREADY_EXISTS', request({}), afterLockup);
  await refused(t, worldState, DESK.officerA, 'BRIDGE_OUT_NOT_FOUND', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-none', ''), afterLockup);
});

test('an asset without a token on the chain cannot be bridged there', async (t) => {
  const worldState = await ledgerForBridge();
  const bare = { ...CHAIN_CONFIG, tokens: [] };
  await bridge.ProposeBridgeChain(tx(BRIDGE_DESK.operatorA, worldState).ctx, json(bare));
  await bridge.ApproveBridgeChain(tx(BRIDGE_DESK.operatorB, worldState).ctx, json(bare));
  await refused(t, worldState, DESK.requesterA, 'BRIDGE_ASSET_NOT_CONFIGURED', (ctx) => bridge.RequestBridgeOut(ctx, json(bridgeOutRequest('B-1', 1_000n))), afterLockup);
});

test('a pending bridge-out can be rejected, cancelled or, past its time to live, expired; none moves units', async (t) => {
  const worldState = await ledgerForBridge();
  for (const id of ['B-r', 'B-c', 'B-e']) await requestBridgeOut(worldState, bridgeOutRequest(id, 1_000n));
  await refused(t, worldState, DESK.officerA, 'ARGUMENT_EMPTY', (ctx) => bridge.RejectBridgeOut(ctx, 'B-r', ''), afterLockup);
  await bridge.RejectBridgeOut(tx(DESK.officerA, worldState, afterLockup).ctx, 'B-r', 'Borrower not yet onboarded at the venue');
  await bridge.CancelBridgeOut(tx(DESK.requesterA, worldState, afterLockup).ctx, 'B-c');
  await refused(t, worldState, DESK.regulator, 'TRANSFER_NOT_EXPIRED', (ctx) => bridge.ExpireBridgeOut(ctx, 'B-e'), afterLockup);
  await bridge.ExpireBridgeOut(tx(DESK.regulator, worldState, { at: new Date(AFTER_LOCKUP.getTime() + 8 * 86_400_000) }).ctx, 'B-e');
  t.deepEqual(await Promise.all(['B-r', 'B-c', 'B-e'].map(async (id) => (await bridgeOutOf(worldState, id)).status)), ['REJECTED', 'CANCELLED', 'EXPIRED']);
  await refused(t, worldState, DESK.officerA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-r', ''), afterLockup);
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '0');
  t.is((await escrowOf(worldState)).escrowed, '0');
});

test('no bridge-out while the asset is in remediation; a cure reopens the bridge', async (t) => {
  const worldState = await ledgerForBridge();
  await decide(worldState, legalAction('L-1', 'start-remediation'), afterLockup);
  const error = await refused(t, worldState, DESK.requesterA, 'BRIDGE_ASSET_NOT_ELIGIBLE', (ctx) => bridge.RequestBridgeOut(ctx, json(bridgeOutRequest('B-1', 1_000n))), afterLockup);
  t.is(error.details?.state, 'REMEDIATION');
  await decide(worldState, legalAction('L-2', 'cure'), afterLockup);
  await requestBridgeOut(worldState, bridgeOutRequest('B-1', 1_000n));
  t.is((await bridgeOutOf(worldState, 'B-1')).status, 'PENDING');
});
