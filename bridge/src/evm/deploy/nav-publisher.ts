import type { ContractTransactionReceipt, Wallet } from 'ethers';
import type { DeployedContract } from '../deploy-contract';
import { NAV_ORACLE_TYPES, navOracleDomain, typesFor } from '../messages';
import { signQuorum } from '../quorum-signer';
import { mined } from './steps';

/** A NAV update as validators sign it (navPerUnit: one whole unit in whole loan tokens, 18 decimals). */
export interface NavUpdate {
  readonly navPerUnit: bigint;
  readonly valuationSeq: bigint;
  readonly validUntil: bigint;
}

/** Signs `update` for `oracle` with `signers` and submits it. Devnet and tests hold the keys. */
export async function publishNav(oracle: DeployedContract, signers: readonly Wallet[], chainId: bigint, update: NavUpdate): Promise<ContractTransactionReceipt> {
  const asset = (await oracle.asset()) as string;
  const domain = navOracleDomain(chainId, await oracle.getAddress());
  const signatures = await signQuorum(signers, domain, typesFor(NAV_ORACLE_TYPES, 'Nav'), { asset, ...update });
  return mined('NavOracle.updateNav', oracle.updateNav(update.navPerUnit, update.valuationSeq, update.validUntil, signatures));
}
