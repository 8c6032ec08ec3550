import { Interface, ZeroAddress, type InterfaceAbi, type Signer } from 'ethers';
import { ourArtifact, trexArtifact } from '../artifacts';
import { CLAIM_TOPICS } from '../claim-topics';
import { deployContract, type DeployedContract } from '../deploy-contract';
import { mined } from './steps';

/** The T-REX modules one consortium deployment shares between its assets (each keys state by compliance). */
export interface ComplianceModules {
  readonly countryAllow: string;
  readonly maxBalance: string;
  readonly remediation: string;
}

/** One asset's ERC-3643 suite. */
export interface TrexSuite {
  readonly token: string;
  readonly identityRegistry: string;
  readonly identityRegistryStorage: string;
  readonly trustedIssuersRegistry: string;
  readonly claimTopicsRegistry: string;
  readonly compliance: string;
  readonly modules: ComplianceModules;
}

export interface TrexSuiteOptions {
  readonly name: string;
  readonly symbol: string;
  readonly decimals: number;
  /** ISO 3166-1 numeric codes whose investors may receive the token. */
  readonly allowedCountries: readonly number[];
  /** Most units one identity may hold, venues included (Morpho's identity holds every borrower's collateral). */
  readonly maxBalance: bigint;
  /** The consortium ClaimIssuer, trusted for KYC, VENUE and LIQUIDATOR. */
  readonly claimIssuer: string;
  /** Becomes token agent, identity-registry agent and compliance owner. */
  readonly gateway: string;
  /** Shared modules from `deployComplianceModules`; fresh ones are deployed when absent. */
  readonly modules?: ComplianceModules;
  /** The token's own ONCHAINID, if it has one. */
  readonly tokenIdentity?: string;
}

/** Suite options that T-REX would only reject deep inside a transaction, or not at all. */
export class TrexSuiteOptionsError extends Error {
  readonly code = 'TREX_SUITE_OPTIONS_INVALID';
  constructor(detail: string) {
    super(`Invalid ERC-3643 suite options: ${detail}.`);
    this.name = 'TrexSuiteOptionsError';
  }
}

const countryAllowAbi = new Interface(trexArtifact('compliance/modular/modules', 'CountryAllowModule').abi as InterfaceAbi);
const maxBalanceAbi = new Interface(trexArtifact('compliance/modular/modules', 'MaxBalanceModule').abi as InterfaceAbi);

/**
 * Deploys the three compliance modules directly (no ModuleProxy). T-REX's modules are written as
 * UUPS implementations: `initialize()` makes the deployer their owner, which only matters for
 * `upgradeTo`, and that refuses to run on a contract that is not behind a proxy.
 */
export async function deployComplianceModules(deployer: Signer): Promise<ComplianceModules> {
  const countryAllow = await deployContract(deployer, trexArtifact('compliance/modular/modules', 'CountryAllowModule'));
  await mined('CountryAllowModule.initialize', countryAllow.initialize());
  const maxBalance = await deployContract(deployer, trexArtifact('compliance/modular/modules', 'MaxBalanceModule'));
  await mined('MaxBalanceModule.initialize', maxBalance.initialize());
  const remediation = await deployContract(deployer, ourArtifact('RemediationModule'));
  return { countryAllow: await countryAllow.getAddress(), maxBalance: await maxBalance.getAddress(), remediation: await remediation.getAddress() };
}

/**
 * Deploys one asset's ERC-3643 suite from T-REX's published artifacts, implementations deployed
 * directly and initialised (no proxies: about 60k gas less per transfer), and hands it to the gateway.
 *
 * Roles when it returns: the deployer owns the token and the four registries (T-REX owner functions:
 * replacing registries, agents, recovery) and is agent of nothing; the gateway is the only token
 * agent and identity-registry agent and owns the compliance. The deployer is token agent only
 * for the moment it takes to unpause the token. Call it once per asset; the modules may be shared.
 */
export async function deployTrexSuite(deployer: Signer, options: TrexSuiteOptions): Promise<TrexSuite> {
  validate(options);
  const deployerAddress = await deployer.getAddress();
  const modules = options.modules ?? (await deployComplianceModules(deployer));

  const topics = await deployInitialised(deployer, 'registry/implementation', 'ClaimTopicsRegistry', []);
  await mined('ClaimTopicsRegistry.addClaimTopic(KYC)', topics.addClaimTopic(CLAIM_TOPICS.KYC));

  const issuers = await deployInitialised(deployer, 'registry/implementation', 'TrustedIssuersRegistry', []);
  await mined(
    'TrustedIssuersRegistry.addTrustedIssuer',
    issuers.addTrustedIssuer(options.claimIssuer, [CLAIM_TOPICS.KYC, CLAIM_TOPICS.VENUE, CLAIM_TOPICS.LIQUIDATOR]),
  );

  const storage = await deployInitialised(deployer, 'registry/implementation', 'IdentityRegistryStorage', []);
  const registry = await deployInitialised(deployer, 'registry/implementation', 'IdentityRegistry', [
    await issuers.getAddress(),
    await topics.getAddress(),
    await storage.getAddress(),
  ]);
  await mined('IdentityRegistryStorage.bindIdentityRegistry', storage.bindIdentityRegistry(await registry.getAddress()));

  const compliance = await deployInitialised(deployer, 'compliance/modular', 'ModularCompliance', []);
  // Token.init binds itself to the compliance (allowed while the compliance has no token).
  const token = await deployInitialised(deployer, 'token', 'Token', [
    await registry.getAddress(),
    await compliance.getAddress(),
    options.name,
    options.symbol,
    options.decimals,
    options.tokenIdentity ?? ZeroAddress,
  ]);

  // MaxBalanceModule only binds while the supply is zero (or after presetting balances): now.
  await mined('ModularCompliance.addModule(CountryAllowModule)', compliance.addModule(modules.countryAllow));
  await mined(
    'CountryAllowModule.batchAllowCountries',
    compliance.callModuleFunction(countryAllowAbi.encodeFunctionData('batchAllowCountries', [options.allowedCountries]), modules.countryAllow),
  );
  await mined('ModularCompliance.addModule(MaxBalanceModule)', compliance.addModule(modules.maxBalance));
  await mined(
    'MaxBalanceModule.setMaxBalance',
    compliance.callModuleFunction(maxBalanceAbi.encodeFunctionData('setMaxBalance', [options.maxBalance]), modules.maxBalance),
  );
  await mined('ModularCompliance.addModule(RemediationModule)', compliance.addModule(modules.remediation));

  // Only an agent may unpause, and the deployer must not stay one: agent for one transaction.
  await mined('Token.addAgent(deployer)', token.addAgent(deployerAddress));
  await mined('Token.unpause', token.unpause());
  await mined('Token.removeAgent(deployer)', token.removeAgent(deployerAddress));
  await mined('Token.addAgent(gateway)', token.addAgent(options.gateway));
  await mined('IdentityRegistry.addAgent(gateway)', registry.addAgent(options.gateway));
  await mined('ModularCompliance.transferOwnership(gateway)', compliance.transferOwnership(options.gateway));

  return {
    token: await token.getAddress(),
    identityRegistry: await registry.getAddress(),
    identityRegistryStorage: await storage.getAddress(),
    trustedIssuersRegistry: await issuers.getAddress(),
    claimTopicsRegistry: await topics.getAddress(),
    compliance: await compliance.getAddress(),
    modules,
  };
}

async function deployInitialised(deployer: Signer, folder: string, name: string, initArgs: readonly unknown[]): Promise<DeployedContract> {
  const contract = await deployContract(deployer, trexArtifact(folder, name));
  await mined(`${name}.init`, contract.init(...initArgs));
  return contract;
}

function validate(options: TrexSuiteOptions): void {
  if (options.allowedCountries.length === 0) throw new TrexSuiteOptionsError('allowedCountries is empty, so nobody could receive the token');
  for (const country of options.allowedCountries) {
    if (!Number.isInteger(country) || country < 0 || country > 0xffff) throw new TrexSuiteOptionsError(`country ${country} is not a uint16`);
  }
  if (options.maxBalance <= 0n) throw new TrexSuiteOptionsError('maxBalance must be positive');
  if (!Number.isInteger(options.decimals) || options.decimals < 0 || options.decimals > 18) {
    throw new TrexSuiteOptionsError(`decimals ${options.decimals} is outside 0..18`);
  }
}
