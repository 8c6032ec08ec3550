import '../testing/quiet-fabric-logs';
import test from 'ava';
import { Signature, Wallet } from 'ethers';
import { gatewayDomain } from '@trestle/compliance/src/bridge/gateway-types';
import { tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP } from '../testing/transfer-story';
import { BRIDGE_DESK, bridgeOutOf, escrowedBridgeOut, GATEWAY, ledgerForBridge, signMint, VALIDATOR_KEYS } from '../testing/bridge-story';
import { BridgeContract } from './bridge-contract';

const bridge = new BridgeContract();
const chain = CHAIN_ID.toString();
const afterLockup = { at: AFTER_LOCKUP };

// secp256k1's group order: n - s is the other valid s for the same r.
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

test('signatures of the registered validators make the bridge-out SIGNED at the threshold; more may follow until MINTED', async (t) => {
  const worldState = await ledgerForBridge();
  const out = await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const signature = await signMint(VALIDATOR_KEYS.A, out);
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorA, worldState, afterLockup).ctx, chain, '1', signature);
  t.is((await bridgeOutOf(worldState, 'B-1')).status, 'APPROVED', 'one of two');
  const repeat = tx(BRIDGE_DESK.validatorA, worldState, afterLockup);
  await bridge.RecordMintSignature(repeat.ctx, chain, '1', signature);
  t.deepEqual(repeat.events, [], 'the same signature again changes nothing');
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorB, worldState, afterLockup).ctx, chain, '1', await signMint(VALIDATOR_KEYS.B, out));
  const signed = await bridgeOutOf(worldState, 'B-1');
  t.is(signed.status, 'SIGNED');
  t.deepEqual(signed.signatures.map((entry) => [entry.bankMsp, entry.validator]), [['BankAMSP', VALIDATOR_KEYS.A.address], ['BankBMSP', VALIDATOR_KEYS.B.address]]);
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorC, worldState, afterLockup).ctx, chain, '1', await signMint(VALIDATOR_KEYS.C, out));
  t.is((await bridgeOutOf(worldState, 'B-1')).signatures.length, 3);
  const mintTx = `0x${'ab'.repeat(32)}`;
  await bridge.RecordMinted(tx(BRIDGE_DESK.validatorC, worldState, afterLockup).ctx, chain, '1', mintTx);
  const minted = await bridgeOutOf(worldState, 'B-1');
  t.is(minted.status, 'MINTED');
  t.is(minted.evmTxHash, mintTx);
  const pending = JSON.parse(await bridge.ListPendingMints(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain, '10', '')) as { records: unknown[] };
  t.is(pending.records.length, 0, 'a minted bridge-out leaves the work list');
  const again = tx(BRIDGE_DESK.validatorA, worldState, afterLockup);
  await bridge.RecordMinted(again.ctx, chain, '1', mintTx);
  t.deepEqual(again.events, [], 'recording the same mint again changes nothing');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_MINTED_CONFLICT', (ctx) => bridge.RecordMinted(ctx, chain, '1', `0x${'cd'.repeat(32)}`));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => bridge.RecordMintSignature(ctx, chain, '1', signature));
});

test('signatures that the gateway would refuse are refused here and change nothing', async (t) => {
  const worldState = await ledgerForBridge();
  const out = await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const submit = (signature: string) => (ctx: Parameters<typeof bridge.RecordMintSignature>[0]) => bridge.RecordMintSignature(ctx, chain, '1', signature);
  // Bank B's validator identity submitting bank A's key, a stranger's key, another chain, another gateway.
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_SIGNER_MISMATCH', submit(await signMint(VALIDATOR_KEYS.A, out)));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', submit(await signMint(Wallet.createRandom(), out)));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', submit(await signMint(VALIDATOR_KEYS.A, out, gatewayDomain(1n, GATEWAY))));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', submit(await signMint(VALIDATOR_KEYS.A, out, gatewayDomain(CHAIN_ID, VALIDATOR_KEYS.C.address))));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', submit(await signMint(VALIDATOR_KEYS.A, { ...out, amount: '1001' })));
  // The malleable twin (r, n - s, v flipped) of a valid signature.
  const valid = Signature.from(await signMint(VALIDATOR_KEYS.A, out));
  const twin = `${valid.r}${(N - BigInt(valid.s)).toString(16).padStart(64, '0')}${valid.v === 27 ? '1c' : '1b'}`;
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNATURE_INVALID', submit(twin));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNATURE_INVALID', submit('0x1234'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_MINT_UNKNOWN', (ctx) => bridge.RecordMintSignature(ctx, chain, '2', valid.serialized));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_INVALID', (ctx) => bridge.RecordMintSignature(ctx, chain, '01', valid.serialized));
  await refused(t, worldState, BRIDGE_DESK.operatorA, 'CALLER_LACKS_ROLE', submit(valid.serialized));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => bridge.RecordMinted(ctx, chain, '1', `0x${'ab'.repeat(32)}`));
});

test('a rotated-out validator key no longer counts; only an org admin registers, and an address serves one bank', async (t) => {
  const worldState = await ledgerForBridge();
  const out = await escrowedBridgeOut(worldState, 'B-1', 1_000n);
  const rotated = Wallet.createRandom();
  await bridge.RegisterValidator(tx(BRIDGE_DESK.validatorA, worldState).ctx, rotated.address);
  const old = await signMint(VALIDATOR_KEYS.A, out);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', (ctx) => bridge.RecordMintSignature(ctx, chain, '1', old));
  await bridge.RecordMintSignature(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, '1', await signMint(rotated, out));
  t.is((await bridgeOutOf(worldState, 'B-1')).signatures[0]?.validator, rotated.address);
  await refused(t, worldState, BRIDGE_DESK.requesterA, 'CALLER_NOT_ORG_ADMIN', (ctx) => bridge.RegisterValidator(ctx, Wallet.createRandom().address));
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_VALIDATOR_TAKEN', (ctx) => bridge.RegisterValidator(ctx, VALIDATOR_KEYS.C.address));
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_VALIDATOR_INVALID', (ctx) => bridge.RegisterValidator(ctx, '0xnot-an-address'));
});
