import { formatUnits, type JsonRpcProvider } from 'ethers';
import { marketContracts, type LiquidationMarket } from '@trestle/bridge/src/liquidation/liquidation-market';
import { redeemUnits, type RedeemOutcome } from '@trestle/bridge/src/liquidation/redeem-units';
import { openKeystore } from '../liquidator-wallet';

/** What a holder asks to burn: how much (base units, or all of the free balance), for whom on the ledger, from which wallet. */
export interface BurnOrder {
  readonly amount: bigint | 'all';
  readonly investor: string;
  readonly keystore: string;
  readonly passwordEnv: string;
}

/** A burn done: the gateway's numbered burn, and the lines that tell the holder what happens next. */
export interface BurnDone {
  readonly outcome: RedeemOutcome;
  readonly text: string[];
}

/**
 * Burns units of the market's token from the keystore's wallet through the gateway
 * (`burnForRedeem`), naming the investor the ledger should release them to: the way home for a
 * borrower (`bridge in`) and for a liquidator's seized units (`liquidator redeem`). The balance and
 * the gateway's pause are checked before anything is sent (redeemUnits).
 */
export async function burnForRedeem(market: LiquidationMarket, provider: JsonRpcProvider, order: BurnOrder): Promise<BurnDone> {
  const wallet = (await openKeystore(order.keystore, order.passwordEnv)).connect(provider);
  const c = marketContracts(market, wallet);
  const [symbol, decimals] = await Promise.all([c.collateral.symbol(), c.collateral.decimals()]);
  const outcome = await redeemUnits(c, wallet.address, order.amount, order.investor);
  return {
    outcome,
    text: [
      `burned ${formatUnits(outcome.amount, Number(decimals))} ${String(symbol)} for investor ${order.investor}: burn #${outcome.burnNonce} (tx ${outcome.txHash}, block ${outcome.blockNumber})`,
      'the validators attest it after their confirmations; the ledger then releases the units to the investor this wallet is bound to, or holds them in suspense if it is not bound to that investor',
    ],
  };
}
