import { BaseContract, ContractFactory, type InterfaceAbi, type Signer } from 'ethers';
import type { Artifact } from '../compile/compile';

/** Deploys an artifact and waits for it to be mined; the result is untyped (`any` members). */
export async function deployContract(signer: Signer, artifact: Artifact, args: readonly unknown[] = []): Promise<DeployedContract> {
  const factory = new ContractFactory(artifact.abi as InterfaceAbi, artifact.bytecode, signer);
  const contract = await factory.deploy(...args);
  await contract.waitForDeployment();
  return contract as DeployedContract;
}

/** A deployed contract whose ABI methods are called by name (ethers' dynamic members). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DeployedContract = BaseContract & Record<string, any>;
