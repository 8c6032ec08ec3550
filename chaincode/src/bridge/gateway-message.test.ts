import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { RoleContract } from '../roles/role-contract';
import { tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import { identityIdOf, type TestIdentity, type WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN } from '../testing/test-identities';
import { CHAIN_ID } from '../testing/test-wallets';
import { BRIDGE_DESK, GATEWAY, ledgerForBridge, ORACLE, TOKEN, VALIDATOR_KEYS } from '../testing/bridge-story';
import { decide, legalAction } from '../testing/legal-story';
import { AFTER_LOCKUP, ledgerForTransfers } from '../testing/transfer-story';
import { GatewayMessageContract } from './gateway-message-contract';

const messages = new GatewayMessageContract();
const chain = CHAIN_ID.toString();
const at = { at: AFTER_LOCKUP };

const sign = (key: Wallet, record: GatewayMessageRecord, override: Partial<GatewayMessageRecord> = {}) => {
  const { domain, types, value } = ledgerMessageTypedData({ ...record, ...override });
  return key.signTypedData(domain, types, value);
};
const messageOf = async (worldState: WorldState, type: string, nonce: string, contract = GATEWAY) =>
  JSON.parse(await messages.GetGatewayMessage(tx(BRIDGE_DESK.regulator, worldState).ctx, chain, type, contract, nonce)) as GatewayMessageRecord;
const openOf = async (worldState: WorldState) => JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, chain)) as GatewayMessageRecord[];
const driftOf = async (worldState: WorldState, options = at) => JSON.parse(await messages.ListMirrorDrift(tx(BRIDGE_DESK.validatorC, worldState, options).ctx, chain)) as { type: string; assetId: string }[];

/** Banks A and B sign the message, and bank C records it relayed. */
async function signAndRelay(worldState: WorldState, record: GatewayMessageRecord): Promise<void> {
  const keys: ReadonlyArray<readonly [TestIdentity, Wallet]> = [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]];
  for (const [validator, key] of keys) await messages.RecordGatewaySignature(tx(validator, worldState, at).ctx, chain, record.type, record.verifyingContract, record.nonce, await sign(key, record));
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState, at).ctx, chain, record.type, record.verifyingContract, record.nonce, `0x${'ef'.repeat(32)}`);
}

test('a pause raised by two banks is one message; two signatures make it SIGNED, the relay closes it, the next pause is numbered anew', async (t) => {
  const worldState = await ledgerForBridge();
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', '', 'Escrow 1000 below EVM supply 1400 for ZOB');
  const again = tx(BRIDGE_DESK.validatorB, worldState);
  await messages.ProposeGatewayMessage(again.ctx, chain, 'Pause', '', 'Same divergence seen by BankB');
  t.deepEqual(again.events, [], 'the open pause is the answer');
  const [pause] = await openOf(worldState);
  t.like(pause, { type: 'Pause', nonce: '1', status: 'PROPOSED', verifyingContract: GATEWAY });
  await messages.RecordGatewaySignature(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', GATEWAY, '1', await sign(VALIDATOR_KEYS.A, pause!));
  await messages.RecordGatewaySignature(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain, 'Pause', GATEWAY, '1', await sign(VALIDATOR_KEYS.B, pause!));
  t.is((await messageOf(worldState, 'Pause', '1')).status, 'SIGNED');
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'Pause', GATEWAY, '1', `0x${'ef'.repeat(32)}`);
  t.is((await messageOf(worldState, 'Pause', '1')).status, 'RELAYED');
  t.deepEqual(await openOf(worldState), []);
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'Pause', '', 'A second divergence');
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'Unpause', '', 'Reconciled after the incident review');
  t.deepEqual((await openOf(worldState)).map((record) => [record.type, record.nonce]), [['Pause', '2'], ['Unpause', '3']], 'a pause and an unpause take one counter: the gateway orders them as one sequence');
});

test('an unpause carried closes a pause raised before it: the gateway would refuse the older one (MessageNonceStale)', async (t) => {
  const worldState = await ledgerForBridge();
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState, at).ctx, chain, 'Pause', '', 'Escrow below EVM supply');
  await signAndRelay(worldState, (await openOf(worldState))[0]!);
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, chain, 'Pause', '', 'The same divergence, seen late');
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorC, worldState, at).ctx, chain, 'Unpause', '', 'Reconciled after the incident review');
  const [latePause, unpause] = await openOf(worldState);
  t.deepEqual([latePause?.type, latePause?.nonce, unpause?.type, unpause?.nonce], ['Pause', '2', 'Unpause', '3']);
  await signAndRelay(worldState, unpause!);
  t.deepEqual(await openOf(worldState), [], 'the late pause left the work list');
  t.is((await messageOf(worldState, 'Pause', '2')).status, 'PROPOSED', 'its record stays, as proposed');
});

test("a legal state crosses as the ledger holds it, not as the proposer says, and only when the gateway lacks it", async (t) => {
  const worldState = await ledgerForBridge();
  const quiet = tx(BRIDGE_DESK.validatorA, worldState);
  await messages.ProposeGatewayMessage(quiet.ctx, chain, 'SetLegalState', TOKEN, 'Nothing to mirror');
  t.deepEqual(quiet.events, [], 'a TOKENIZED asset is Normal, which the gateway already holds');
  t.false((await driftOf(worldState)).some((entry) => entry.type === 'SetLegalState'));
  await decide(worldState, legalAction('L-1', 'start-remediation'), at);
  t.true((await driftOf(worldState)).some((entry) => entry.type === 'SetLegalState'));
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState, at).ctx, chain, 'SetLegalState', TOKEN.toLowerCase(), 'Mirror the remediation');
  const record = await messageOf(worldState, 'SetLegalState', '1');
  t.deepEqual(record.fields, { token: TOKEN, state: 1 }, 'REMEDIATION is Remediation on the gateway');
  t.false((await driftOf(worldState)).some((entry) => entry.type === 'SetLegalState'), 'a message on its way is not drift');
  const claimsNormal = await sign(VALIDATOR_KEYS.A, record, { fields: { token: TOKEN, state: 0 } });
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', (ctx) => messages.RecordGatewaySignature(ctx, chain, 'SetLegalState', GATEWAY, '1', claimsNormal), at);
  await signAndRelay(worldState, record);
  const again = tx(BRIDGE_DESK.validatorC, worldState, at);
  await messages.ProposeGatewayMessage(again.ctx, chain, 'SetLegalState', TOKEN, 'Already carried');
  t.deepEqual(again.events, [], 'the gateway holds Remediation now');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_TOKEN_UNKNOWN', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'SetLegalState', GATEWAY, 'Not a token'), at);
});

test("a NAV is the valuation in force per unit, in the oracle's domain and numbered by the valuation; a write-off needs WRITTEN_OFF", async (t) => {
  const worldState = await ledgerForBridge();
  t.deepEqual((await driftOf(worldState)).map((entry) => entry.type), ['Nav'], 'the valuation has never been published');
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorB, worldState, at).ctx, chain, 'Nav', TOKEN, 'Publish the appraisal');
  const nav = await messageOf(worldState, 'Nav', '1', ORACLE);
  // CHF 42,500,000.00 over 1,000,000 base units of 6 decimals (one whole unit): 42.5 million per unit.
  t.deepEqual(nav.fields, { asset: TOKEN, navPerUnit: (42_500_000n * 10n ** 18n).toString(), valuationSeq: 1, validUntil: nav.fields.validUntil });
  await signAndRelay(worldState, nav);
  t.deepEqual(await driftOf(worldState), [], 'the oracle holds valuation 1');
  const quiet = tx(BRIDGE_DESK.validatorA, worldState, at);
  await messages.ProposeGatewayMessage(quiet.ctx, chain, 'Nav', TOKEN, 'Again');
  t.deepEqual(quiet.events, []);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'WriteOff', TOKEN, 'Not written off'), at);
  const afterWindow = { at: new Date(AFTER_LOCKUP.getTime() + 91 * 86_400_000) };
  await decide(worldState, legalAction('L-1', 'start-remediation'), at);
  await decide(worldState, legalAction('L-2', 'write-off'), afterWindow);
  t.deepEqual((await driftOf(worldState, afterWindow)).map((entry) => entry.type), ['WriteOff'], 'no legal state or NAV for a written-off asset, only the write-off');
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState, afterWindow).ctx, chain, 'WriteOff', TOKEN, 'Written off by the banks');
  t.deepEqual((await messageOf(worldState, 'WriteOff', '1', ORACLE)).fields, { asset: TOKEN });
});

test('messages refuse strangers, unknown types, foreign keys and replays, and change nothing', async (t) => {
  const worldState = await ledgerForBridge();
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', '', 'Drill');
  const pause = await messageOf(worldState, 'Pause', '1');
  const good = await sign(VALIDATOR_KEYS.A, pause);
  const record = (signature: string, nonce = '1', contract = GATEWAY) => (ctx: Parameters<typeof messages.RecordGatewaySignature>[0]) => messages.RecordGatewaySignature(ctx, chain, 'Pause', contract, nonce, signature);
  await refused(t, worldState, BRIDGE_DESK.operatorA, 'CALLER_LACKS_ROLE', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Pause', '', 'Not a validator'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_INVALID', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Mint', '', 'Mints come from bridge-outs'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'ARGUMENT_EMPTY', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Pause', '', ''));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', record(`${good.slice(0, -2)}${good.endsWith('1b') ? '1c' : '1b'}`));
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_SIGNER_MISMATCH', record(good));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', record(await sign(VALIDATOR_KEYS.A, pause, { type: 'Unpause' })));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_MINT_UNKNOWN', record(good, '2'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_MINT_UNKNOWN', record(good, '1', ORACLE));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => messages.RecordGatewayRelayed(ctx, chain, 'Pause', GATEWAY, '1', `0x${'ef'.repeat(32)}`));
  // A bank whose admin holds the validator role but never registered a validator address.
  const unregistered = await ledgerForTransfers();
  await new RoleContract().GrantRole(tx(BANK_A_ADMIN, unregistered).ctx, identityIdOf(BANK_A_ADMIN), 'validator');
  await refused(t, unregistered, BANK_A_ADMIN, 'BRIDGE_VALIDATOR_UNKNOWN', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Unpause', '', 'No key'));
  await messages.RecordGatewaySignature(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', GATEWAY, '1', good);
  const repeat = tx(BRIDGE_DESK.validatorA, worldState);
  await messages.RecordGatewaySignature(repeat.ctx, chain, 'Pause', GATEWAY, '1', good.toUpperCase().replace('0X', '0x'));
  t.deepEqual(repeat.events, [], 'the same signature in other letter case is a repeat, not a second one');
  t.is((await messageOf(worldState, 'Pause', '1')).signatures.length, 1);
});
