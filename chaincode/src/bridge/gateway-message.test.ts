import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { GATEWAY_TYPES, gatewayDomain, type GatewayMessage } from '@trestle/compliance/src/bridge/gateway-types';
import { RoleContract } from '../roles/role-contract';
import { tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { REGULATOR_ADMIN } from '../testing/test-identities';
import { CHAIN_ID } from '../testing/test-wallets';
import { BRIDGE_DESK, GATEWAY, ledgerForBridge, TOKEN, VALIDATOR_KEYS } from '../testing/bridge-story';
import { decide, legalAction } from '../testing/legal-story';
import { AFTER_LOCKUP } from '../testing/transfer-story';
import { GatewayMessageContract } from './gateway-message-contract';

const messages = new GatewayMessageContract();
const chain = CHAIN_ID.toString();

async function sign(key: Wallet, type: GatewayMessage, message: Record<string, unknown>): Promise<string> {
  return key.signTypedData(gatewayDomain(CHAIN_ID, GATEWAY), { [type]: GATEWAY_TYPES[type].map((field) => ({ ...field })) }, message);
}

const messageOf = async (worldState: WorldState, type: string, nonce: string) =>
  JSON.parse(await messages.GetGatewayMessage(tx(BRIDGE_DESK.regulator, worldState).ctx, chain, type, nonce)) as GatewayMessageRecord;
const openOf = async (worldState: WorldState) => JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain)) as GatewayMessageRecord[];

test('a pause raised by two banks is one message; two signatures make it SIGNED, the relay closes it, the next pause is numbered anew', async (t) => {
  const worldState = await ledgerForBridge();
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', '', 'Escrow 1000 below EVM supply 1400 for ZRH-BLDG-1');
  const again = tx(BRIDGE_DESK.validatorB, worldState);
  await messages.ProposeGatewayMessage(again.ctx, chain, 'Pause', '', 'Same divergence seen by BankB');
  t.deepEqual(again.events, [], 'the open pause is the answer');
  t.deepEqual((await openOf(worldState)).map((record) => [record.type, record.nonce, record.status]), [['Pause', '1', 'PROPOSED']]);
  await messages.RecordGatewaySignature(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', '1', await sign(VALIDATOR_KEYS.A, 'Pause', { nonce: 1n }));
  await messages.RecordGatewaySignature(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain, 'Pause', '1', await sign(VALIDATOR_KEYS.B, 'Pause', { nonce: 1n }));
  t.is((await messageOf(worldState, 'Pause', '1')).status, 'SIGNED');
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'Pause', '1', `0x${'ef'.repeat(32)}`);
  t.is((await messageOf(worldState, 'Pause', '1')).status, 'RELAYED');
  t.deepEqual(await openOf(worldState), []);
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'Pause', '', 'A second divergence');
  t.deepEqual((await openOf(worldState)).map((record) => record.nonce), ['2']);
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain, 'Unpause', '', 'Reconciled after the incident review');
  t.deepEqual((await openOf(worldState)).map((record) => [record.type, record.nonce]), [['Pause', '2'], ['Unpause', '1']], 'each type numbers its own nonces');
});

test("a legal-state message carries the asset's state from the ledger, not the proposer's word, and only when the gateway lacks it", async (t) => {
  const worldState = await ledgerForBridge();
  const quiet = tx(BRIDGE_DESK.validatorA, worldState);
  await messages.ProposeGatewayMessage(quiet.ctx, chain, 'SetLegalState', TOKEN, 'Nothing to mirror');
  t.deepEqual(quiet.events, [], 'a TOKENIZED asset is Normal, which the gateway already holds');
  const drift = async () => JSON.parse(await messages.ListLegalStateDrift(tx(BRIDGE_DESK.validatorC, worldState).ctx, chain)) as { assetId: string; wantedState: number }[];
  t.deepEqual(await drift(), []);
  await decide(worldState, legalAction('L-1', 'start-remediation'), { at: AFTER_LOCKUP });
  t.deepEqual((await drift()).map((entry) => [entry.assetId, entry.wantedState]), [['ZOB', 1]]);
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'SetLegalState', TOKEN.toLowerCase(), 'Mirror the remediation');
  const record = await messageOf(worldState, 'SetLegalState', '1');
  t.deepEqual(record.fields, { token: TOKEN, state: 1 }, 'REMEDIATION is Remediation on the gateway');
  t.deepEqual(await drift(), [], 'a message on its way is not drift');
  const claimsNormal = await sign(VALIDATOR_KEYS.A, 'SetLegalState', { token: TOKEN, state: 0, nonce: 1n });
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', (ctx) => messages.RecordGatewaySignature(ctx, chain, 'SetLegalState', '1', claimsNormal));
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, worldState).ctx, chain, 'SetLegalState', '1', await sign(key, 'SetLegalState', { token: TOKEN, state: 1, nonce: 1n }));
  }
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorB, worldState).ctx, chain, 'SetLegalState', '1', `0x${'aa'.repeat(32)}`);
  const again = tx(BRIDGE_DESK.validatorC, worldState);
  await messages.ProposeGatewayMessage(again.ctx, chain, 'SetLegalState', TOKEN, 'Already carried');
  t.deepEqual(again.events, [], 'the gateway holds Remediation now');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_TOKEN_UNKNOWN', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'SetLegalState', GATEWAY, 'Not a token'));
});

test('gateway messages refuse strangers, unknown types, foreign keys and replays, and change nothing', async (t) => {
  const worldState = await ledgerForBridge();
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, worldState).ctx, chain, 'Pause', '', 'Drill');
  const good = await sign(VALIDATOR_KEYS.A, 'Pause', { nonce: 1n });
  await refused(t, worldState, BRIDGE_DESK.operatorA, 'CALLER_LACKS_ROLE', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Pause', '', 'Not a validator'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_INVALID', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Mint', '', 'Mints come from bridge-outs'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'ARGUMENT_EMPTY', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Pause', '', ''));
  const flipped = `${good.slice(0, -2)}${good.endsWith('1b') ? '1c' : '1b'}`;
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', (ctx) => messages.RecordGatewaySignature(ctx, chain, 'Pause', '1', flipped));
  await refused(t, worldState, BRIDGE_DESK.validatorB, 'BRIDGE_SIGNER_MISMATCH', (ctx) => messages.RecordGatewaySignature(ctx, chain, 'Pause', '1', good));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_SIGNER_MISMATCH', async (ctx) => messages.RecordGatewaySignature(ctx, chain, 'Pause', '1', await sign(VALIDATOR_KEYS.A, 'Unpause', { nonce: 1n })));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_MINT_UNKNOWN', (ctx) => messages.RecordGatewaySignature(ctx, chain, 'Pause', '2', good));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => messages.RecordGatewayRelayed(ctx, chain, 'Pause', '1', `0x${'ef'.repeat(32)}`));
  // The regulator's org holding the validator role but no registered address.
  await new RoleContract().GrantRole(tx(REGULATOR_ADMIN, worldState).ctx, identityIdOf(REGULATOR_ADMIN), 'validator');
  await refused(t, worldState, REGULATOR_ADMIN, 'BRIDGE_VALIDATOR_UNKNOWN', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'Unpause', '', 'No key'));
  const first = tx(BRIDGE_DESK.validatorA, worldState);
  await messages.RecordGatewaySignature(first.ctx, chain, 'Pause', '1', good);
  const repeat = tx(BRIDGE_DESK.validatorA, worldState);
  await messages.RecordGatewaySignature(repeat.ctx, chain, 'Pause', '1', good.toUpperCase().replace('0X', '0x'));
  t.deepEqual(repeat.events, [], 'the same signature in other letter case is a repeat, not a second one');
  t.is((await messageOf(worldState, 'Pause', '1')).signatures.length, 1);
});
