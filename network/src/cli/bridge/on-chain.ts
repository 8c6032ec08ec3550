import { InvalidArgumentError } from 'commander';
import type { JsonRpcProvider } from 'ethers';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { liquidationMarketOf, type LiquidationMarket } from '@trestle/bridge/src/liquidation/liquidation-market';
import { deployedAsset, type DeployedChain } from '../deployed-chain';
import { reportFailure, type CommandOutput } from '../ledger/ledger-action';

// What the commands that act on the public chain from a wallet share (`bridge in`, `liquidator …`):
// reaching the stack's deployment, printing the answer, and reporting a failure as one line.

/** How a command reaches the chain; main.ts reads the stack's deployment, tests may point elsewhere. */
export interface ChainCommandDeps extends CommandOutput {
  readonly chain: () => Promise<DeployedChain>;
}

/** The answer of a chain command: what `--json` prints (bigints as decimal strings) and the lines a person reads. */
export interface ChainResult {
  readonly json: unknown;
  readonly text: readonly string[];
}

/**
 * Runs `work` on the deployed asset named by its token symbol (the only one when `asset` is left
 * out) and prints its answer; any failure is one line with an exit code (2 how it was called, 3 a
 * typed refusal, 1 the node out of reach). The provider is closed whatever happens.
 */
export async function onChain(
  deps: ChainCommandDeps,
  options: { readonly asset?: string; readonly json?: boolean },
  work: (market: LiquidationMarket, provider: JsonRpcProvider, deployment: DeploymentFile) => Promise<ChainResult>,
): Promise<void> {
  let provider: JsonRpcProvider | undefined;
  try {
    const chain = await deps.chain();
    provider = chain.provider;
    const market = liquidationMarketOf(chain.deployment, deployedAsset(chain.deployment, options.asset));
    const result = await work(market, provider, chain.deployment);
    if (options.json === true) deps.out(JSON.stringify(result.json, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2));
    else for (const line of result.text) deps.out(line);
  } catch (error) {
    reportFailure(deps, error, options.json === true);
  } finally {
    provider?.destroy();
  }
}

/** Commander's parser of an amount option: a whole number of base units, or "all". */
export function baseUnits(value: string): bigint | 'all' {
  if (value === 'all') return 'all';
  if (!/^[0-9]{1,78}$/.test(value)) throw new InvalidArgumentError('a whole number of base units, or "all"');
  return BigInt(value);
}
