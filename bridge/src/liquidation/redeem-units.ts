import type { ContractTransactionReceipt } from 'ethers';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { MarketContracts } from './liquidation-market';
import { revertReason } from './revert-reason';

/** A numbered burn the validators will attest, so the ledger releases the units. */
export interface RedeemOutcome {
  readonly txHash: string;
  readonly blockNumber: number;
  readonly burnNonce: bigint;
  readonly amount: bigint;
  readonly fabricInvestorRef: string;
}

/**
 * Burns units from the signer's wallet through the gateway (`burnForRedeem`) so they come home on
 * the ledger to `investorId`: the ledger releases them to that investor only if this wallet is bound
 * to them there, and holds them in suspense otherwise. Checks the free balance (units minus frozen)
 * and the gateway's pause before sending; any other refusal comes back with the gateway's reason.
 */
export async function redeemUnits(c: MarketContracts, wallet: string, amount: bigint | 'all', investorId: string): Promise<RedeemOutcome> {
  const token = await c.collateral.getAddress();
  const balance = (await c.collateral.balanceOf(wallet)) as bigint;
  const frozen = (await c.collateral.getFrozenTokens(wallet)) as bigint;
  const free = balance - frozen;
  const units = amount === 'all' ? free : amount;
  if (units <= 0n || units > free) {
    throw new TrestleError('REDEEM_AMOUNT_INVALID', 'The units to redeem must be more than zero and at most the wallet\'s free balance (units held minus frozen).', {
      details: { wallet, requested: units.toString(), balance: balance.toString(), frozen: frozen.toString() },
    });
  }
  if ((await c.gateway.paused()) as boolean) {
    throw new TrestleError('REDEEM_REFUSED', 'The bridge gateway is paused: no units are burned for redemption until the consortium unpauses it.', { details: { wallet } });
  }
  const ref = investorRef(investorId);
  let receipt: ContractTransactionReceipt | null;
  try {
    receipt = await (await c.gateway.burnForRedeem(token, units, ref)).wait();
  } catch (error) {
    const reason = revertReason(error, c.gateway.interface) ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
    throw new TrestleError('REDEEM_REFUSED', `The gateway refused the burn: ${reason}.`, { details: { wallet, amount: units.toString() }, cause: error });
  }
  if (receipt === null) throw new Error('the burn was sent but no receipt came back');
  const gatewayAddress = (await c.gateway.getAddress()).toLowerCase();
  for (const log of receipt.logs) {
    const parsed = log.address.toLowerCase() === gatewayAddress ? c.gateway.interface.parseLog(log) : null;
    if (parsed?.name === 'BurnedForRedeem') {
      return { txHash: receipt.hash, blockNumber: receipt.blockNumber, burnNonce: parsed.args.getValue('burnNonce') as bigint, amount: units, fabricInvestorRef: ref };
    }
  }
  throw new Error(`the burn ${receipt.hash} was mined without a BurnedForRedeem event`);
}
