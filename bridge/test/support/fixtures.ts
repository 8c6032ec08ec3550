import type { ExecutionContext } from 'ava';
import { hexlify, randomBytes, Wallet, type ContractTransactionReceipt, type ContractTransactionResponse, type JsonRpcProvider } from 'ethers';
import { ourArtifact, trexArtifact } from '../../src/evm/artifacts';
import { CLAIM_TOPICS } from '../../src/evm/claim-topics';
import { deployContract, type DeployedContract } from '../../src/evm/deploy-contract';
import { deployAsset, deployConsortium, registerWallet, type Consortium } from '../../src/evm/deploy/consortium';
import { createMarket, DEFAULT_LLTV, deployMorpho, type Market } from '../../src/evm/deploy/morpho-market';
import { attach, mined } from '../../src/evm/deploy/steps';
import type { TrexSuite } from '../../src/evm/deploy/trex-suite';
import { NAV_ORACLE_TYPES, navOracleDomain, typesFor } from '../../src/evm/messages';
import { fundedWallet, latestTimestamp } from '../../src/evm/provider';
import { byAddress, signQuorum } from '../../src/evm/quorum-signer';
import { devnet } from './devnet';

/** ISO 3166-1 numeric codes the fixtures use. */
export const COUNTRY = { SWITZERLAND: 756, GERMANY: 276, LIECHTENSTEIN: 438, UNITED_STATES: 840 } as const;
/** `IBridgeGateway.LegalState`. */
export const LEGAL_STATE = { Normal: 0, Remediation: 1 } as const;
/** The gateway's KycPhase enum. */
export const KYC_PHASE = { Current: 0, RepayOnly: 1, Frozen: 2 } as const;

const UNIT = 10n ** 18n; // one whole asset token (18 decimals)
const USDC = 10n ** 6n; // one whole stablecoin unit (6 decimals)
export const UNITS = (n: bigint): bigint => n * UNIT;
export const DOLLARS = (n: bigint): bigint => n * USDC;

/** The consortium side (ONCHAINID infrastructure, a gateway with 3 validators, threshold 2, super 3, shared modules) on the devnet. */
export interface ConsortiumFixture extends Consortium {
  readonly provider: JsonRpcProvider;
  readonly chainId: bigint;
  /** Ascending by address, the order bundles use. */
  readonly validators: readonly Wallet[];
}

/** A random key typed as a plain `Wallet` (createRandom gives an HD wallet). */
const randomWallet = (): Wallet => new Wallet(Wallet.createRandom().privateKey);

/** Deploys the consortium side on the devnet with a fresh deployer. */
export async function consortiumFixture(): Promise<ConsortiumFixture> {
  const provider = await devnet();
  const deployer = await fundedWallet(provider);
  const validators = byAddress([randomWallet(), randomWallet(), randomWallet()]);
  const consortium = await deployConsortium(deployer, { validators, claimSigner: randomWallet(), bankClaimSigners: validators.map((v) => v.address), threshold: 2, superThreshold: 3, mintDelay: 3600 });
  return { ...consortium, provider, chainId: consortium.quorum.chainId, validators };
}

export interface AssetFixtureOptions {
  readonly allowedCountries?: readonly number[];
  readonly maxBalance?: bigint;
  /** The token's decimals (18 by default); a bridged asset's token carries the ledger asset's decimals. */
  readonly decimals?: number;
}

/** One ERC-3643 asset configured on the gateway, with quorum-signed helpers. */
export interface AssetFixture extends ConsortiumFixture {
  readonly suite: TrexSuite;
  readonly token: DeployedContract;
  readonly identityRegistry: DeployedContract;
  readonly compliance: DeployedContract;
  /** Registers `wallet` through the gateway with the consortium's claims on `topics`; returns its identity. */
  register(wallet: string, options?: { country?: number; topics?: readonly bigint[] }): Promise<string>;
  /** Mints through the gateway's quorum-signed `mint`. */
  mint(to: string, amount: bigint): Promise<ContractTransactionReceipt>;
  /** Removes `wallet` from the identity registry through the gateway. */
  revoke(wallet: string): Promise<ContractTransactionReceipt>;
  /** Carries a legal state through the gateway. */
  setLegalState(state: number): Promise<ContractTransactionReceipt>;
  /** Sets `wallet`'s KYC phase (KYC_PHASE) on the asset's compliance through the gateway, by quorum. */
  setKycPhase(wallet: string, phase: number): Promise<ContractTransactionReceipt>;
}

/** Rate limits the fixtures never reach. */
const UNLIMITED = { capacity: 2n ** 120n, refillPerSecond: 2n ** 120n } as const;

/**
 * One asset (18 decimals, CH and DE allowed, 1,000,000 units max per identity, no mint delay) on
 * `consortium`, or on a new consortium. Assets of one consortium must be deployed one after the
 * other: they share its deployer.
 */
export async function assetFixture(options: AssetFixtureOptions = {}, consortium?: ConsortiumFixture): Promise<AssetFixture> {
  const c = consortium ?? (await consortiumFixture());
  const suite = await deployAsset(c, {
    name: 'Trestle Test Fund',
    symbol: 'TTF',
    decimals: options.decimals ?? 18,
    allowedCountries: options.allowedCountries ?? [COUNTRY.SWITZERLAND, COUNTRY.GERMANY],
    maxBalance: options.maxBalance ?? UNITS(1_000_000n),
    delayThreshold: 0n,
    inbound: UNLIMITED,
    outbound: UNLIMITED,
  });
  const token = suite.token;
  return {
    ...c,
    suite,
    token: attach(trexArtifact('token', 'Token'), token, c.deployer),
    identityRegistry: attach(trexArtifact('registry/implementation', 'IdentityRegistry'), suite.identityRegistry, c.deployer),
    compliance: attach(trexArtifact('compliance/modular', 'ModularCompliance'), suite.compliance, c.deployer),
    async register(wallet, { country = COUNTRY.SWITZERLAND, topics = [CLAIM_TOPICS.KYC] } = {}) {
      return (await registerWallet(c, token, wallet, { country, topics })).identity;
    },
    mint(to, amount) {
      const fabricTxId = hexlify(randomBytes(32));
      return c.quorum.send('Mint', { token, to, amount, fabricTxId }, (n, s) => c.gateway.mint(token, to, amount, n, fabricTxId, s));
    },
    revoke(wallet) {
      return c.quorum.send('RevokeIdentity', { token, wallet }, (n, s) => c.gateway.revokeIdentity(token, wallet, n, s));
    },
    setLegalState(state) {
      return c.quorum.send('SetLegalState', { token, state }, (n, s) => c.gateway.setLegalState(token, state, n, s));
    },
    setKycPhase(wallet, phase) {
      return c.quorum.send('SetKycPhase', { token, wallet, phase }, (n, s) => c.gateway.setKycPhase(token, wallet, phase, n, s));
    },
  };
}

/** Starting NAV: 100 dollars per unit (18-decimal fixed point). */
export const INITIAL_NAV = 100n * 10n ** 18n;
/** Threshold signatures may move the NAV by at most 10%. */
export const MAX_NAV_CHANGE_BPS = 1_000n;
/** Lenders' deposit in the market. */
export const LENDER_DEPOSIT = DOLLARS(1_000_000n);

/** An asset with a Morpho Blue market lending a 6-decimal stablecoin against it. */
export interface MarketFixture extends AssetFixture {
  readonly stablecoin: DeployedContract;
  readonly oracle: DeployedContract;
  readonly irm: DeployedContract;
  readonly morpho: DeployedContract;
  readonly market: Market;
  /** `market.params` in the positional form ethers calls take. */
  readonly params: readonly [string, string, string, string, bigint];
  /** Publishes a NAV (valid a year) signed by the first `signers` validators. */
  updateNav(navPerUnit: bigint, signers?: number): Promise<ContractTransactionResponse>;
  /** A fresh wallet, registered with `topics` unless `kyc` is false, holding `dollars` of stablecoin, with Morpho approved for both tokens. */
  fundedAccount(options?: { dollars?: bigint; kyc?: boolean; topics?: readonly bigint[] }): Promise<Wallet>;
}

/**
 * Deploys a consortium, an asset, a stablecoin, the KinkedIrm, the asset's NavOracle (NAV 100,
 * 10% bound, haircut 10% a day after expiry and 50% after a week), Morpho Blue and the market
 * (LLTV 77%), registers Morpho as a venue and deposits 1,000,000 dollars from a lender.
 */
export async function marketFixture(options: AssetFixtureOptions = {}): Promise<MarketFixture> {
  const a = await assetFixture(options);
  const { deployer } = a;
  const stablecoin = await deployContract(deployer, ourArtifact('TestToken'), ['Test Dollar', 'TUSD', 6]);
  // 2% base, +10% up to the 80% kink, +100% above it; yearly WAD.
  const irm = await deployContract(deployer, ourArtifact('KinkedIrm'), [2n * 10n ** 16n, 10n ** 17n, 10n ** 18n, 8n * 10n ** 17n]);
  const oracle = await deployContract(deployer, ourArtifact('NavOracle'), [
    await a.gateway.getAddress(),
    a.suite.token,
    options.decimals ?? 18,
    6,
    MAX_NAV_CHANGE_BPS,
    [86_400n, 7n * 86_400n],
    [1_000, 5_000],
  ]);
  const oracleAddress = await oracle.getAddress();
  const navDomain = navOracleDomain(a.chainId, oracleAddress);
  let valuationSeq = 0n;
  const updateNav = async (navPerUnit: bigint, signers = 2): Promise<ContractTransactionResponse> => {
    valuationSeq += 1n;
    // Valid a year, so that other tests moving the shared devnet clock do not start the haircut.
    const validUntil = BigInt(await latestTimestamp(a.provider)) + 365n * 86_400n;
    const value = { asset: a.suite.token, navPerUnit, valuationSeq, validUntil };
    const signatures = await signQuorum(a.validators.slice(0, signers), navDomain, typesFor(NAV_ORACLE_TYPES, 'Nav'), value);
    return oracle.updateNav(navPerUnit, valuationSeq, validUntil, signatures);
  };
  await mined('NavOracle.updateNav (initial)', updateNav(INITIAL_NAV));

  const morphoAddress = await deployMorpho(deployer);
  const market = await createMarket(deployer, morphoAddress, {
    loanToken: await stablecoin.getAddress(),
    collateralToken: a.suite.token,
    oracle: oracleAddress,
    irm: await irm.getAddress(),
    lltv: DEFAULT_LLTV,
  });
  await a.register(morphoAddress, { topics: [CLAIM_TOPICS.KYC, CLAIM_TOPICS.VENUE] });
  const morpho = attach(ourArtifact('Morpho'), morphoAddress, deployer);
  const params = [market.params.loanToken, market.params.collateralToken, market.params.oracle, market.params.irm, market.params.lltv] as const;

  const fundedAccount = async ({ dollars = 0n, kyc = true, topics = [CLAIM_TOPICS.KYC] }: { dollars?: bigint; kyc?: boolean; topics?: readonly bigint[] } = {}) => {
    const wallet = await fundedWallet(a.provider);
    if (kyc) await a.register(wallet.address, { topics });
    if (dollars > 0n) await mined('TestToken.mint', stablecoin.mint(wallet.address, dollars));
    const asWallet = (contract: DeployedContract) => contract.connect(wallet) as DeployedContract;
    await mined('stablecoin approve Morpho', asWallet(stablecoin).approve(morphoAddress, 2n ** 256n - 1n));
    await mined('asset approve Morpho', asWallet(a.token).approve(morphoAddress, 2n ** 256n - 1n));
    return wallet;
  };

  const lender = await fundedAccount({ dollars: LENDER_DEPOSIT, kyc: false });
  await mined('Morpho.supply (lender)', (morpho.connect(lender) as DeployedContract).supply(params, LENDER_DEPOSIT, 0n, lender.address, '0x'));

  return { ...a, stablecoin, oracle, irm, morpho, market, params, updateNav, fundedAccount };
}

/**
 * Asserts that `pending` reverts with the plain `Error(string)` reason `reason`, the way T-REX and
 * Morpho Blue fail (`expectRevert` in ./errors covers custom errors).
 */
export async function expectRevertReason(t: ExecutionContext, pending: Promise<unknown>, reason: string): Promise<void> {
  const error = await t.throwsAsync(pending);
  // ethers puts the decoded reason on `reason`; deployment steps wrap that error as their cause.
  let decoded: string | null | undefined;
  for (let current: unknown = error; decoded === undefined && current instanceof Error; current = current.cause) {
    decoded = (current as Error & { reason?: string | null }).reason;
  }
  t.is(decoded, reason, `expected revert reason "${reason}", got ${decoded === undefined ? `no reason (${error?.message})` : `"${decoded}"`}`);
}
