import type { ContractTransactionReceipt } from 'ethers';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { marketParamsTuple } from '../evm/deploy/morpho-market';
import type { LiquidationMarket, MarketContracts } from './liquidation-market';
import { MORPHO_EVENTS } from './market-positions';
import type { LiquidationPlan } from './plan-liquidation';
import { revertReason } from './revert-reason';

/** What Morpho did, from its Liquidate event. */
export interface LiquidationOutcome {
  readonly txHash: string;
  readonly blockNumber: number;
  readonly seizedAssets: bigint;
  readonly repaidAssets: bigint;
  readonly badDebtAssets: bigint;
}

// Interest keeps accruing between the plan and the block that mines the liquidation.
const ALLOWANCE_MARGIN_DIVISOR = 100n;

/**
 * Sends the planned liquidation from the contracts' signer: approves Morpho for the repayment (plus
 * 1% for the interest of the blocks in between, never more than the wallet holds) when the
 * allowance is short, then calls `liquidate`. A revert comes back as LIQUIDATION_AMOUNT_INVALID
 * with Morpho's or the token's reason, so nothing is left to guess.
 */
export async function executeLiquidation(c: MarketContracts, market: LiquidationMarket, plan: LiquidationPlan, liquidator: string): Promise<LiquidationOutcome> {
  const morphoAddress = await c.morpho.getAddress();
  const wanted = plan.repaidAssets + plan.repaidAssets / ALLOWANCE_MARGIN_DIVISOR + 1n;
  const held = (await c.loanToken.balanceOf(liquidator)) as bigint;
  const allowance = (await c.loanToken.allowance(liquidator, morphoAddress)) as bigint;
  if (allowance < wanted) await (await c.loanToken.approve(morphoAddress, wanted < held ? wanted : held)).wait();
  let receipt: ContractTransactionReceipt | null;
  try {
    receipt = await (await c.morpho.liquidate(marketParamsTuple(market.params), plan.borrower, plan.seizedAssets, plan.repaidShares, '0x')).wait();
  } catch (error) {
    const reason = revertReason(error, c.morpho.interface) ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new TrestleError('LIQUIDATION_AMOUNT_INVALID', `Morpho refused the liquidation: ${reason}.`, { details: { borrower: plan.borrower }, cause: error });
  }
  if (receipt === null) throw new Error('the liquidation was sent but no receipt came back');
  for (const log of receipt.logs) {
    const parsed = log.address.toLowerCase() === morphoAddress.toLowerCase() ? MORPHO_EVENTS.parseLog(log) : null;
    if (parsed?.name === 'Liquidate') {
      return {
        txHash: receipt.hash,
        blockNumber: receipt.blockNumber,
        seizedAssets: parsed.args.getValue('seizedAssets') as bigint,
        repaidAssets: parsed.args.getValue('repaidAssets') as bigint,
        badDebtAssets: parsed.args.getValue('badDebtAssets') as bigint,
      };
    }
  }
  throw new Error(`the liquidation ${receipt.hash} was mined without a Liquidate event`);
}
