import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from '@trestle/compliance/src/ledger/kyc-phase';
import { InvestorContract } from '../investors/investor-contract';
import { CAST, tx, unixSeconds } from '../testing/ledger-cast';
import { investorDocument, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import type { WorldState } from '../testing/stub-context';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP } from '../testing/transfer-story';
import { BRIDGE_DESK, bridgeOutRequest, burnEvent, burnOf, escrowedBridgeOut, ledgerForBridge, TOKEN, VALIDATOR_KEYS, WALLETS } from '../testing/bridge-story';
import { BridgeContract } from './bridge-contract';
import { GatewayMessageContract } from './gateway-message-contract';

const bridge = new BridgeContract();
const messages = new GatewayMessageContract();
const chain = CHAIN_ID.toString();
const DAY = 86_400;
// anna's KYC runs out ten days after the lockup ends.
const EXPIRY = unixSeconds(AFTER_LOCKUP) + 10 * DAY;
const at = (seconds: number) => ({ at: new Date(seconds * 1000) });
const GRACE = at(EXPIRY + DAY);
const REPAY_ONLY = at(EXPIRY + KYC_GRACE_SECONDS + DAY);
const FROZEN = at(EXPIRY + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS + DAY);

async function ledgerWithExpiringKyc(): Promise<WorldState> {
  const worldState = await ledgerForBridge();
  await new InvestorContract().UpdateInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(INVESTORS.annaA, { kycExpiresAt: EXPIRY })), '');
  return worldState;
}

const kycDrift = async (worldState: WorldState, when: { at: Date }) =>
  (JSON.parse(await messages.ListMirrorDrift(tx(BRIDGE_DESK.validatorC, worldState, when).ctx, chain)) as { type: string; wallet?: string; why: string }[]).filter((entry) => entry.type === 'SetKycPhase');

/** Proposes anna's phase at `when`, banks A and B sign, bank C records it relayed; returns the message. */
async function carryPhase(worldState: WorldState, when: { at: Date }): Promise<GatewayMessageRecord> {
  await messages.ProposeKycPhase(tx(BRIDGE_DESK.validatorA, worldState, when).ctx, chain, TOKEN, WALLETS.anna.address, 'Mirror the KYC phase');
  const [open] = (JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorB, worldState, when).ctx, chain)) as GatewayMessageRecord[]).filter((record) => record.type === 'SetKycPhase');
  const { domain, types, value } = ledgerMessageTypedData(open!);
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, worldState, when).ctx, chain, 'SetKycPhase', open!.verifyingContract, open!.nonce, await key.signTypedData(domain, types, value));
  }
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState, when).ctx, chain, 'SetKycPhase', open!.verifyingContract, open!.nonce, `0x${'cd'.repeat(32)}`);
  return open!;
}

test("a wallet's KYC phase crosses as the ledger's clock and the investor's record make it: grace changes nothing, then repay-only, then frozen, and renewal restores", async (t) => {
  const worldState = await ledgerWithExpiringKyc();
  t.deepEqual(await kycDrift(worldState, GRACE), [], 'the grace period is current on the gateway');
  t.deepEqual((await kycDrift(worldState, REPAY_ONLY)).map((entry) => entry.wallet), [WALLETS.anna.address]);
  t.like((await carryPhase(worldState, REPAY_ONLY)).fields, { token: TOKEN, wallet: WALLETS.anna.address, phase: 1 });
  t.deepEqual(await kycDrift(worldState, REPAY_ONLY), [], 'carried');
  t.like((await carryPhase(worldState, FROZEN)).fields, { phase: 2 });
  await new InvestorContract().UpdateInvestor(tx(CAST.bankAOfficer, worldState, FROZEN).ctx, json(investorDocument(INVESTORS.annaA, { kycExpiresAt: EXPIRY + 400 * DAY })), '');
  t.deepEqual((await kycDrift(worldState, FROZEN)).map((entry) => entry.why), [`SetKycPhase {"phase":0,"token":"${TOKEN}","wallet":"${WALLETS.anna.address}"}`], 'renewal is drift too');
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_WALLET_MISMATCH', (ctx) => messages.ProposeKycPhase(ctx, chain, TOKEN, '0x000000000000000000000000000000000000dEaD', 'Unbound'));
  await refused(t, worldState, BRIDGE_DESK.validatorA, 'BRIDGE_OUT_INVALID', (ctx) => messages.ProposeGatewayMessage(ctx, chain, 'SetKycPhase', TOKEN, 'Needs a wallet'));
});

test('a repay-only investor bridges nothing out but brings units home; a frozen one sends them to suspense', async (t) => {
  const worldState = await ledgerWithExpiringKyc();
  await escrowedBridgeOut(worldState, 'B-1', 3_000n);
  const inGrace = bridgeOutRequest('B-2', 1_000n);
  await bridge.RequestBridgeOut(tx(BRIDGE_DESK.requesterA, worldState, GRACE).ctx, json(inGrace));
  const error = await refused(t, worldState, BRIDGE_DESK.requesterA, 'BRIDGE_OUT_REFUSED', (ctx) => bridge.RequestBridgeOut(ctx, json(bridgeOutRequest('B-3', 1_000n))), REPAY_ONLY);
  t.deepEqual(error.details?.failed, ['KYC_EXPIRED_RECEIVER'], 'the investor would receive the minted units');
  for (const validator of [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB]) await bridge.AttestBurn(tx(validator, worldState, REPAY_ONLY).ctx, json(burnEvent(1n, 1_000n)));
  t.is((await burnOf(worldState, 1n)).release?.investorId, INVESTORS.annaA, 'unwinding: her own units come home');
  for (const validator of [BRIDGE_DESK.validatorA, BRIDGE_DESK.validatorB]) await bridge.AttestBurn(tx(validator, worldState, FROZEN).ctx, json(burnEvent(2n, 1_000n)));
  t.regex((await burnOf(worldState, 2n)).release?.suspenseReason ?? '', /frozen/);
});
