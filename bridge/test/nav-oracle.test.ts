import test from 'ava';
import { AbiCoder, ContractFactory, TypedDataEncoder, Wallet, ZeroAddress, id, keccak256, parseEther, type BaseWallet, type ContractTransactionResponse, type InterfaceAbi, type JsonRpcProvider, type Log, type Result } from 'ethers';
import { ourArtifact } from '../src/evm/artifacts';
import { deployContract, type DeployedContract } from '../src/evm/deploy-contract';
import { GATEWAY_TYPES, NAV_ORACLE_TYPES, gatewayDomain, navOracleDomain, typesFor } from '../src/evm/messages';
import { fundedWallet, latestTimestamp } from '../src/evm/provider';
import { byAddress, signQuorum } from '../src/evm/quorum-signer';
import { devnet } from './support/devnet';
import { expectRevert } from './support/errors';

const navTypes = typesFor(NAV_ORACLE_TYPES, 'Nav');
const writeOffTypes = typesFor(NAV_ORACLE_TYPES, 'WriteOff');
const HOUR = 3600n;
const DAY = 86_400n;
const BPS = 10_000n;

/** The schedule most tests use: 5% after an hour, 30% after a day, 80% after a week. */
const SCHEDULE = { after: [HOUR, DAY, 7n * DAY], bps: [500n, 3000n, 8000n] };
const THRESHOLD = 3;
const SUPER_THRESHOLD = 4;

interface OracleOptions {
  readonly collateralDecimals?: number;
  readonly loanDecimals?: number;
  readonly maxChangeBps?: bigint;
  readonly schedule?: { after: bigint[]; bps: bigint[] };
  /** The collateral token; a random address unless a test needs a real one. */
  readonly asset?: string;
}

interface Setup {
  provider: JsonRpcProvider;
  deployer: Wallet;
  gateway: DeployedContract;
  oracle: DeployedContract;
  /** Four validators, ascending; threshold 3, super threshold 4. */
  validators: BaseWallet[];
  asset: string;
  chainId: bigint;
}

function oracleArgs(gateway: string, asset: string, options: OracleOptions = {}): unknown[] {
  const schedule = options.schedule ?? SCHEDULE;
  return [gateway, asset, options.collateralDecimals ?? 18, options.loanDecimals ?? 6, options.maxChangeBps ?? 1000n, schedule.after, schedule.bps];
}

/** A fresh gateway (the validator set) and an oracle reading it, bounded at 10% per update by default. */
async function setup(options: OracleOptions = {}): Promise<Setup> {
  const provider = await devnet();
  const deployer = await fundedWallet(provider);
  const validators = byAddress([Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()]);
  const gateway = await deployContract(deployer, ourArtifact('BridgeGateway'), [validators.map((v) => v.address), THRESHOLD, SUPER_THRESHOLD, ZeroAddress, 3600]);
  const asset = options.asset ?? Wallet.createRandom().address;
  const oracle = await deployContract(deployer, ourArtifact('NavOracle'), oracleArgs(gateway.target as string, asset, options));
  const { chainId } = await provider.getNetwork();
  return { provider, deployer, gateway, oracle, validators, asset, chainId };
}

interface Nav {
  navPerUnit: bigint;
  valuationSeq: bigint;
  validUntil: bigint;
}

async function signNav(s: Setup, nav: Nav, signers: BaseWallet[] = s.validators.slice(0, THRESHOLD), domain = navOracleDomain(s.chainId, s.oracle.target as string)) {
  return signQuorum(signers, domain, navTypes, { asset: s.asset, ...nav });
}

function sendNav(s: Setup, nav: Nav, signatures: string[]): Promise<ContractTransactionResponse> {
  return s.oracle.updateNav(nav.navPerUnit, nav.valuationSeq, nav.validUntil, signatures);
}

/** Publishes `nav` with `signers` (the ordinary threshold by default) and waits for it to be mined. */
async function publish(s: Setup, nav: Nav, signers?: BaseWallet[]) {
  const receipt = await (await sendNav(s, nav, await signNav(s, nav, signers))).wait();
  if (!receipt) throw new Error('updateNav was not mined');
  return receipt;
}

/** Arguments of the first `name` event the oracle emitted in a receipt. */
function eventArgs(s: Setup, receipt: { readonly logs: readonly Log[] } | null, name: string): Result {
  const parsed = receipt?.logs.map((log) => s.oracle.interface.parseLog(log)).find((event) => event?.name === name);
  if (!parsed) throw new Error(`no ${name} event in the receipt`);
  return parsed.args;
}

/** A NAV valid for a day from the devnet's current time. */
async function navOf(s: Setup, navPerUnit: bigint, valuationSeq: bigint): Promise<Nav> {
  return { navPerUnit, valuationSeq, validUntil: BigInt(await latestTimestamp(s.provider)) + DAY };
}

/** The haircut schedule, computed here independently: linear from (0, 0), rounded up, flat at the end. */
function expectedHaircutBps(secondsAfterExpiry: bigint, schedule = SCHEDULE): bigint {
  if (secondsAfterExpiry <= 0n) return 0n;
  let fromSeconds = 0n;
  let fromBps = 0n;
  for (let i = 0; i < schedule.after.length; i++) {
    const toSeconds = schedule.after[i] as bigint;
    const toBps = schedule.bps[i] as bigint;
    if (secondsAfterExpiry < toSeconds) {
      const span = toSeconds - fromSeconds;
      const rise = (toBps - fromBps) * (secondsAfterExpiry - fromSeconds);
      return fromBps + (rise + span - 1n) / span;
    }
    fromSeconds = toSeconds;
    fromBps = toBps;
  }
  return fromBps;
}

/** Mines an empty block at exactly `timestamp` and returns its number, for reads pinned to it. */
async function mineAt(provider: JsonRpcProvider, timestamp: bigint): Promise<number> {
  await provider.send('evm_mine', [Number(timestamp)]);
  return provider.getBlockNumber();
}

// Serial tests run before the concurrent ones, so the clock moves only while nothing else runs.
test.serial('the haircut follows the published schedule after validUntil, interpolated and rounded up', async (t) => {
  const s = await setup();
  const navPerUnit = parseEther('100');
  const validUntil = BigInt(await latestTimestamp(s.provider)) + 100n;
  await publish(s, { navPerUnit, valuationSeq: 1n, validUntil });

  // Offsets from validUntil: before it, at it, inside each segment, at each point, past the last.
  const offsets = [-40n, 0n, 1n, 1800n, HOUR, HOUR + 27_600n, DAY, 3n * DAY, 7n * DAY, 30n * DAY];
  const seen: bigint[] = [];
  for (const offset of offsets) {
    const blockTag = await mineAt(s.provider, validUntil + offset);
    const bps = (await s.oracle.currentHaircutBps({ blockTag })) as bigint;
    t.is(bps, expectedHaircutBps(offset), `haircut ${offset} s after validUntil`);
    const effective = (navPerUnit * (BPS - bps)) / BPS;
    t.is(await s.oracle.effectiveNavPerUnit({ blockTag }), effective, `effective NAV ${offset} s after validUntil`);
    // Collateral 18 decimals, loan 6: price = NAV × 10^(36 + 6 − 18) / 1e18 = NAV × 10^6.
    t.is(await s.oracle.price({ blockTag }), effective * 10n ** 6n, `price ${offset} s after validUntil`);
    seen.push(bps);
  }
  // The same curve, written out: none before expiry, 1 bps (rounded up) after a second, half of the
  // first 5% step after half an hour, 500 + ceil(2500 × 27600 / 82800) = 1334 a third into the second
  // segment, 3000 + 5000 × 2/6 rounded up = 4667 after three days, then flat at 8000.
  t.deepEqual(seen, [0n, 0n, 1n, 250n, 500n, 1334n, 3000n, 4667n, 8000n, 8000n]);
});

test.serial('a fresh valuation after expiry lifts the haircut at once', async (t) => {
  const s = await setup();
  const first = await navOf(s, parseEther('100'), 1n);
  await publish(s, first);
  const blockTag = await mineAt(s.provider, first.validUntil + 2n * DAY);
  // A sixth into the 30% → 80% segment: 3000 + ceil(5000 / 6).
  t.is(await s.oracle.currentHaircutBps({ blockTag }), 3834n);

  // Bounds compare with the last published NAV, not the haircut one: an unchanged NAV needs no super quorum.
  await publish(s, await navOf(s, parseEther('100'), 2n));
  t.is(await s.oracle.currentHaircutBps(), 0n);
  t.is(await s.oracle.effectiveNavPerUnit(), parseEther('100'));
});

test('the first NAV is accepted with the ordinary threshold however large it is', async (t) => {
  const s = await setup();
  const nav = await navOf(s, parseEther('1234567'), 7n);
  const receipt = await publish(s, nav);
  t.deepEqual(eventArgs(s, receipt, 'NavUpdated').toArray(), [7n, nav.navPerUnit, nav.validUntil, BigInt(THRESHOLD)]);

  const block = await s.provider.getBlock(receipt.blockNumber);
  const record = await s.oracle.latestNav();
  t.deepEqual(record.toArray(), [nav.navPerUnit, 7n, nav.validUntil, BigInt(block?.timestamp ?? 0), false]);
});

test('a move within the bound, up or down, needs only the ordinary threshold', async (t) => {
  const s = await setup();
  await publish(s, await navOf(s, parseEther('100'), 1n));
  // Exactly 10% up is still within a 1000 bps bound.
  await publish(s, await navOf(s, parseEther('110'), 2n));
  t.is((await s.oracle.latestNav()).navPerUnit, parseEther('110'));
  await publish(s, await navOf(s, parseEther('99'), 3n));
  t.is((await s.oracle.latestNav()).navPerUnit, parseEther('99'));
});

test('a move beyond the bound with the ordinary threshold is refused, naming old, new and bound', async (t) => {
  const s = await setup();
  await publish(s, await navOf(s, parseEther('100'), 1n));

  const up = await navOf(s, parseEther('110') + 1n, 2n);
  const upArgs = await expectRevert(t, sendNav(s, up, await signNav(s, up)), s.oracle, 'NavOracleChangeOutOfBounds');
  t.deepEqual(upArgs.toArray(), [parseEther('100'), parseEther('110') + 1n, 1000n]);

  const down = await navOf(s, parseEther('90') - 1n, 2n);
  const downArgs = await expectRevert(t, sendNav(s, down, await signNav(s, down)), s.oracle, 'NavOracleChangeOutOfBounds');
  t.deepEqual(downArgs.toArray(), [parseEther('100'), parseEther('90') - 1n, 1000n]);
  t.is((await s.oracle.latestNav()).navPerUnit, parseEther('100'));
});

test('a move beyond the bound is accepted with the super threshold', async (t) => {
  const s = await setup();
  await publish(s, await navOf(s, parseEther('100'), 1n));
  const receipt = await publish(s, await navOf(s, parseEther('40'), 2n), s.validators);
  t.is((await s.oracle.latestNav()).navPerUnit, parseEther('40'));
  t.is(eventArgs(s, receipt, 'NavUpdated').signatures, BigInt(SUPER_THRESHOLD));
});

test('a replayed or older valuation sequence is refused', async (t) => {
  const s = await setup();
  const nav = await navOf(s, parseEther('100'), 5n);
  const signatures = await signNav(s, nav);
  await (await sendNav(s, nav, signatures)).wait();

  const replay = await expectRevert(t, sendNav(s, nav, signatures), s.oracle, 'NavOracleSeqNotIncreasing');
  t.deepEqual(replay.toArray(), [5n, 5n]);
  const older = await navOf(s, parseEther('101'), 4n);
  const olderArgs = await expectRevert(t, sendNav(s, older, await signNav(s, older)), s.oracle, 'NavOracleSeqNotIncreasing');
  t.deepEqual(olderArgs.toArray(), [4n, 5n]);
});

test('a valuation whose validUntil is not in the future is refused', async (t) => {
  const s = await setup();
  const now = BigInt(await latestTimestamp(s.provider));
  for (const validUntil of [now - HOUR, now]) {
    const nav = { navPerUnit: parseEther('100'), valuationSeq: 1n, validUntil };
    const args = await expectRevert(t, sendNav(s, nav, await signNav(s, nav)), s.oracle, 'NavOracleValidUntilPassed');
    t.is(args.validUntil, validUntil);
    t.true((args.blockTime as bigint) >= validUntil);
  }
});

test('a zero NAV is refused', async (t) => {
  const s = await setup();
  const nav = await navOf(s, 0n, 1n);
  const args = await expectRevert(t, sendNav(s, nav, await signNav(s, nav)), s.oracle, 'NavOracleNavOutOfRange');
  t.deepEqual(args.toArray(), [0n, await s.oracle.maxNavPerUnit()]);
});

test('fewer signatures than the threshold are refused', async (t) => {
  const s = await setup();
  const nav = await navOf(s, parseEther('100'), 1n);
  const args = await expectRevert(t, sendNav(s, nav, await signNav(s, nav, s.validators.slice(0, 2))), s.oracle, 'QuorumNotMet');
  t.deepEqual(args.toArray(), [2n, BigInt(THRESHOLD)]);
});

test('a signature from a key that is not a validator is refused', async (t) => {
  const s = await setup();
  const outsider = Wallet.createRandom();
  const nav = await navOf(s, parseEther('100'), 1n);
  const signatures = await signNav(s, nav, [...s.validators.slice(0, 2), outsider]);
  const args = await expectRevert(t, sendNav(s, nav, signatures), s.oracle, 'QuorumSignerUnknown');
  t.is(args.signer, outsider.address);
});

test('signatures for another chain id are refused', async (t) => {
  const s = await setup();
  const nav = await navOf(s, parseEther('100'), 1n);
  const signatures = await signNav(s, nav, undefined, navOracleDomain(s.chainId + 1n, s.oracle.target as string));
  await expectRevert(t, sendNav(s, nav, signatures), s.oracle, 'QuorumSignerUnknown');
});

test('signatures for another oracle are refused', async (t) => {
  const s = await setup();
  const other = await deployContract(s.deployer, ourArtifact('NavOracle'), oracleArgs(s.gateway.target as string, s.asset));
  const nav = await navOf(s, parseEther('100'), 1n);
  const signatures = await signNav(s, nav, undefined, navOracleDomain(s.chainId, other.target as string));
  await expectRevert(t, sendNav(s, nav, signatures), s.oracle, 'QuorumSignerUnknown');
  // The same bundle is good where it was meant to go.
  await (await other.updateNav(nav.navPerUnit, nav.valuationSeq, nav.validUntil, signatures)).wait();
  t.is((await other.latestNav()).valuationSeq, 1n);
});

test('a validator rotation in the gateway applies to the oracle at once', async (t) => {
  const s = await setup();
  const incoming = byAddress([...s.validators.slice(1), Wallet.createRandom()]);
  const rotation = { validators: incoming.map((v) => v.address), threshold: 3n, superThreshold: 4n, nonce: 1n };
  const rotationSignatures = await signQuorum(s.validators.slice(0, THRESHOLD), gatewayDomain(s.chainId, s.gateway.target as string), typesFor(GATEWAY_TYPES, 'SetValidators'), rotation);
  await (await s.gateway.setValidators(rotation.validators, rotation.threshold, rotation.superThreshold, rotation.nonce, rotationSignatures)).wait();

  const retired = s.validators[0] as BaseWallet;
  const nav = await navOf(s, parseEther('100'), 1n);
  const stale = await signNav(s, nav, [retired, ...s.validators.slice(1, THRESHOLD)]);
  const args = await expectRevert(t, sendNav(s, nav, stale), s.oracle, 'QuorumSignerUnknown');
  t.is(args.signer, retired.address);
  await publish(s, nav, incoming.slice(0, THRESHOLD));
  t.is((await s.oracle.latestNav()).valuationSeq, 1n);
});

test('a write-off prices the collateral at zero and blocks every later update', async (t) => {
  const s = await setup();
  const nav = await navOf(s, parseEther('100'), 1n);
  await publish(s, nav);
  const domain = navOracleDomain(s.chainId, s.oracle.target as string);

  const tooFew = await signQuorum(s.validators.slice(0, 2), domain, writeOffTypes, { asset: s.asset, nonce: 9n });
  await expectRevert(t, s.oracle.writeOff(9n, tooFew), s.oracle, 'QuorumNotMet');
  t.is(await s.oracle.price(), parseEther('100') * 10n ** 6n);

  const signatures = await signQuorum(s.validators.slice(0, THRESHOLD), domain, writeOffTypes, { asset: s.asset, nonce: 9n });
  const receipt = await (await s.oracle.writeOff(9n, signatures)).wait();
  t.deepEqual(eventArgs(s, receipt, 'WrittenOff').toArray(), [9n, BigInt(THRESHOLD)]);

  t.is(await s.oracle.price(), 0n);
  t.is(await s.oracle.effectiveNavPerUnit(), 0n);
  t.is(await s.oracle.currentHaircutBps(), BPS);
  t.true((await s.oracle.latestNav()).writtenOff);
  const [, answer] = await s.oracle.latestRoundData();
  t.is(answer, 0n);

  const later = await navOf(s, parseEther('100'), 2n);
  await expectRevert(t, sendNav(s, later, await signNav(s, later, s.validators)), s.oracle, 'NavOracleWrittenOff');
  await expectRevert(t, s.oracle.writeOff(10n, await signQuorum(s.validators, domain, writeOffTypes, { asset: s.asset, nonce: 10n })), s.oracle, 'NavOracleWrittenOff');
});

test('price scales an 18-decimal collateral against a 6-decimal loan token', async (t) => {
  const s = await setup({ collateralDecimals: 18, loanDecimals: 6 });
  // 1.5 USDC per token: one base unit (1e-18 token) is worth 1.5e-12 base units of USDC, × 1e36.
  await publish(s, await navOf(s, parseEther('1.5'), 1n));
  t.is(await s.oracle.price(), 1_500_000_000_000_000_000_000_000n);
});

test('price scales a 0-decimal collateral against a 6-decimal loan token', async (t) => {
  const s = await setup({ collateralDecimals: 0, loanDecimals: 6 });
  // One indivisible unit worth 250,000.5 USDC = 250,000,500,000 base units, × 1e36.
  await publish(s, await navOf(s, parseEther('250000.5'), 1n));
  t.is(await s.oracle.price(), 250_000_500_000n * 10n ** 36n);
});

test('price rounds down when the collateral has more decimals than the scale keeps', async (t) => {
  const s = await setup({ collateralDecimals: 30, loanDecimals: 6 });
  // 10^(36 + 6 - 30) / 1e18 = 1e-6: 1,999,999 × 1e-6 = 1.999999, rounded down to 1.
  await publish(s, await navOf(s, 1_999_999n, 1n));
  t.is(await s.oracle.price(), 1n);
});

test('Morpho Blue lends up to the LLTV of the oracle price and socialises the debt after a write-off', async (t) => {
  const provider = await devnet();
  const lender = await fundedWallet(provider);
  const borrower = await fundedWallet(provider);
  const usd = await deployContract(lender, ourArtifact('TestToken'), ['Test USD', 'tUSD', 6]);
  const collateral = await deployContract(lender, ourArtifact('TestToken'), ['Plain collateral', 'PLAIN', 18]);
  const s = await setup({ asset: collateral.target as string, collateralDecimals: 18, loanDecimals: 6 });
  const irm = await deployContract(lender, ourArtifact('KinkedIrm'), [parseEther('0.02'), parseEther('0.04'), parseEther('0.75'), parseEther('0.8')]);
  const morpho = await deployContract(lender, ourArtifact('Morpho'), [lender.address]);
  const lltv = parseEther('0.77');
  await (await morpho.enableIrm(irm.target)).wait();
  await (await morpho.enableLltv(lltv)).wait();
  const market = { loanToken: usd.target, collateralToken: collateral.target, oracle: s.oracle.target, irm: irm.target, lltv };
  await (await morpho.createMarket(market)).wait();

  await (await usd.mint(lender.address, 10_000_000_000n)).wait();
  await (await usd.approve(morpho.target, 10_000_000_000n)).wait();
  await (await morpho.supply(market, 10_000_000_000n, 0n, lender.address, '0x')).wait();
  await (await collateral.mint(borrower.address, parseEther('10'))).wait();
  const asBorrower = morpho.connect(borrower) as DeployedContract;
  await (await (collateral.connect(borrower) as DeployedContract).approve(morpho.target, parseEther('10'))).wait();
  await (await asBorrower.supplyCollateral(market, parseEther('10'), borrower.address, '0x')).wait();

  // 10 units at 100 tUSD are worth 1,000 tUSD; at 77% LLTV the borrower may take 770 tUSD, not a unit more.
  await publish(s, await navOf(s, parseEther('100'), 1n));
  const refused = await t.throwsAsync(asBorrower.borrow(market, 770_000_001n, 0n, borrower.address, borrower.address));
  t.is((refused as { reason?: string }).reason, 'insufficient collateral');
  await (await asBorrower.borrow(market, 770_000_000n, 0n, borrower.address, borrower.address)).wait();
  t.is(await usd.balanceOf(borrower.address), 770_000_000n);

  // Written off, the collateral is worth nothing: a liquidator takes it for free and the lenders
  // absorb the debt (interest accrued since the borrow cancels out of the supply).
  const domain = navOracleDomain(s.chainId, s.oracle.target as string);
  await (await s.oracle.writeOff(1n, await signQuorum(s.validators.slice(0, THRESHOLD), domain, writeOffTypes, { asset: s.asset, nonce: 1n }))).wait();
  await (await morpho.liquidate(market, borrower.address, parseEther('10'), 0n, '0x')).wait();
  t.is(await collateral.balanceOf(lender.address), parseEther('10'));
  const id = keccak256(AbiCoder.defaultAbiCoder().encode(['address', 'address', 'address', 'address', 'uint256'], Object.values(market)));
  const state = await morpho.market(id);
  t.is(state.totalBorrowAssets, 0n);
  t.is(state.totalSupplyAssets, 10_000_000_000n - 770_000_000n);
});

test('price and the Chainlink reads revert before the first NAV', async (t) => {
  const s = await setup();
  await expectRevert(t, s.oracle.price(), s.oracle, 'NavOracleNoNav');
  await expectRevert(t, s.oracle.latestRoundData(), s.oracle, 'NavOracleNoNav');
  await expectRevert(t, s.oracle.getRoundData(0), s.oracle, 'NavOracleNoNav');
  await expectRevert(t, s.oracle.effectiveNavPerUnit(), s.oracle, 'NavOracleNoNav');
});

test('the Chainlink view reports the effective NAV of the latest valuation', async (t) => {
  const s = await setup();
  t.is(await s.oracle.decimals(), 18n);
  t.is(await s.oracle.version(), 1n);
  t.is(await s.oracle.description(), 'Trestle NAV per unit, in loan-token units');

  await publish(s, await navOf(s, parseEther('100'), 3n));
  const receipt = await publish(s, await navOf(s, parseEther('104.25'), 8n));
  const updatedAt = BigInt((await s.provider.getBlock(receipt.blockNumber))?.timestamp ?? 0);
  const latest = await s.oracle.latestRoundData();
  t.deepEqual(latest.toArray(), [8n, parseEther('104.25'), updatedAt, updatedAt, 8n]);
  t.deepEqual((await s.oracle.getRoundData(8)).toArray(), latest.toArray());

  const args = await expectRevert(t, s.oracle.getRoundData(3), s.oracle, 'NavOracleRoundUnavailable');
  t.deepEqual(args.toArray(), [3n, 8n]);
});

test('the type hashes and domain match the signer-side tables in messages.ts', async (t) => {
  const s = await setup();
  t.is(await s.oracle.NAV_TYPEHASH(), id(TypedDataEncoder.from(navTypes).encodeType('Nav')));
  t.is(await s.oracle.WRITE_OFF_TYPEHASH(), id(TypedDataEncoder.from(writeOffTypes).encodeType('WriteOff')));
  t.is(await s.oracle.domainSeparator(), TypedDataEncoder.hashDomain(navOracleDomain(s.chainId, s.oracle.target as string)));
});

test('the constructor refuses a schedule, bound or decimals it cannot honour', async (t) => {
  const provider = await devnet();
  const deployer = await fundedWallet(provider);
  const artifact = ourArtifact('NavOracle');
  const factory = new ContractFactory(artifact.abi as InterfaceAbi, artifact.bytecode, deployer);
  const validatorSet = Wallet.createRandom().address;
  const asset = Wallet.createRandom().address;
  const deploy = (options: OracleOptions) => factory.deploy(...oracleArgs(validatorSet, asset, options));

  const flat = await expectRevert(t, deploy({ schedule: { after: [HOUR, DAY], bps: [500n, 500n] } }), factory, 'NavOracleHaircutPointInvalid');
  t.deepEqual(flat.toArray(), [1n, DAY, 500n]);
  await expectRevert(t, deploy({ schedule: { after: [DAY, HOUR], bps: [500n, 1000n] } }), factory, 'NavOracleHaircutPointInvalid');
  await expectRevert(t, deploy({ schedule: { after: [0n], bps: [500n] } }), factory, 'NavOracleHaircutPointInvalid');
  await expectRevert(t, deploy({ schedule: { after: [HOUR], bps: [10_001n] } }), factory, 'NavOracleHaircutPointInvalid');
  await expectRevert(t, deploy({ schedule: { after: [HOUR], bps: [500n, 1000n] } }), factory, 'NavOracleHaircutLengthMismatch');
  await expectRevert(t, deploy({ schedule: { after: [], bps: [] } }), factory, 'NavOracleHaircutScheduleSize');
  await expectRevert(t, deploy({ maxChangeBps: 10_001n }), factory, 'NavOracleMaxChangeInvalid');
  await expectRevert(t, deploy({ collateralDecimals: 43, loanDecimals: 6 }), factory, 'NavOracleDecimalsUnsupported');
  await expectRevert(t, deploy({ collateralDecimals: 0, loanDecimals: 42 }), factory, 'NavOracleDecimalsUnsupported');
  await expectRevert(t, factory.deploy(...oracleArgs(ZeroAddress, asset)), factory, 'NavOracleAddressZero');
});
