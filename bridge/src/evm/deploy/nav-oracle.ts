import type { ContractTransactionReceipt, JsonRpcProvider, Signer, Wallet } from 'ethers';
import { ourArtifact } from '../artifacts';
import { deployContract, type DeployedContract } from '../deploy-contract';
import { publishNav } from './nav-publisher';
import { latestTimestamp } from '../provider';
import { NAV_ORACLE } from './devnet-params';

/** Who may sign NAV updates: the gateway whose validator set the oracle reads, and its validators' keys. */
export interface NavAuthority {
  readonly provider: JsonRpcProvider;
  readonly chainId: bigint;
  readonly gateway: string;
  /** Ascending by address. */
  readonly validators: readonly Wallet[];
  readonly threshold: number;
  /** Signatures a move beyond the oracle's bound needs. */
  readonly superThreshold: number;
}

/**
 * Publishes `navPerUnit` as the next valuation (sequence + 1, valid for NAV_ORACLE.validForSeconds),
 * signed by the first `signers` validators (the threshold when absent).
 */
export async function publishNextNav(oracle: DeployedContract, a: NavAuthority, navPerUnit: bigint, signers = a.threshold): Promise<ContractTransactionReceipt> {
  const current = await oracle.latestNav();
  const validUntil = BigInt(await latestTimestamp(a.provider)) + NAV_ORACLE.validForSeconds;
  return publishNav(oracle, a.validators.slice(0, signers), a.chainId, { navPerUnit, valuationSeq: BigInt(current.valuationSeq) + 1n, validUntil });
}

/** Deploys a NavOracle for `asset` with the devnet's arguments and publishes its first NAV (100 per unit). */
export async function deployNavOracle(deployer: Signer, a: NavAuthority, asset: string): Promise<DeployedContract> {
  const oracle = await deployContract(deployer, ourArtifact('NavOracle'), [
    a.gateway,
    asset,
    NAV_ORACLE.collateralDecimals,
    NAV_ORACLE.loanDecimals,
    NAV_ORACLE.maxChangeBps,
    NAV_ORACLE.haircutAfter,
    NAV_ORACLE.haircutBps,
  ]);
  await publishNextNav(oracle, a, NAV_ORACLE.initialNavPerUnit);
  return oracle;
}
