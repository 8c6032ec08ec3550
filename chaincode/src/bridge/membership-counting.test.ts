import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { tx } from '../testing/ledger-cast';
import { json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import type { WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP, DESK } from '../testing/transfer-story';
import { attest, BRIDGE_DESK, burnEvent, burnOf, bridgeOutOf, escrowedBridgeOut, escrowMoveEvent, GATEWAY, ledgerForBridge, signMint, VALIDATOR_KEYS } from '../testing/bridge-story';
import { BridgeContract } from './bridge-contract';
import { GatewayMessageContract } from './gateway-message-contract';

// A bank removed by a membership change: what its validator recorded before stays stored, but no
// longer helps reach the chain's threshold (2 of the story's 3 banks), and relayers' reads leave it out.

const bridge = new BridgeContract();
const messages = new GatewayMessageContract();
const chain = CHAIN_ID.toString();
const at = { at: AFTER_LOCKUP };
const WITHOUT_C = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] });

/** BankA's admin proposes a membership without BankC; BankB's and the regulator's admins confirm it. */
async function removeBankC(worldState: WorldState): Promise<void> {
  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, WITHOUT_C);
  for (const admin of [BANK_B_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, WITHOUT_C);
}

const mintOf = async (worldState: WorldState, nonce: string) => JSON.parse(await bridge.GetMint(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, nonce)) as BridgeOutRecord;
const pendingMints = async (worldState: WorldState) =>
  (JSON.parse(await bridge.ListPendingMints(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, '10', '')) as { records: BridgeOutRecord[] }).records;

test('a burn attested by a bank since removed: one remaining bank does not release it at threshold 2, a second does', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const event = burnEvent(1n, 400n);
  await attest(worldState, BRIDGE_DESK.validatorC, event);
  await removeBankC(worldState);
  await refused(t, worldState, BRIDGE_DESK.validatorC, 'CALLER_NOT_MEMBER', (ctx) => bridge.AttestBurn(ctx, json(event)));
  await attest(worldState, BRIDGE_DESK.validatorA, event);
  const held = await burnOf(worldState, 1n);
  t.is(held.status, 'ATTESTED', "BankC's attestation no longer counts toward the threshold");
  t.deepEqual(held.attestations.map((entry) => entry.bankMsp), ['BankCMSP', 'BankAMSP'], 'but stays stored');
  await attest(worldState, BRIDGE_DESK.validatorB, event);
  const released = await burnOf(worldState, 1n);
  t.is(released.status, 'RELEASED');
  t.is(released.release?.investorId, INVESTORS.annaA);
});

test('an escrow move attested by a bank since removed moves only once two banks in force attest it', async (t) => {
  const worldState = await ledgerForBridge();
  await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const event = escrowMoveEvent(1, 400n);
  const moveOf = async () => JSON.parse(await bridge.GetEscrowMove(tx(DESK.regulator, worldState).ctx, chain, event.txHash, String(event.logIndex))) as EscrowMoveRecord;
  await bridge.AttestEscrowMove(tx(BRIDGE_DESK.validatorC, worldState, at).ctx, json(event));
  await removeBankC(worldState);
  await bridge.AttestEscrowMove(tx(BRIDGE_DESK.validatorA, worldState, at).ctx, json(event));
  t.is((await moveOf()).status, 'ATTESTED');
  t.is((await moveOf()).attestations.length, 2);
  await bridge.AttestEscrowMove(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, json(event));
  t.like(await moveOf(), { status: 'APPLIED', applied: { fromInvestorId: INVESTORS.annaA, toInvestorId: INVESTORS.chloeB, moved: '400' } });
});

test("a Mint signed by a bank since removed is SIGNED only with two banks in force, and relayers' reads leave the removed bank's signature out", async (t) => {
  const worldState = await ledgerForBridge();
  const out = await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const nonce = out.nonce ?? '';
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorC, worldState, at).ctx, chain, nonce, await signMint(VALIDATOR_KEYS.C, out));
  await removeBankC(worldState);
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorA, worldState, at).ctx, chain, nonce, await signMint(VALIDATOR_KEYS.A, out));
  const stored = await bridgeOutOf(worldState, 'B-1');
  t.is(stored.status, 'APPROVED', 'one bank in force of two needed');
  t.deepEqual(stored.signatures.map((entry) => entry.bankMsp), ['BankCMSP', 'BankAMSP'], 'GetBridgeOut keeps every signature stored');
  t.deepEqual((await mintOf(worldState, nonce)).signatures.map((entry) => entry.bankMsp), ['BankAMSP'], 'GetMint hands out only what counts');
  t.deepEqual((await pendingMints(worldState)).map((record) => record.signatures.map((entry) => entry.bankMsp)), [['BankAMSP']]);
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, chain, nonce, await signMint(VALIDATOR_KEYS.B, out));
  t.is((await bridgeOutOf(worldState, 'B-1')).status, 'SIGNED');
  t.like(await mintOf(worldState, nonce), { status: 'SIGNED' });
  t.deepEqual((await mintOf(worldState, nonce)).signatures.map((entry) => entry.validator), [VALIDATOR_KEYS.A.address, VALIDATOR_KEYS.B.address]);
});

test('a Mint SIGNED thanks to a bank removed since reads as APPROVED for relayers until another bank in force signs', async (t) => {
  const worldState = await ledgerForBridge();
  const out = await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const nonce = out.nonce ?? '';
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorC, VALIDATOR_KEYS.C]] as const) {
    await bridge.RecordMintSignature(tx(validator, worldState, at).ctx, chain, nonce, await signMint(key, out));
  }
  t.is((await mintOf(worldState, nonce)).status, 'SIGNED');
  await removeBankC(worldState);
  t.like(await mintOf(worldState, nonce), { status: 'APPROVED', signatures: [{ bankMsp: 'BankAMSP' }] });
  t.is((await mintOf(worldState, nonce)).signatures.length, 1);
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, chain, nonce, await signMint(VALIDATOR_KEYS.B, out));
  t.is((await mintOf(worldState, nonce)).status, 'SIGNED');
});

test("a gateway message signed by a bank since removed is SIGNED only with two banks in force; the work list leaves the removed bank's signature out", async (t) => {
  const worldState = await ledgerForBridge();
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState, at).ctx, chain, 'Pause', '', 'Escrow below EVM supply');
  const proposed = JSON.parse(await messages.GetGatewayMessage(tx(BRIDGE_DESK.regulator, worldState).ctx, chain, 'Pause', GATEWAY, '1')) as GatewayMessageRecord;
  const { domain, types, value } = ledgerMessageTypedData(proposed);
  const signPause = (key: typeof VALIDATOR_KEYS.A) => key.signTypedData(domain, types, value);
  const record = async (identity: typeof BRIDGE_DESK.validatorA, key: typeof VALIDATOR_KEYS.A) =>
    messages.RecordGatewaySignature(tx(identity, worldState, at).ctx, chain, 'Pause', GATEWAY, '1', await signPause(key));
  const open = async () => JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, chain)) as GatewayMessageRecord[];
  await record(BRIDGE_DESK.validatorC, VALIDATOR_KEYS.C);
  await removeBankC(worldState);
  await record(BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A);
  t.like((await open())[0], { status: 'PROPOSED' });
  t.deepEqual((await open())[0]?.signatures.map((entry) => entry.bankMsp), ['BankAMSP']);
  await record(BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B);
  const signed = JSON.parse(await messages.GetGatewayMessage(tx(BRIDGE_DESK.regulator, worldState).ctx, chain, 'Pause', GATEWAY, '1')) as GatewayMessageRecord;
  t.is(signed.status, 'SIGNED');
  t.deepEqual(signed.signatures.map((entry) => entry.bankMsp), ['BankAMSP', 'BankBMSP']);
});
