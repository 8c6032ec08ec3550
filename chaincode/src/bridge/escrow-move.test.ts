import '../testing/quiet-fabric-logs';
import test from 'ava';
import { keccak256, toUtf8Bytes, Wallet } from 'ethers';
import type { EscrowMoveEvent, EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '../assets/asset-contract';
import { BRIDGE_DESK, escrowedBridgeOut, escrowMoveEvent, escrowOf, ledgerForBridge, WALLETS } from '../testing/bridge-story';
import { eventsOf, tx } from '../testing/ledger-cast';
import { ASSET_ID, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { snapshotLedger, type TestIdentity, type WorldState } from '../testing/stub-context';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP, DESK, unitsOnLedger } from '../testing/transfer-story';
import { BridgeContract } from './bridge-contract';

const bridge = new BridgeContract();
const afterLockup = { at: AFTER_LOCKUP };
const UNBOUND = new Wallet(keccak256(toUtf8Bytes('an unbound wallet'))).address;
const VENUE = '0x0000000000000000000000000000000000000b1e';

const holdingOf = async (worldState: WorldState, investorId: string) => JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;
const moveOf = async (worldState: WorldState, event: EscrowMoveEvent) =>
  JSON.parse(await bridge.GetEscrowMove(tx(DESK.regulator, worldState).ctx, event.chainId, event.txHash, String(event.logIndex))) as EscrowMoveRecord;

const move = escrowMoveEvent;

async function attestMove(worldState: WorldState, validator: TestIdentity, event: EscrowMoveEvent) {
  const transaction = tx(validator, worldState, afterLockup);
  await bridge.AttestEscrowMove(transaction.ctx, json(event));
  return transaction;
}

test('two banks attesting a transfer move its escrow from the sender\'s investor to the receiver\'s, once', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const before = unitsOnLedger(worldState, tx(DESK.regulator, worldState).ctx);
  const event = move(1, 400n);
  await attestMove(worldState, BRIDGE_DESK.validatorA, event);
  t.is((await moveOf(worldState, event)).status, 'ATTESTED', 'one bank is not enough');
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '1000');

  const applying = await attestMove(worldState, BRIDGE_DESK.validatorB, event);
  t.deepEqual(eventsOf(applying).map((entry) => entry.name), ['EscrowMoved']);
  const applied = await moveOf(worldState, event);
  t.like(applied, { status: 'APPLIED', applied: { fromInvestorId: INVESTORS.annaA, toInvestorId: INVESTORS.chloeB, moved: '400', note: null } });
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '600');
  t.like(await holdingOf(worldState, INVESTORS.chloeB), { escrowed: '400', balance: '100000', bankMsp: 'BankBMSP' });
  t.is((await escrowOf(worldState)).escrowed, '1000', 'the pool is unchanged: only who owns it moved');
  t.is(unitsOnLedger(worldState, tx(DESK.regulator, worldState).ctx), before, 'units are conserved');

  const late = await attestMove(worldState, BRIDGE_DESK.validatorC, event);
  t.deepEqual(eventsOf(late).map((entry) => entry.name), ['EscrowMoveAttested'], 'a third bank is recorded');
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).escrowed, '400', 'and moves nothing again');
  const repeat = await attestMove(worldState, BRIDGE_DESK.validatorA, event);
  t.deepEqual(repeat.events, [], 'a bank repeating itself changes nothing');
});

test('a move from or to an unbound wallet, or short of escrow, moves only what it can and says why', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const toStranger = move(1, 100n, { to: UNBOUND });
  for (const validator of [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB]) await attestMove(worldState, validator, toStranger);
  const stranger = await moveOf(worldState, toStranger);
  t.like(stranger.applied, { fromInvestorId: INVESTORS.annaA, toInvestorId: null, moved: '0' });
  t.regex(stranger.applied?.note ?? '', /receiving wallet is not bound/);
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '1000');

  // A liquidation through a venue, stated between the beneficial owners: more than anna's escrow.
  const seized = move(2, 1_500n, { venue: VENUE });
  for (const validator of [BRIDGE_DESK.validatorB, BRIDGE_DESK.validatorC]) await attestMove(worldState, validator, seized);
  const short = await moveOf(worldState, seized);
  t.like(short.applied, { moved: '1000' });
  t.regex(short.applied?.note ?? '', /short of 1500: 500 units stay attributed as they were/);
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '0');
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).escrowed, '1000');
});

test('attestations that disagree move nothing; refusals name their code and write nothing', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  await attestMove(worldState, BRIDGE_DESK.validatorA, move(1, 400n));
  await attestMove(worldState, BRIDGE_DESK.validatorB, move(1, 300n));
  t.is((await moveOf(worldState, move(1, 400n))).status, 'ATTESTED', 'two banks, two different facts: no quorum');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_ATTESTATION_CONFLICT', (ctx) => bridge.AttestEscrowMove(ctx, json(move(1, 300n))), afterLockup);
  await refused(t, worldState, DESK.officerA, 'CALLER_LACKS_ROLE', (ctx) => bridge.AttestEscrowMove(ctx, json(move(2, 1n))), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_TOKEN_UNKNOWN', (ctx) => bridge.AttestEscrowMove(ctx, json(move(3, 1n, { token: UNBOUND }))), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_ATTESTATION_INVALID', (ctx) => bridge.AttestEscrowMove(ctx, json(move(4, 1n, { to: WALLETS.anna.address }))), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_ATTESTATION_INVALID', (ctx) => bridge.AttestEscrowMove(ctx, json({ ...move(5, 1n), amount: '0' })), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_CHAIN_UNKNOWN', (ctx) => bridge.AttestEscrowMove(ctx, json(move(6, 1n, { chainId: '999' }))), afterLockup);
  const before = snapshotLedger(worldState);
  const valid = move(7, 1n);
  const malformed = [
    '{not json',
    '[]',
    json({ ...valid, extra: 1 }),
    json({ ...valid, logIndex: -1 }),
    json({ ...valid, logIndex: '1' }),
    json({ ...valid, from: '0x1234' }),
    json({ ...valid, venue: 'morpho' }),
    json({ ...valid, amount: '1e3' }),
    json({ ...valid, txHash: 'ab'.repeat(32) }),
    json(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== 'to'))),
  ];
  for (const input of malformed) {
    await t.throwsAsync(bridge.AttestEscrowMove(tx(BRIDGE_DESK.validatorA, worldState, afterLockup).ctx, input), { message: /\[BRIDGE_ATTESTATION_INVALID\]/ });
  }
  t.deepEqual(snapshotLedger(worldState), before, 'malformed attestations wrote nothing');
  await t.throwsAsync(bridge.GetEscrowMove(tx(DESK.regulator, worldState).ctx, CHAIN_ID.toString(), move(9, 1n).txHash, '1'), { message: /\[BRIDGE_MOVE_UNKNOWN\]/ });
});
