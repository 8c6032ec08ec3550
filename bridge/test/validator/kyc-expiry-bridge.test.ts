import test from 'ava';

// Serial, like every devnet test here.
import { KYC_GRACE_SECONDS, KYC_REPAY_ONLY_SECONDS } from '@trestle/compliance/src/ledger/kyc-phase';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { CAST, tx, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import { investorDocument, json } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { ourArtifact } from '../../src/evm/artifacts';
import { attach } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { bridgeOutAndMint, chaincodeBridge, type ChaincodeBridge } from '../support/chaincode-ledgers';
import { expectRevertReason, marketFixture, type MarketFixture } from '../support/fixtures';

const DAY = 86_400;

/** Bank A's mirror proposes what drifted, banks A and B sign, bank C relays; returns the kinds relayed. */
async function mirror(s: ChaincodeBridge<MarketFixture>): Promise<string[]> {
  await new LedgerMirror(s.messages[0]!).pass();
  for (const index of [0, 1]) await new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]! }).signOpen();
  const outcomes = await new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();
  return outcomes.map((outcome) => `${outcome.kind} ${outcome.type}`);
}

test.serial('KYC expiry walks through grace, repay-only and frozen on both chains, and renewal restores', async (t) => {
  const s = await chaincodeBridge(() => marketFixture());
  const m = s.a;
  const as = (contract: DeployedContract) => contract.connect(s.holder) as DeployedContract;
  const module = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);
  const phaseOnChain = async () => Number((await module.kycPhase(m.suite.compliance, s.holder.address)) as bigint);
  const investors = new InvestorContract();
  // anna's KYC runs out ten days after the lockup ends.
  const expiry = unixSeconds(AFTER_LOCKUP) + 10 * DAY;
  await investors.UpdateInvestor(tx(CAST.bankAOfficer, s.worldState).ctx, json(investorDocument(INVESTORS.annaA, { kycExpiresAt: expiry })), '');
  await bridgeOutAndMint(s, 'B-1', 10_000n);
  await (await as(m.token).approve(await m.morpho.getAddress(), 2n ** 256n - 1n)).wait();
  await (await as(m.morpho).supplyCollateral(m.params, 5_000n, s.holder.address, '0x')).wait();
  const at = (seconds: number) => s.setLedgerTime(new Date(seconds * 1000));

  at(expiry + DAY);
  t.deepEqual(await mirror(s), [], 'the grace period changes nothing');
  t.is(await phaseOnChain(), 0);

  at(expiry + KYC_GRACE_SECONDS + DAY);
  t.deepEqual(await mirror(s), ['relayed SetKycPhase']);
  t.is(await phaseOnChain(), 1, 'repay-only');
  await expectRevertReason(t, as(m.morpho).supplyCollateral(m.params, 1_000n, s.holder.address, '0x'), 'transferFrom reverted');
  await (await as(m.morpho).withdrawCollateral(m.params, 2_000n, s.holder.address, s.holder.address)).wait();

  at(expiry + KYC_GRACE_SECONDS + KYC_REPAY_ONLY_SECONDS + DAY);
  t.deepEqual(await mirror(s), ['relayed SetKycPhase']);
  t.is(await phaseOnChain(), 2, 'frozen');
  await expectRevertReason(t, as(m.morpho).withdrawCollateral(m.params, 1_000n, s.holder.address, s.holder.address), 'transfer reverted');

  await investors.UpdateInvestor(tx(CAST.bankAOfficer, s.worldState, { at: new Date((expiry + 100 * DAY) * 1000) }).ctx, json(investorDocument(INVESTORS.annaA, { kycExpiresAt: expiry + 500 * DAY })), '');
  t.deepEqual(await mirror(s), ['relayed SetKycPhase']);
  t.is(await phaseOnChain(), 0, 'renewal restores');
  await (await as(m.morpho).supplyCollateral(m.params, 1_000n, s.holder.address, '0x')).wait();
  const [, , collateral] = (await m.morpho.position(m.market.id, s.holder.address)) as [bigint, bigint, bigint];
  t.is(collateral, 4_000n);
});
