import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { CAST, tx } from '../testing/ledger-cast';
import { refused } from '../testing/refusal';
import type { TestIdentity, WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP } from '../testing/transfer-story';
import { BRIDGE_DESK, CHAIN_CONFIG, GATEWAY, ledgerForBridge, VALIDATOR_KEYS } from '../testing/bridge-story';
import { GatewayMessageContract } from './gateway-message-contract';

// SetValidators: the ledger carries the validators of the banks in force to the gateway after a
// membership change; the proposer gives only the super threshold, and a set the gateway would
// revert is refused here.

const messages = new GatewayMessageContract();
const chain = CHAIN_ID.toString();
const at = { at: AFTER_LOCKUP };
const WITHOUT_C = JSON.stringify({ banks: ['BankAMSP', 'BankBMSP'], regulators: ['RegulatorMSP'] });
const REASON = 'BankC left the consortium';

async function removeBankC(worldState: WorldState): Promise<void> {
  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, WITHOUT_C);
  for (const admin of [BANK_B_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, WITHOUT_C);
}

const openSets = async (worldState: WorldState) =>
  (JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.regulator, worldState).ctx, chain)) as GatewayMessageRecord[]).filter((record) => record.type === 'SetValidators');
const propose = (identity: TestIdentity, worldState: WorldState, superThreshold: string) => messages.ProposeValidatorSet(tx(identity, worldState, at).ctx, chain, superThreshold, REASON);
const signSet = async (identity: TestIdentity, key: Wallet, worldState: WorldState, record: GatewayMessageRecord) => {
  const { domain, types, value } = ledgerMessageTypedData(record);
  await messages.RecordGatewaySignature(tx(identity, worldState, at).ctx, chain, 'SetValidators', record.verifyingContract, record.nonce, await key.signTypedData(domain, types, value));
};

test("after BankC's removal an operator proposes the banks in force as the gateway's set, with the chain's threshold; A and B sign it", async (t) => {
  const worldState = await ledgerForBridge();
  await removeBankC(worldState);
  await propose(BRIDGE_DESK.operatorA, worldState, '2');
  const [record, ...others] = await openSets(worldState);
  t.is(others.length, 0);
  t.like(record, { type: 'SetValidators', nonce: '1', verifyingContract: GATEWAY, status: 'PROPOSED', proposerMsp: 'BankAMSP', reason: REASON });
  t.deepEqual(record?.fields, { validators: [VALIDATOR_KEYS.A.address, VALIDATOR_KEYS.B.address], threshold: CHAIN_CONFIG.threshold, superThreshold: 2 });
  if (record === undefined) return;
  // The same set again, by another bank's validator, is the same message.
  await propose(BRIDGE_DESK.validatorB, worldState, '2');
  t.is((await openSets(worldState)).length, 1);
  await refused(t, worldState, BRIDGE_DESK.validatorC, 'CALLER_NOT_MEMBER', async (ctx) => {
    const { domain, types, value } = ledgerMessageTypedData(record);
    await messages.RecordGatewaySignature(ctx, chain, 'SetValidators', GATEWAY, record.nonce, await VALIDATOR_KEYS.C.signTypedData(domain, types, value));
  });
  await signSet(BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A, worldState, record);
  await signSet(BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B, worldState, record);
  t.like((await openSets(worldState))[0], { status: 'SIGNED' });
});

test('with all three banks in force the set is all three validators, in bank order, and the super threshold may be 3', async (t) => {
  const worldState = await ledgerForBridge();
  await propose(BRIDGE_DESK.operatorB, worldState, '3');
  t.deepEqual((await openSets(worldState))[0]?.fields, { validators: [VALIDATOR_KEYS.A.address, VALIDATOR_KEYS.B.address, VALIDATOR_KEYS.C.address], threshold: 2, superThreshold: 3 });
});

test('a set proposed before a membership change cannot be signed after it, and the new proposal takes it off the work list', async (t) => {
  const worldState = await ledgerForBridge();
  await propose(BRIDGE_DESK.operatorA, worldState, '3');
  const [stale] = await openSets(worldState);
  if (stale === undefined) return t.fail('no SetValidators proposed');
  await removeBankC(worldState);
  const { domain, types, value } = ledgerMessageTypedData(stale);
  const signature = await VALIDATOR_KEYS.A.signTypedData(domain, types, value);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => messages.RecordGatewaySignature(ctx, chain, 'SetValidators', GATEWAY, stale.nonce, signature));
  await propose(BRIDGE_DESK.operatorA, worldState, '2');
  const open = await openSets(worldState);
  t.deepEqual(open.map((record) => [record.nonce, record.fields.validators?.length]), [['2', 2]]);
});

test('refusals are typed and write nothing: malformed arguments, callers without the role or membership, a set the gateway would revert', async (t) => {
  const worldState = await ledgerForBridge();
  await removeBankC(worldState);
  const call = (superThreshold: string, reason = REASON, chainId = chain) => (ctx: Parameters<GatewayMessageContract['ProposeValidatorSet']>[0]) => messages.ProposeValidatorSet(ctx, chainId, superThreshold, reason);
  const operator = BRIDGE_DESK.operatorA;
  await refused(t, worldState, operator, 'BRIDGE_OUT_INVALID', call('two'), at);
  await refused(t, worldState, operator, 'BRIDGE_OUT_INVALID', call('0'), at);
  await refused(t, worldState, operator, 'REASON_INVALID', call('2', 'x'.repeat(501)), at);
  await refused(t, worldState, operator, 'ARGUMENT_EMPTY', call('2', ''), at);
  await refused(t, worldState, operator, 'BRIDGE_CHAIN_UNKNOWN', call('2', REASON, '1'), at);
  await refused(t, worldState, CAST.spvAdmin, 'CALLER_LACKS_ROLE', call('2'), at);
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', call('2'), at);
  await refused(t, worldState, BRIDGE_DESK.validatorC, 'CALLER_NOT_MEMBER', call('2'), at);
  const tooHigh = await refused(t, worldState, operator, 'BRIDGE_VALIDATOR_SET_INVALID', call('3'), at);
  t.like(tooHigh.details, { validators: 2, threshold: 2, superThreshold: '3' });
  await refused(t, worldState, operator, 'BRIDGE_VALIDATOR_SET_INVALID', call('1'), at);
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_INVALID', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'SetValidators', '', REASON), at);
});

test('a chain threshold the remaining banks cannot meet, or not a strict majority of them, needs a new chain configuration first', async (t) => {
  const strict = await ledgerForBridge({ chain: { ...CHAIN_CONFIG, threshold: 3 } });
  await removeBankC(strict);
  const above = await refused(t, strict, BRIDGE_DESK.operatorA, 'BRIDGE_VALIDATOR_SET_INVALID', (ctx) => messages.ProposeValidatorSet(ctx, chain, '3', REASON), at);
  t.regex(above.message, /new|configuration/);
  t.like(above.details, { validators: 2, threshold: 3 });
  const lax = await ledgerForBridge({ chain: { ...CHAIN_CONFIG, threshold: 1 } });
  const minority = await refused(t, lax, BRIDGE_DESK.operatorA, 'BRIDGE_VALIDATOR_SET_INVALID', (ctx) => messages.ProposeValidatorSet(ctx, chain, '1', REASON), at);
  t.like(minority.details, { validators: 3, threshold: 1 });
});
