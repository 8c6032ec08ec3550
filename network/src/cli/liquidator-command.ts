import { Command, InvalidArgumentError } from 'commander';
import { formatUnits, getAddress, isAddress } from 'ethers';
import { executeLiquidation } from '@trestle/bridge/src/liquidation/execute-liquidation';
import { marketContracts, type MarketContracts } from '@trestle/bridge/src/liquidation/liquidation-market';
import { openPositions, type BorrowerPosition } from '@trestle/bridge/src/liquidation/market-positions';
import { ORACLE_PRICE_SCALE } from '@trestle/bridge/src/liquidation/morpho-math';
import { planLiquidation } from '@trestle/bridge/src/liquidation/plan-liquidation';
import { stackFromEnv } from '../stack/stack-config';
import { burnForRedeem } from './bridge/burn-for-redeem';
import { baseUnits, onChain, type ChainCommandDeps } from './bridge/on-chain';
import { deployedChain } from './deployed-chain';
import { openKeystore } from './liquidator-wallet';

/** How the command reaches the chain; main.ts reads the stack's deployment, tests may point elsewhere. */
export type LiquidatorDeps = ChainCommandDeps;

type Common = { asset?: string; json?: boolean };
type Signed = Common & { keystore: string; passwordEnv: string };

/** Token symbols and decimals, to print amounts the way people read them. */
interface Units {
  readonly collateral: { symbol: string; decimals: number };
  readonly loan: { symbol: string; decimals: number };
}

async function unitsOf(c: MarketContracts): Promise<Units> {
  const [cs, cd, ls, ld] = await Promise.all([c.collateral.symbol(), c.collateral.decimals(), c.loanToken.symbol(), c.loanToken.decimals()]);
  return { collateral: { symbol: String(cs), decimals: Number(cd) }, loan: { symbol: String(ls), decimals: Number(ld) } };
}

const amount = (value: bigint, unit: { symbol: string; decimals: number }): string => `${formatUnits(value, unit.decimals)} ${unit.symbol}`;
const percent = (wad: bigint | undefined): string => (wad === undefined ? 'n/a' : `${formatUnits((wad * 10_000n) / 10n ** 18n, 2)}%`);

function address(value: string): string {
  if (!isAddress(value)) throw new InvalidArgumentError('a 0x address');
  return getAddress(value);
}

function positionLine(p: BorrowerPosition, units: Units): string {
  return `${p.borrower}  ${p.healthy ? 'healthy  ' : 'UNHEALTHY'}  collateral ${amount(p.collateral, units.collateral)}  debt ${amount(p.borrowed, units.loan)}  max ${amount(p.maxBorrow, units.loan)}  LTV ${percent(p.ltv)}`;
}

/**
 * `trestle liquidator positions|liquidate|redeem`: what a permitted liquidator does on the public
 * chain (issue 8): find unhealthy Morpho positions of an asset's market, liquidate one from a
 * wallet the consortium verified, and burn the seized units through the gateway so the validators
 * bring them home to the liquidator's investor record on the ledger.
 */
export function liquidatorCommand(deps: LiquidatorDeps): Command {
  const command = new Command('liquidator').description("a permitted liquidator's commands on the public chain: positions, liquidate, redeem");
  const assetOption = ['--asset <symbol>', 'the asset by token symbol (default: the only deployed asset)'] as const;

  command
    .command('positions')
    .description("every open position of the asset's Morpho market, unhealthy first, valued at the oracle's price with interest to the latest block")
    .option(...assetOption)
    .option('--json', 'print JSON')
    .action((options: Common) =>
      onChain(deps, options, async (market, provider) => {
        const c = marketContracts(market, provider);
        const [{ snapshot, positions }, units] = await Promise.all([openPositions(c, market, provider), unitsOf(c)]);
        const pricePerUnit = (snapshot.price * 10n ** BigInt(units.collateral.decimals)) / ORACLE_PRICE_SCALE;
        const head = `market ${market.marketId.slice(0, 10)}… ${units.collateral.symbol}/${units.loan.symbol}, LLTV ${percent(snapshot.lltv)}, price ${amount(pricePerUnit, units.loan)} per ${units.collateral.symbol}, block ${snapshot.blockNumber}`;
        const lines = positions.length === 0 ? ['no open positions'] : positions.map((p) => positionLine(p, units));
        return { json: { marketId: market.marketId, blockNumber: snapshot.blockNumber, price: snapshot.price, lltv: snapshot.lltv, positions }, text: [head, ...lines] };
      }),
    );

  command
    .command('liquidate')
    .description("liquidate an unhealthy position: checks health, amount, the wallet's verification and funds before sending, then approves and calls Morpho")
    .argument('<borrower>', "the borrower's address", address)
    .option('--seize <units>', 'collateral base units to seize, or "all" (repays the whole debt when the collateral is worth more)', baseUnits, 'all' as const)
    .requiredOption('--keystore <file>', "the liquidator wallet's encrypted keystore (JSON); the wallet must be verified on the token")
    .requiredOption('--password-env <var>', 'the environment variable holding the keystore password')
    .option('--dry-run', 'print the plan and send nothing')
    .option(...assetOption)
    .option('--json', 'print JSON')
    .action((borrower: string, options: Signed & { seize: bigint | 'all'; dryRun?: boolean }) =>
      onChain(deps, options, async (market, provider) => {
        const wallet = (await openKeystore(options.keystore, options.passwordEnv)).connect(provider);
        const c = marketContracts(market, wallet);
        const units = await unitsOf(c);
        const plan = await planLiquidation(c, market, provider, wallet.address, borrower, options.seize);
        const planned = `plan: seize ${plan.seizedAssets === 0n ? 'what repaying the whole debt buys' : amount(plan.seizedAssets, units.collateral)}, repay about ${amount(plan.repaidAssets, units.loan)} (position LTV ${percent(plan.position.ltv)} over LLTV ${percent(plan.snapshot.lltv)})`;
        if (options.dryRun === true) return { json: { plan }, text: [planned, 'dry run: nothing sent'] };
        const done = await executeLiquidation(c, market, plan, wallet.address);
        return {
          json: { plan, outcome: done },
          text: [
            planned,
            `liquidated ${plan.borrower}: seized ${amount(done.seizedAssets, units.collateral)}, repaid ${amount(done.repaidAssets, units.loan)}${done.badDebtAssets > 0n ? `, bad debt ${amount(done.badDebtAssets, units.loan)} booked to lenders` : ''} (tx ${done.txHash}, block ${done.blockNumber})`,
            'bring the units home with: npm run trestle -- liquidator redeem --investor <your investor id> --amount all --keystore … --password-env …',
          ],
        };
      }),
    );

  command
    .command('redeem')
    .description('burn units from the wallet through the bridge gateway; the validators attest the burn and the ledger releases the units to the investor this wallet is bound to')
    .requiredOption('--investor <id>', 'your investor id on the ledger (the wallet must be bound to it there, or the units wait in suspense)')
    .option('--amount <units>', 'base units to burn, or "all" of the free balance', baseUnits, 'all' as const)
    .requiredOption('--keystore <file>', "the wallet's encrypted keystore (JSON)")
    .requiredOption('--password-env <var>', 'the environment variable holding the keystore password')
    .option(...assetOption)
    .option('--json', 'print JSON')
    .action((options: Signed & { investor: string; amount: bigint | 'all' }) =>
      onChain(deps, options, async (market, provider) => {
        const burned = await burnForRedeem(market, provider, options);
        return { json: burned.outcome, text: burned.text };
      }),
    );
  return command;
}

/** The command as the CLI runs it: the stack's deployment from TRESTLE_HOME. */
export function liquidatorCommandForStack(): Command {
  return liquidatorCommand({
    chain: () => deployedChain(stackFromEnv()),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    setExitCode: (code) => (process.exitCode = code),
  });
}
