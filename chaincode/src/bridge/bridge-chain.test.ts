import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import { castLedger, tx } from '../testing/ledger-cast';
import { json } from '../testing/ledger-documents';
import { refused } from '../testing/refusal';
import { BRIDGE_DESK, CHAIN_CONFIG, TOKEN } from '../testing/bridge-story';
import { BridgeContract } from './bridge-contract';

const bridge = new BridgeContract();
const chainOf = async (worldState: Map<string, Uint8Array>) => JSON.parse(await bridge.GetBridgeChain(tx(BRIDGE_DESK.regulator, worldState).ctx, CHAIN_CONFIG.chainId)) as BridgeChainRecord;

test('a chain configuration is in force only once an operator of a second bank approves it as proposed', async (t) => {
  const worldState = await castLedger();
  await bridge.ProposeBridgeChain(tx(BRIDGE_DESK.operatorA, worldState).ctx, json({ ...CHAIN_CONFIG, gateway: CHAIN_CONFIG.gateway.toLowerCase() }));
  const proposed = await chainOf(worldState);
  t.is(proposed.active, null);
  t.is(proposed.proposal?.config.gateway, CHAIN_CONFIG.gateway, 'addresses are kept in their checksummed form');
  await refused(t, worldState, BRIDGE_DESK.operatorA, 'APPROVER_NOT_INDEPENDENT', (ctx) => bridge.ApproveBridgeChain(ctx, json(CHAIN_CONFIG)));
  await refused(t, worldState, BRIDGE_DESK.operatorB, 'BRIDGE_CHAIN_PROPOSAL_CONFLICT', (ctx) => bridge.ApproveBridgeChain(ctx, json({ ...CHAIN_CONFIG, threshold: 1 })));
  await refused(t, worldState, BRIDGE_DESK.operatorB, 'BRIDGE_CHAIN_PROPOSAL_CONFLICT', (ctx) => bridge.ProposeBridgeChain(ctx, json({ ...CHAIN_CONFIG, threshold: 1 })));
  await bridge.ApproveBridgeChain(tx(BRIDGE_DESK.operatorB, worldState).ctx, json(CHAIN_CONFIG));
  const approved = await chainOf(worldState);
  t.deepEqual(approved.active, CHAIN_CONFIG);
  t.is(approved.version, 1);
  t.deepEqual(approved.approvedBy, ['BankAMSP', 'BankBMSP']);
  t.is(approved.proposal, null);
  await refused(t, worldState, BRIDGE_DESK.operatorB, 'BRIDGE_CHAIN_PROPOSAL_CONFLICT', (ctx) => bridge.ApproveBridgeChain(ctx, json(CHAIN_CONFIG)));
});

test('a malformed configuration lists every problem; roles are checked; nothing is written', async (t) => {
  const worldState = await castLedger();
  const bad = { chainId: '0', gateway: 'gateway', threshold: 0, confirmations: -1, tokens: [{ assetId: 'A1', token: TOKEN }, { assetId: 'A1', token: TOKEN }], extra: 1 };
  const error = await refused(t, worldState, BRIDGE_DESK.operatorA, 'BRIDGE_CONFIG_INVALID', (ctx) => bridge.ProposeBridgeChain(ctx, json(bad)));
  t.deepEqual((error.details?.problems as { path: string }[]).map((problem) => problem.path).sort(), ['chainId', 'confirmations', 'extra', 'gateway', 'threshold', 'tokens.1', 'tokens.1'].sort());
  await refused(t, worldState, BRIDGE_DESK.operatorA, 'BRIDGE_CONFIG_INVALID', (ctx) => bridge.ProposeBridgeChain(ctx, 'not json'));
  await refused(t, worldState, BRIDGE_DESK.regulator, 'CALLER_LACKS_ROLE', (ctx) => bridge.ProposeBridgeChain(ctx, json(CHAIN_CONFIG)));
  await refused(t, worldState, BRIDGE_DESK.regulator, 'BRIDGE_CHAIN_UNKNOWN', (ctx) => bridge.GetBridgeChain(ctx, '31337'));
});
