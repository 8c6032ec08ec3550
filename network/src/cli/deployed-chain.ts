import type { JsonRpcProvider } from 'ethers';
import { readDeployment, type DeployedAsset, type DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { StackConfig } from '../stack/stack-config';

/** The stack's deployment and a provider on the node it was deployed to. */
export interface DeployedChain {
  readonly deployment: DeploymentFile;
  readonly provider: JsonRpcProvider;
}

/** Reads the stack's deployment and checks its node answers; CLI_INPUT_INVALID or CLI_LEDGER_UNAVAILABLE say what to run. */
export async function deployedChain(stack: StackConfig): Promise<DeployedChain> {
  const deployment = readDeployment(stack.home);
  if (deployment === undefined) throw new TrestleError('CLI_INPUT_INVALID', `No deployment under ${stack.home}; run "npm start" (or "npm run trestle -- deploy") first.`);
  const provider = localProvider(deployment.rpcUrl);
  const chainId = await provider.send('eth_chainId', []).catch(() => undefined);
  if (chainId === undefined || BigInt(chainId as string) !== BigInt(deployment.chainId)) {
    provider.destroy();
    throw new TrestleError('CLI_LEDGER_UNAVAILABLE', `The EVM node at ${deployment.rpcUrl} does not answer as chain ${deployment.chainId}; start it with "npm start".`);
  }
  return { deployment, provider };
}

/** The deployed asset named by its token symbol, or the only one when no symbol is given. */
export function deployedAsset(deployment: DeploymentFile, symbol: string | undefined): DeployedAsset {
  const symbols = deployment.assets.map((asset) => asset.symbol).join(', ') || 'none';
  if (symbol === undefined) {
    const [only, ...others] = deployment.assets;
    if (only !== undefined && others.length === 0) return only;
    throw new TrestleError('CLI_INPUT_INVALID', `Name the asset with --asset <symbol> (deployed: ${symbols}).`);
  }
  const asset = deployment.assets.find((candidate) => candidate.symbol === symbol);
  if (asset === undefined) throw new TrestleError('CLI_INPUT_INVALID', `No deployed asset with symbol ${symbol} (deployed: ${symbols}).`);
  return asset;
}
