import '../testing/quiet-fabric-logs';
import test from 'ava';
import { keccak256, toUtf8Bytes } from 'ethers';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { AssetContract } from '../assets/asset-contract';
import { InvestorContract } from '../investors/investor-contract';
import { eventsOf, tx } from '../testing/ledger-cast';
import { ASSET_ID, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { AFTER_LOCKUP, DESK, unitsOnLedger } from '../testing/transfer-story';
import { attest, BRIDGE_DESK, burnEvent, burnOf, CHAIN_CONFIG, escrowedBridgeOut, escrowOf, ledgerForBridge, WALLETS } from '../testing/bridge-story';
import { BridgeContract } from './bridge-contract';

const bridge = new BridgeContract();
const afterLockup = { at: AFTER_LOCKUP };
const holdingOf = async (worldState: Map<string, Uint8Array>, investorId: string) =>
  JSON.parse(await new AssetContract().GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord;

// Units on the ledger: every holding's balance and escrow, plus released units waiting in suspense.
async function unitsWithSuspense(worldState: Map<string, Uint8Array>): Promise<bigint> {
  const probe = tx(DESK.regulator, worldState);
  return unitsOnLedger(worldState, probe.ctx) + BigInt((await escrowOf(worldState)).suspense);
}

test('matching attestations from two banks release a burn to the burner once; a third changes nothing more', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const event = burnEvent(1n, 400n);
  await attest(worldState, BRIDGE_DESK.validatorA, event);
  t.is((await burnOf(worldState, 1n)).status, 'ATTESTED', 'one bank is not enough');
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '1000');
  const releasing = tx(BRIDGE_DESK.validatorB, worldState, afterLockup);
  await bridge.AttestBurn(releasing.ctx, json(event));
  t.deepEqual(eventsOf(releasing).map((entry) => entry.name), ['BurnReleased']);
  const burn = await burnOf(worldState, 1n);
  t.is(burn.status, 'RELEASED');
  t.is(burn.release?.investorId, INVESTORS.annaA);
  const anna = await holdingOf(worldState, INVESTORS.annaA);
  t.is(anna.balance, '599400');
  t.is(anna.escrowed, '600');
  t.deepEqual(await escrowOf(worldState), { assetId: ASSET_ID, chainId: event.chainId, escrowed: '600', suspense: '0' });
  await attest(worldState, BRIDGE_DESK.validatorC, event);
  t.is((await burnOf(worldState, 1n)).attestations.length, 3, 'a late attestation is kept');
  t.is((await holdingOf(worldState, INVESTORS.annaA)).balance, '599400', 'and releases nothing again');
  const repeat = tx(BRIDGE_DESK.validatorA, worldState, afterLockup);
  await bridge.AttestBurn(repeat.ctx, json(event));
  t.deepEqual(repeat.events, [], 'a bank repeating itself changes nothing');
  t.is(await unitsWithSuspense(worldState), 1_000_000n);
});

test('attestations that disagree do not release; a bank cannot change its attestation', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  await attest(worldState, BRIDGE_DESK.validatorA, burnEvent(1n, 400n));
  await attest(worldState, BRIDGE_DESK.validatorB, burnEvent(1n, 900n));
  t.is((await burnOf(worldState, 1n)).status, 'ATTESTED', 'two banks, two different burns: neither has a quorum');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_ATTESTATION_CONFLICT', (ctx) => bridge.AttestBurn(ctx, json(burnEvent(1n, 900n))), afterLockup);
  await attest(worldState, BRIDGE_DESK.validatorC, burnEvent(1n, 400n));
  t.is((await burnOf(worldState, 1n)).release?.amount, '400', 'the facts two banks agree on are released');
});

test('units go to suspense when the burner cannot be credited: another investor named, an unbound wallet, a suspended investor', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 3_000n);
  const release = async (nonce: bigint, overrides: Parameters<typeof burnEvent>[2]) => {
    const event = burnEvent(nonce, 1_000n, overrides);
    await attest(worldState, BRIDGE_DESK.validatorA, event);
    await attest(worldState, BRIDGE_DESK.validatorC, event);
    return (await burnOf(worldState, nonce)).release;
  };
  t.regex((await release(1n, { fabricInvestorRef: investorRef(INVESTORS.benA) }))?.suspenseReason ?? '', /other than/);
  t.regex((await release(2n, { from: '0x000000000000000000000000000000000000dEaD' }))?.suspenseReason ?? '', /not bound/);
  await new InvestorContract().SuspendInvestor(tx(DESK.officerA, worldState).ctx, INVESTORS.annaA, 'Source of funds review');
  t.regex((await release(3n, {}))?.suspenseReason ?? '', /KYC suspended/);
  t.deepEqual(await escrowOf(worldState), { assetId: ASSET_ID, chainId: '31337', escrowed: '0', suspense: '3000' });
  t.is((await holdingOf(worldState, INVESTORS.annaA)).balance, '597000', 'nothing credited');
  t.is(await unitsWithSuspense(worldState), 1_000_000n, 'suspense keeps the units counted');
});

test("a burn by another investor's bound wallet credits that investor, taking escrow from the one who bridged out", async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  // On the EVM chain anna's units reached chloe's wallet (a transfer or a liquidation); chloe burns them.
  const event = burnEvent(1n, 250n, { from: WALLETS.chloe.address, fabricInvestorRef: investorRef(INVESTORS.chloeB) });
  await attest(worldState, BRIDGE_DESK.validatorA, event);
  await attest(worldState, BRIDGE_DESK.validatorB, event);
  t.is((await holdingOf(worldState, INVESTORS.chloeB)).balance, '100250');
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '750');
  t.is(await unitsWithSuspense(worldState), 1_000_000n);
});

test('a burn the escrow cannot cover, an unknown token or a bad attestation is refused and changes nothing', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  await attest(worldState, BRIDGE_DESK.validatorA, burnEvent(1n, 1_001n));
  const error = await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_ESCROW_INSUFFICIENT', (ctx) => bridge.AttestBurn(ctx, json(burnEvent(1n, 1_001n))), afterLockup);
  t.is(error.details?.escrowed, '1000');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_TOKEN_UNKNOWN', (ctx) => bridge.AttestBurn(ctx, json(burnEvent(2n, 10n, { token: WALLETS.anna.address }))), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_CHAIN_UNKNOWN', (ctx) => bridge.AttestBurn(ctx, json(burnEvent(2n, 10n, { chainId: '5' }))), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_ATTESTATION_INVALID', (ctx) => bridge.AttestBurn(ctx, json({ ...burnEvent(2n, 10n), amount: '-1', txHash: 'nope' })), afterLockup);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_ATTESTATION_INVALID', (ctx) => bridge.AttestBurn(ctx, '[1,2]'), afterLockup);
  await refused(t, worldState, DESK.officerA, 'CALLER_LACKS_ROLE', (ctx) => bridge.AttestBurn(ctx, json(burnEvent(2n, 10n))), afterLockup);
  await refused(t, worldState, DESK.regulator, 'CALLER_LACKS_ROLE', (ctx) => bridge.AttestBurn(ctx, json(burnEvent(2n, 10n))), afterLockup);
});

test("after the chain's configuration names a new gateway, that gateway's burn 1 is released, not taken for the old gateway's burn 1", async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const old = burnEvent(1n, 400n);
  await attest(worldState, BRIDGE_DESK.validatorA, old);
  await attest(worldState, BRIDGE_DESK.validatorB, old);
  const rotated = { ...CHAIN_CONFIG, gateway: '0x0000000000000000000000000000000000000B0B' };
  await bridge.ProposeBridgeChain(tx(BRIDGE_DESK.operatorA, worldState).ctx, json(rotated));
  await bridge.ApproveBridgeChain(tx(BRIDGE_DESK.operatorB, worldState).ctx, json(rotated));

  // The new gateway numbers its burns from 1 again: another transaction, another amount.
  const renumbered = burnEvent(1n, 300n, { txHash: keccak256(toUtf8Bytes('new gateway burn tx 1')), blockNumber: 7 });
  await attest(worldState, BRIDGE_DESK.validatorA, renumbered);
  await attest(worldState, BRIDGE_DESK.validatorC, renumbered);
  const burn = await burnOf(worldState, 1n);
  t.is(burn.release?.amount, '300', "GetBurn answers for the gateway in force");
  t.deepEqual(burn.attestations.map((entry) => entry.bankMsp), ['BankAMSP', 'BankCMSP']);
  t.is((await holdingOf(worldState, INVESTORS.annaA)).escrowed, '300', '1,000 escrowed, 400 and 300 released');
  t.is(await unitsWithSuspense(worldState), 1_000_000n);
});
