import test from 'ava';
import type { ContractRunner } from 'ethers';
import { ourArtifact } from '../src/evm/artifacts';
import { CLAIM_TOPICS } from '../src/evm/claim-topics';
import type { DeployedContract } from '../src/evm/deploy-contract';
import { attach } from '../src/evm/deploy/steps';
import { advanceTime } from '../src/evm/provider';
import { expectRevert } from './support/errors';
import { DOLLARS, expectRevertReason, LEGAL_STATE, marketFixture, UNITS, type MarketFixture } from './support/fixtures';

/** `contract` with `runner` as the sender. */
const as = (contract: DeployedContract, runner: ContractRunner) => contract.connect(runner) as DeployedContract;

const WAD = 10n ** 18n;
/** Morpho's virtual shares: assets = shares × (total assets + 1) / (total shares + 10^6). */
const VIRTUAL_SHARES = 10n ** 6n;

/** The debt, in loan-token units rounded up as Morpho does, of `borrower`'s borrow shares. */
async function debtOf(m: MarketFixture, borrower: string): Promise<bigint> {
  const [, borrowShares] = await m.morpho.position(m.market.id, borrower);
  const [, , totalBorrowAssets, totalBorrowShares] = await m.morpho.market(m.market.id);
  const numerator = borrowShares * (totalBorrowAssets + 1n);
  const denominator = totalBorrowShares + VIRTUAL_SHARES;
  return (numerator + denominator - 1n) / denominator;
}

/** A registered borrower with `collateral` units minted, supplied to the market, and `debt` borrowed. */
async function openPosition(m: MarketFixture, collateral: bigint, debt: bigint, extraUnits = 0n) {
  const borrower = await m.fundedAccount({ dollars: DOLLARS(10_000n) });
  await m.mint(borrower.address, collateral + extraUnits);
  const supplied = await (await as(m.morpho, borrower).supplyCollateral(m.params, collateral, borrower.address, '0x')).wait();
  await (await as(m.morpho, borrower).borrow(m.params, debt, 0n, borrower.address, borrower.address)).wait();
  return { borrower, supplyCollateralGas: supplied?.gasUsed as bigint };
}

// Serial: it moves the shared devnet's clock, which every test on that devnet reads.
test.serial('a verified borrower supplies ERC-3643 collateral, borrows, owes growing interest, repays and withdraws', async (t) => {
  const m = await marketFixture();
  const { borrower, supplyCollateralGas } = await openPosition(m, UNITS(1_000n), DOLLARS(70_000n));
  t.log(`supplyCollateral (T-REX transferFrom into Morpho): ${supplyCollateralGas} gas`);
  t.is(await m.stablecoin.balanceOf(borrower.address), DOLLARS(80_000n));
  t.is(await m.token.balanceOf(await m.morpho.getAddress()), UNITS(1_000n));

  const debtAtBorrow = await debtOf(m, borrower.address);
  const [totalSupply, , totalBorrow, , lastUpdate] = await m.morpho.market(m.market.id);
  const ratePerSecond: bigint = await m.irm.borrowRateAt((totalBorrow * WAD) / totalSupply);
  // One day only: later tests on the devnet see this day too (their NAVs are valid a year).
  await advanceTime(m.provider, 86_400);
  await (await m.morpho.accrueInterest(m.params)).wait();
  const [, , , , accruedAt] = await m.morpho.market(m.market.id);
  const debtAfterDay = await debtOf(m, borrower.address);
  // Morpho compounds with a third-order Taylor expansion of e^(rate × elapsed) - 1.
  const x = ratePerSecond * (BigInt(accruedAt) - BigInt(lastUpdate));
  const expectedInterest = (totalBorrow * (x + (x * x) / (2n * WAD) + (x * x * x) / (6n * WAD * WAD))) / WAD;
  const interest = debtAfterDay - debtAtBorrow;
  t.true(interest > 0n, `debt ${debtAfterDay} should exceed ${debtAtBorrow} after a day`);
  t.true(interest - expectedInterest <= 2n && expectedInterest - interest <= 2n, `interest ${interest}, expected ${expectedInterest}`);

  const [, borrowShares] = await m.morpho.position(m.market.id, borrower.address);
  await (await as(m.morpho, borrower).repay(m.params, 0n, borrowShares, borrower.address, '0x')).wait();
  const withdrawn = await (await as(m.morpho, borrower).withdrawCollateral(m.params, UNITS(1_000n), borrower.address, borrower.address)).wait();
  t.log(`withdrawCollateral (T-REX transfer out of Morpho): ${withdrawn?.gasUsed} gas`);

  const [, sharesLeft, collateralLeft] = await m.morpho.position(m.market.id, borrower.address);
  t.is(sharesLeft, 0n);
  t.is(collateralLeft, 0n);
  t.is(await m.token.balanceOf(borrower.address), UNITS(1_000n));
  // The borrower paid the interest on top of the principal.
  t.true((await m.stablecoin.balanceOf(borrower.address)) < DOLLARS(10_000n));
});

test('after a NAV fall beyond the bound a registered liquidator liquidates and an unregistered one cannot', async (t) => {
  const m = await marketFixture();
  const { borrower } = await openPosition(m, UNITS(1_000n), DOLLARS(70_000n));

  // 100 -> 85 is a 15% fall: beyond the 10% bound, so two signatures are not enough.
  const fallen = 85n * 10n ** 18n;
  await expectRevert(t, m.updateNav(fallen, 2), m.oracle, 'NavOracleChangeOutOfBounds');
  await (await m.updateNav(fallen, 3)).wait();

  const outsider = await m.fundedAccount({ dollars: DOLLARS(100_000n), kyc: false });
  await expectRevertReason(t, as(m.morpho, outsider).liquidate(m.params, borrower.address, UNITS(100n), 0n, '0x'), 'transfer reverted');
  // Morpho hides the token's reason; the same transfer made by Morpho shows it.
  const morphoAddress = await m.morpho.getAddress();
  await expectRevertReason(t, as(m.token, m.provider).transfer.staticCall(outsider.address, UNITS(100n), { from: morphoAddress }), 'Transfer not possible');

  const liquidator = await m.fundedAccount({ dollars: DOLLARS(100_000n), topics: [CLAIM_TOPICS.KYC, CLAIM_TOPICS.LIQUIDATOR] });
  const debtBefore = await debtOf(m, borrower.address);
  const liquidated = await (await as(m.morpho, liquidator).liquidate(m.params, borrower.address, UNITS(100n), 0n, '0x')).wait();
  t.log(`liquidate (T-REX transfer to the liquidator): ${liquidated?.gasUsed} gas`);

  t.is(await m.token.balanceOf(liquidator.address), UNITS(100n));
  const [, , collateralLeft] = await m.morpho.position(m.market.id, borrower.address);
  t.is(collateralLeft, UNITS(900n));
  t.true((await debtOf(m, borrower.address)) < debtBefore);
  t.true((await m.stablecoin.balanceOf(liquidator.address)) < DOLLARS(100_000n));
});

test('remediation blocks new collateral but not repayment or withdrawal, and Normal restores supply', async (t) => {
  const m = await marketFixture();
  const { borrower } = await openPosition(m, UNITS(1_000n), DOLLARS(10_000n), UNITS(200n));
  const module = attach(ourArtifact('RemediationModule'), m.suite.modules.remediation, m.provider);
  const morphoAddress = await m.morpho.getAddress();

  await m.setLegalState(LEGAL_STATE.Remediation);
  t.true(await module.inRemediation(m.suite.compliance));
  t.true(await module.isVenue(m.suite.compliance, morphoAddress));
  t.false(await module.isVenue(m.suite.compliance, borrower.address));

  await expectRevertReason(t, as(m.morpho, borrower).supplyCollateral(m.params, UNITS(100n), borrower.address, '0x'), 'transferFrom reverted');
  await expectRevertReason(
    t,
    as(m.token, m.provider).transferFrom.staticCall(borrower.address, morphoAddress, UNITS(100n), { from: morphoAddress }),
    'Transfer not possible',
  );
  await expectRevertReason(t, m.mint(morphoAddress, UNITS(1n)), 'Compliance not followed');

  // Transfers between investors and out of the venue continue.
  const other = await m.fundedAccount();
  await (await as(m.token, borrower).transfer(other.address, UNITS(1n))).wait();
  await (await as(m.morpho, borrower).repay(m.params, DOLLARS(5_000n), 0n, borrower.address, '0x')).wait();
  await (await as(m.morpho, borrower).withdrawCollateral(m.params, UNITS(500n), borrower.address, borrower.address)).wait();
  t.is(await m.token.balanceOf(borrower.address), UNITS(699n));

  await m.setLegalState(LEGAL_STATE.Normal);
  t.false(await module.inRemediation(m.suite.compliance));
  await (await as(m.morpho, borrower).supplyCollateral(m.params, UNITS(100n), borrower.address, '0x')).wait();
  const [, , collateral] = await m.morpho.position(m.market.id, borrower.address);
  t.is(collateral, UNITS(600n));
});
