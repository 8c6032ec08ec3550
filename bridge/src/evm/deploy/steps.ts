import { Contract, type ContractRunner, type ContractTransactionReceipt, type ContractTransactionResponse, type InterfaceAbi } from 'ethers';
import type { Artifact } from '../../compile/compile';
import type { DeployedContract } from '../deploy-contract';

/** One deployment transaction reverted, was refused, or was mined without a receipt. */
export class DeploymentStepFailedError extends Error {
  readonly code = 'DEPLOYMENT_STEP_FAILED';
  constructor(
    readonly step: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? (cause as Error & { shortMessage?: string }).shortMessage ?? cause.message : String(cause);
    super(`Deployment step "${step}" failed: ${reason}. Earlier steps stay on-chain; redeploy from a fresh deployer.`, { cause });
    this.name = 'DeploymentStepFailedError';
  }
}

/** Sends one deployment transaction, waits for it and returns its receipt; any failure names the step. */
export async function mined(step: string, sent: Promise<ContractTransactionResponse>): Promise<ContractTransactionReceipt> {
  try {
    const receipt = await (await sent).wait();
    if (!receipt || receipt.status !== 1) throw new Error('no successful receipt');
    return receipt;
  } catch (cause) {
    throw new DeploymentStepFailedError(step, cause);
  }
}

/** An already deployed contract, by artifact and address, with ethers' dynamic members. */
export function attach(artifact: Artifact, address: string, runner: ContractRunner): DeployedContract {
  return new Contract(address, artifact.abi as InterfaceAbi, runner) as unknown as DeployedContract;
}
