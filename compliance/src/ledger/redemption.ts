import { formatDecimalAmount } from '../policy/decimal-amount';
import type { Holding } from './holding';
import type { CashSettlement } from './legal-action';
import type { Redemption } from './legal-transition';

/**
 * Cash owed for `units` base units at `pricePerUnit` minor units per whole unit (10^decimals base
 * units), rounded down: the sum over holders never exceeds what the price implies for the whole
 * supply, and the paying agent keeps the sub-minor-unit remainders.
 */
export function cashDown(units: bigint, pricePerUnit: bigint, decimals: number): bigint {
  return (units * pricePerUnit) / 10n ** BigInt(decimals);
}

/**
 * The redemption of every unit in `holdings` (the asset's holdings, none in bridge escrow): each
 * holder's units, frozen units and cash pro rata, in investor id order. Pure, so the console can
 * show the same figures before the proposal is approved.
 */
export function redemptionOf(holdings: readonly Holding[], settlement: CashSettlement, decimals: number): Redemption {
  const holders = [...holdings]
    .sort((a, b) => (a.investorId < b.investorId ? -1 : a.investorId > b.investorId ? 1 : 0))
    .map((holding) => ({ holding, cash: cashDown(holding.balance, settlement.pricePerUnit, decimals) }));
  return {
    cashSettlement: { ...settlement, pricePerUnit: formatDecimalAmount(settlement.pricePerUnit) },
    decimals,
    unitsRetired: formatDecimalAmount(holders.reduce((sum, { holding }) => sum + holding.balance, 0n)),
    cashTotal: formatDecimalAmount(holders.reduce((sum, { cash }) => sum + cash, 0n)),
    holders: holders.map(({ holding, cash }) => ({
      investorId: holding.investorId,
      bankMsp: holding.bankMsp,
      units: formatDecimalAmount(holding.balance),
      frozen: formatDecimalAmount(holding.frozen),
      cash: formatDecimalAmount(cash),
    })),
  };
}
