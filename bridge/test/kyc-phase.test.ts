import test from 'ava';
import type { ContractRunner } from 'ethers';
import { ourArtifact } from '../src/evm/artifacts';
import type { DeployedContract } from '../src/evm/deploy-contract';
import { attach } from '../src/evm/deploy/steps';
import { expectRevert } from './support/errors';
import { DOLLARS, expectRevertReason, KYC_PHASE, marketFixture, UNITS, type MarketFixture } from './support/fixtures';

/** `contract` with `runner` as the sender. */
const as = (contract: DeployedContract, runner: ContractRunner) => contract.connect(runner) as DeployedContract;

/** A registered borrower with 1,000 units in the market, 200 in the wallet, and $10,000 borrowed. */
async function borrowerOf(m: MarketFixture) {
  const borrower = await m.fundedAccount({ dollars: DOLLARS(10_000n) });
  await m.mint(borrower.address, UNITS(1_200n));
  await (await as(m.morpho, borrower).supplyCollateral(m.params, UNITS(1_000n), borrower.address, '0x')).wait();
  await (await as(m.morpho, borrower).borrow(m.params, DOLLARS(10_000n), 0n, borrower.address, borrower.address)).wait();
  return borrower;
}

test('repay-only: a holder unwinds (repays, takes collateral home, sends units) but receives nothing else and supplies no collateral', async (t) => {
  const m = await marketFixture();
  const borrower = await borrowerOf(m);
  const other = await m.fundedAccount();
  await m.mint(other.address, UNITS(10n));
  const module = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);

  await m.setKycPhase(borrower.address, KYC_PHASE.RepayOnly);
  t.is(await module.kycPhase(m.suite.compliance, borrower.address), 1n);
  await expectRevertReason(t, as(m.morpho, borrower).supplyCollateral(m.params, UNITS(100n), borrower.address, '0x'), 'transferFrom reverted');
  await expectRevertReason(t, as(m.token, other).transfer(borrower.address, UNITS(1n)), 'Transfer not possible');
  await expectRevertReason(t, m.mint(borrower.address, UNITS(1n)), 'Compliance not followed');
  await (await as(m.token, borrower).transfer(other.address, UNITS(50n))).wait();
  await (await as(m.morpho, borrower).repay(m.params, DOLLARS(5_000n), 0n, borrower.address, '0x')).wait();
  await (await as(m.morpho, borrower).withdrawCollateral(m.params, UNITS(300n), borrower.address, borrower.address)).wait();
  t.is(await m.token.balanceOf(borrower.address), UNITS(450n), '200 held − 50 sent + 300 withdrawn');

  await m.setKycPhase(borrower.address, KYC_PHASE.Current);
  await (await as(m.morpho, borrower).supplyCollateral(m.params, UNITS(100n), borrower.address, '0x')).wait();
  const [, , collateral] = await m.morpho.position(m.market.id, borrower.address);
  t.is(collateral, UNITS(800n), 'renewal restores');
});

test('frozen: no units move to or from the holder, its collateral included; other holders are unaffected', async (t) => {
  const m = await marketFixture();
  const borrower = await borrowerOf(m);
  const other = await m.fundedAccount();
  await m.mint(other.address, UNITS(10n));
  await m.setKycPhase(borrower.address, KYC_PHASE.Frozen);
  await expectRevertReason(t, as(m.token, borrower).transfer(other.address, UNITS(1n)), 'Transfer not possible');
  await expectRevertReason(t, as(m.token, other).transfer(borrower.address, UNITS(1n)), 'Transfer not possible');
  await expectRevertReason(t, as(m.morpho, borrower).withdrawCollateral(m.params, UNITS(1n), borrower.address, borrower.address), 'transfer reverted');
  await (await as(m.token, other).transfer((await m.fundedAccount()).address, UNITS(1n))).wait();
  t.pass('a transfer between two other holders still settles');
});

test('only a quorum sets a phase, and only for a configured asset', async (t) => {
  const m = await marketFixture();
  const borrower = await m.fundedAccount();
  const one = await m.quorum.sign('SetKycPhase', { token: m.suite.token, wallet: borrower.address, phase: KYC_PHASE.Frozen }, 1);
  await expectRevert(t, m.gateway.setKycPhase(m.suite.token, borrower.address, KYC_PHASE.Frozen, one.nonce, one.signatures), m.gateway, 'QuorumNotMet');
  const module = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);
  t.is(await module.kycPhase(m.suite.compliance, borrower.address), 0n, 'one signature changes nothing');
  const stranger = borrower.address;
  const unconfigured = await m.quorum.sign('SetKycPhase', { token: stranger, wallet: borrower.address, phase: KYC_PHASE.Frozen });
  await expectRevert(t, m.gateway.setKycPhase(stranger, borrower.address, KYC_PHASE.Frozen, unconfigured.nonce, unconfigured.signatures), m.gateway, 'AssetNotConfigured');
});
