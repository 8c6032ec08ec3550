import test, { type ExecutionContext } from 'ava';
import { AbiCoder, ContractFactory, Wallet, ZeroAddress, keccak256, parseEther, type InterfaceAbi } from 'ethers';
import { ourArtifact } from '../src/evm/artifacts';
import { deployContract, type DeployedContract } from '../src/evm/deploy-contract';
import { fundedWallet } from '../src/evm/provider';
import { devnet } from './support/devnet';
import { expectRevert } from './support/errors';

const WAD = 10n ** 18n;
const YEAR = 365n * 86_400n;

/** 2% base, +4% up to the 80% kink, +75% more up to full utilisation (yearly, WAD). */
const CURVE = { base: parseEther('0.02'), slope1: parseEther('0.04'), slope2: parseEther('0.75'), kink: parseEther('0.8') };

// Per-second rates as the contract stores them: yearly / 365 days, rounded down.
const BASE = CURVE.base / YEAR;
const SLOPE1 = CURVE.slope1 / YEAR;
const SLOPE2 = CURVE.slope2 / YEAR;

const PARAMS = { loanToken: ZeroAddress, collateralToken: ZeroAddress, oracle: ZeroAddress, irm: ZeroAddress, lltv: 0n };

/** A Morpho `Market` with the given totals (the rest does not affect the rate). */
function market(totalSupplyAssets: bigint, totalBorrowAssets: bigint) {
  return { totalSupplyAssets, totalSupplyShares: totalSupplyAssets * 10n ** 6n, totalBorrowAssets, totalBorrowShares: totalBorrowAssets * 10n ** 6n, lastUpdate: 0n, fee: 0n };
}

async function deployIrm(): Promise<DeployedContract> {
  const provider = await devnet();
  const deployer = await fundedWallet(provider);
  return deployContract(deployer, ourArtifact('KinkedIrm'), [CURVE.base, CURVE.slope1, CURVE.slope2, CURVE.kink]);
}

/** The rate Morpho would get for this market, through both entry points (they must agree). */
async function rateFor(t: ExecutionContext, irm: DeployedContract, supplied: bigint, borrowed: bigint): Promise<bigint> {
  const viewRate = (await irm.borrowRateView(PARAMS, market(supplied, borrowed))) as bigint;
  const rate = (await irm.borrowRate.staticCall(PARAMS, market(supplied, borrowed))) as bigint;
  t.is(rate, viewRate, 'borrowRate and borrowRateView agree');
  return viewRate;
}

test('the per-second rates are the yearly ones divided by 365 days', async (t) => {
  const irm = await deployIrm();
  t.is(await irm.baseRatePerSecond(), BASE);
  t.is(await irm.slope1PerSecond(), SLOPE1);
  t.is(await irm.slope2PerSecond(), SLOPE2);
  t.is(await irm.kinkUtilization(), CURVE.kink);
  // 2% a year is 634,195,839 wei of WAD per second.
  t.is(BASE, 634_195_839n);
});

test('at zero utilisation, and without any supply, the rate is the base rate', async (t) => {
  const irm = await deployIrm();
  t.is(await rateFor(t, irm, 1_000_000n, 0n), BASE);
  t.is(await rateFor(t, irm, 0n, 0n), BASE);
});

test('below the kink the rate climbs slope 1 in proportion to utilisation over the kink', async (t) => {
  const irm = await deployIrm();
  // 40% utilisation is half the kink: base + slope1 / 2.
  t.is(await rateFor(t, irm, 1_000_000n, 400_000n), BASE + (SLOPE1 * parseEther('0.4')) / CURVE.kink);
  t.is(await rateFor(t, irm, 1_000_000n, 400_000n), BASE + SLOPE1 / 2n);
});

test('at the kink the rate is base plus all of slope 1', async (t) => {
  const irm = await deployIrm();
  t.is(await rateFor(t, irm, 1_000_000n, 800_000n), BASE + SLOPE1);
});

test('above the kink the rate climbs slope 2 over the remaining utilisation', async (t) => {
  const irm = await deployIrm();
  // 90% is half-way from the kink to full: base + slope1 + slope2 / 2.
  t.is(await rateFor(t, irm, 1_000_000n, 900_000n), BASE + SLOPE1 + (SLOPE2 * (parseEther('0.9') - CURVE.kink)) / (WAD - CURVE.kink));
  t.is(await rateFor(t, irm, 1_000_000n, 900_000n), BASE + SLOPE1 + SLOPE2 / 2n);
});

test('at full utilisation the rate is base plus both slopes', async (t) => {
  const irm = await deployIrm();
  t.is(await rateFor(t, irm, 1_000_000n, 1_000_000n), BASE + SLOPE1 + SLOPE2);
  // 81% a year in all, about 25.7 gwei of WAD per second.
  t.is(BASE + SLOPE1 + SLOPE2, 25_684_931_505n);
});

test('utilisation rounds down and so does the rate', async (t) => {
  const irm = await deployIrm();
  const utilization = (1n * WAD) / 3n; // 0.333… rounded down
  t.is(await irm.utilizationDown(market(3n, 1n)), utilization);
  t.is(await rateFor(t, irm, 3n, 1n), BASE + (SLOPE1 * utilization) / CURVE.kink);
});

test('the constructor refuses a kink of zero or above full utilisation', async (t) => {
  const provider = await devnet();
  const deployer = await fundedWallet(provider);
  const artifact = ourArtifact('KinkedIrm');
  const factory = new ContractFactory(artifact.abi as InterfaceAbi, artifact.bytecode, deployer);
  const zero = await expectRevert(t, factory.deploy(CURVE.base, CURVE.slope1, CURVE.slope2, 0n), factory, 'KinkedIrmKinkOutOfRange');
  t.is(zero.kinkUtilization, 0n);
  await expectRevert(t, factory.deploy(CURVE.base, CURVE.slope1, CURVE.slope2, WAD + 1n), factory, 'KinkedIrmKinkOutOfRange');
  // A kink at 100% is a plain linear model and is accepted.
  const linear = await deployContract(deployer, artifact, [CURVE.base, CURVE.slope1, CURVE.slope2, WAD]);
  t.is(await linear.borrowRateView(PARAMS, market(1_000_000n, 1_000_000n)), BASE + SLOPE1);
});

test('Morpho Blue creates a market with the model, calling it as its IRM', async (t) => {
  const provider = await devnet();
  const owner = await fundedWallet(provider);
  const irm = await deployContract(owner, ourArtifact('KinkedIrm'), [CURVE.base, CURVE.slope1, CURVE.slope2, CURVE.kink]);
  const morpho = await deployContract(owner, ourArtifact('Morpho'), [owner.address]);
  await (await morpho.enableIrm(irm.target)).wait();
  await (await morpho.enableLltv(parseEther('0.77'))).wait();
  const params = { loanToken: Wallet.createRandom().address, collateralToken: Wallet.createRandom().address, oracle: Wallet.createRandom().address, irm: irm.target, lltv: parseEther('0.77') };
  // createMarket calls borrowRate once: a mismatched ABI would revert here.
  await (await morpho.createMarket(params)).wait();
  const id = keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'address', 'address', 'address', 'uint256'], Object.values(params)));
  t.is((await morpho.idToMarketParams(id)).irm, irm.target);
  t.true((await morpho.market(id)).lastUpdate > 0n);
});
