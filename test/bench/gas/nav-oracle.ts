import type { ContractTransactionReceipt, JsonRpcProvider, Signer, Wallet } from 'ethers';
import { ourArtifact } from '@trestle/bridge/src/evm/artifacts';
import { deployContract, type DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { publishNav } from '@trestle/bridge/src/evm/deploy/nav-publisher';
import { latestTimestamp } from '@trestle/bridge/src/evm/provider';
import type { BenchConsortium } from './bench-consortium';
import { NAV_ORACLE } from './bench-params';

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

/** The NAV authority of a bench consortium: its gateway and validators. */
export async function navAuthorityOf(b: BenchConsortium): Promise<NavAuthority> {
  return {
    provider: b.provider,
    chainId: b.chainId,
    gateway: await b.consortium.gateway.getAddress(),
    validators: b.validators,
    threshold: b.shape.threshold,
    superThreshold: b.shape.superThreshold,
  };
}

/**
 * Publishes `navPerUnit` as the next valuation (sequence + 1, valid for deploy-all's 90 days),
 * signed by the first `signers` validators (the threshold when absent).
 */
export async function publishNextNav(oracle: DeployedContract, a: NavAuthority, navPerUnit: bigint, signers = a.threshold): Promise<ContractTransactionReceipt> {
  const current = await oracle.latestNav();
  const validUntil = BigInt(await latestTimestamp(a.provider)) + NAV_ORACLE.validForSeconds;
  return publishNav(oracle, a.validators.slice(0, signers), a.chainId, { navPerUnit, valuationSeq: BigInt(current.valuationSeq) + 1n, validUntil });
}

/** Deploys a NavOracle for `asset` with deploy-all's arguments and publishes its first NAV (100 per unit). */
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
