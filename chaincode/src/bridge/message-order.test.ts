import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from '@trestle/compliance/src/ledger/kyc-phase';
import { InvestorContract } from '../investors/investor-contract';
import { BRIDGE_DESK, GATEWAY, ledgerForBridge, TOKEN, VALIDATOR_KEYS, WALLETS } from '../testing/bridge-story';
import { CAST, tx, unixSeconds } from '../testing/ledger-cast';
import { investorDocument, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { CHAIN_ID } from '../testing/test-wallets';
import { AFTER_LOCKUP } from '../testing/transfer-story';
import { GatewayMessageContract } from './gateway-message-contract';

// The gateway applies a wallet's KYC phases (and an asset's legal states, and validator sets) in
// nonce order (MessageNonceStale), so the ledger closes the older open ones once a newer one is
// carried, and its note of what the gateway holds follows the newest carried, whatever order the
// relays are recorded in.

const messages = new GatewayMessageContract();
const chain = CHAIN_ID.toString();
const DAY = 86_400;
const EXPIRY = unixSeconds(AFTER_LOCKUP) + 10 * DAY;
const at = (seconds: number) => ({ at: new Date(seconds * 1000) });
const REPAY_ONLY = at(EXPIRY + KYC_GRACE_SECONDS + DAY);
const FROZEN = at(EXPIRY + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS + DAY);

const openPhases = async (worldState: Parameters<typeof tx>[1]) =>
  (JSON.parse(await messages.ListOpenGatewayMessages(tx(BRIDGE_DESK.validatorB, worldState, FROZEN).ctx, chain)) as GatewayMessageRecord[]).filter((record) => record.type === 'SetKycPhase');
const phaseDrift = async (worldState: Parameters<typeof tx>[1]) =>
  (JSON.parse(await messages.ListMirrorDrift(tx(BRIDGE_DESK.validatorC, worldState, FROZEN).ctx, chain)) as { type: string }[]).filter((entry) => entry.type === 'SetKycPhase');

test("a newer KYC phase carried closes the older one still open, and a late record of the older relay leaves the ledger noting the newer phase", async (t) => {
  const worldState = await ledgerForBridge();
  await new InvestorContract().UpdateInvestor(tx(CAST.bankAOfficer, worldState).ctx, json(investorDocument(INVESTORS.annaA, { kycExpiresAt: EXPIRY })), '');
  // Repay-only (#1) is proposed and signed but not carried yet when anna's KYC runs further out: frozen (#2).
  for (const when of [REPAY_ONLY, FROZEN]) await messages.ProposeKycPhase(tx(BRIDGE_DESK.validatorA, worldState, when).ctx, chain, TOKEN, WALLETS.anna.address, 'Mirror the KYC phase');
  const [repayOnly, frozen] = await openPhases(worldState);
  t.deepEqual([repayOnly?.nonce, repayOnly?.fields.phase, frozen?.nonce, frozen?.fields.phase], ['1', 1, '2', 2]);
  for (const record of [repayOnly!, frozen!]) {
    const { domain, types, value } = ledgerMessageTypedData(record);
    for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
      await messages.RecordGatewaySignature(tx(validator, worldState, FROZEN).ctx, chain, 'SetKycPhase', GATEWAY, record.nonce, await key.signTypedData(domain, types, value));
    }
  }
  const relayed = (nonce: string, hash: string) => messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorC, worldState, FROZEN).ctx, chain, 'SetKycPhase', GATEWAY, nonce, `0x${hash.repeat(32)}`);

  // One relayer carried #1 and then another #2 on the EVM chain; #2's record lands first.
  await relayed('2', 'b2');
  t.deepEqual(await openPhases(worldState), [], '#1 can no longer be applied after #2: it leaves the work list');
  await relayed('1', 'a1');
  t.deepEqual(await phaseDrift(worldState), [], 'the gateway holds #2 (frozen), as the ledger does: no drift');
});
