import type { Signer } from 'ethers';
import { onchainIdArtifact, ourArtifact, trexArtifact } from '../artifacts';
import { deployContract, type DeployedContract } from '../deploy-contract';
import { handClaimIssuerTo, type IdentityInfra } from './identity-infra';
import { attach, mined } from './steps';
import type { TrexSuite } from './trex-suite';

/** The contracts whose owner powers the deployer holds until `handOwnerPowers`. */
export interface OwnedContracts {
  readonly infra: IdentityInfra;
  readonly suites: readonly TrexSuite[];
  /** Morpho Blue, when the deployer created it. */
  readonly morpho?: string;
}

/** One owner power handed over: which contract, and the call that moved it. */
export type HandedPower = { readonly contract: string; readonly address: string };

/** Deploys the QuorumOwner that answers to `gateway`'s validator set (bridge/contracts/governance/QuorumOwner.sol). */
export async function deployQuorumOwner(deployer: Signer, gateway: string): Promise<DeployedContract> {
  return deployContract(deployer, ourArtifact('QuorumOwner'), [gateway]);
}

/**
 * Hands every owner power the deployer holds to `quorumOwner`, so that after deployment no single key
 * can act alone: each T-REX suite's token and four registries (an owner may add agents, who mint, or
 * replace a registry), the compliance modules' owner (upgrades), the ONCHAINID implementation
 * authority (an owner may replace the logic of every identity), the consortium ClaimIssuer's
 * management key (a manager may add claim keys) and Morpho Blue's owner. The gateway already owns
 * the IdFactory and each compliance. Returns what moved, in order.
 */
export async function handOwnerPowers(deployer: Signer, quorumOwner: string, owned: OwnedContracts): Promise<HandedPower[]> {
  const handed: HandedPower[] = [];
  const transfer = async (label: string, contract: DeployedContract): Promise<void> => {
    await mined(`${label}.transferOwnership(QuorumOwner)`, contract.transferOwnership(quorumOwner));
    handed.push({ contract: label, address: await contract.getAddress() });
  };
  for (const suite of owned.suites) {
    await transfer('Token', attach(trexArtifact('token', 'Token'), suite.token, deployer));
    await transfer('IdentityRegistry', attach(trexArtifact('registry/implementation', 'IdentityRegistry'), suite.identityRegistry, deployer));
    await transfer('IdentityRegistryStorage', attach(trexArtifact('registry/implementation', 'IdentityRegistryStorage'), suite.identityRegistryStorage, deployer));
    await transfer('TrustedIssuersRegistry', attach(trexArtifact('registry/implementation', 'TrustedIssuersRegistry'), suite.trustedIssuersRegistry, deployer));
    await transfer('ClaimTopicsRegistry', attach(trexArtifact('registry/implementation', 'ClaimTopicsRegistry'), suite.claimTopicsRegistry, deployer));
  }
  // Shared by every suite: hand them once.
  const modules = owned.suites[0]?.modules;
  if (modules !== undefined) {
    await transfer('CountryAllowModule', attach(trexArtifact('compliance/modular/modules', 'CountryAllowModule'), modules.countryAllow, deployer));
    await transfer('MaxBalanceModule', attach(trexArtifact('compliance/modular/modules', 'MaxBalanceModule'), modules.maxBalance, deployer));
  }
  await transfer('ImplementationAuthority', attach(onchainIdArtifact('ImplementationAuthority'), owned.infra.implementationAuthority, deployer));
  await handClaimIssuerTo(deployer, owned.infra, quorumOwner);
  handed.push({ contract: 'ClaimIssuer (management key)', address: owned.infra.claimIssuer });
  if (owned.morpho !== undefined) {
    const morpho = attach(ourArtifact('Morpho'), owned.morpho, deployer);
    await mined('Morpho.setOwner(QuorumOwner)', morpho.setOwner(quorumOwner));
    handed.push({ contract: 'Morpho', address: owned.morpho });
  }
  return handed;
}
