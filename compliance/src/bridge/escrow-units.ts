import type { Holding } from '../ledger/holding';
import { addLot } from '../ledger/lots';
import { takeOldest } from '../transfers/move-units';

/**
 * The holding after `amount` of its unfrozen units go into bridge escrow: the oldest lots are
 * taken (the lockup rule already let them move), `escrowed` grows, and the investor stays a
 * beneficial owner. Throws a RangeError when the units are not there; callers check first.
 */
export function escrowUnits(holding: Holding, amount: bigint): Holding {
  if (amount <= 0n || amount > holding.balance - holding.frozen) throw new RangeError(`escrowUnits: cannot escrow ${amount} of ${holding.balance - holding.frozen} unfrozen units.`);
  return { ...holding, balance: holding.balance - amount, escrowed: holding.escrowed + amount, lots: takeOldest(holding.lots, amount) };
}

/** The holding with `amount` units back from escrow into its balance, as one lot acquired at `now`. */
export function creditReleasedUnits(holding: Holding, amount: bigint, now: number): Holding {
  return { ...holding, balance: holding.balance + amount, lots: addLot(holding.lots, amount, now) };
}

/**
 * Lowers the escrow the holdings carry by `amount`, starting with `first` (the investor whose
 * wallet burned) and then the others in the order given. Units may change hands on the EVM chain
 * (transfers, liquidations), so the burner may have bridged out fewer units than they burn; the
 * rest is taken from the other owners of escrow. Returns only the holdings that changed; throws a
 * RangeError when the holdings' escrow is short of `amount` (the caller checks the pool first).
 */
export function reduceEscrow(holdings: readonly Holding[], first: string | undefined, amount: bigint): Holding[] {
  const ordered = [...holdings.filter((h) => h.investorId === first), ...holdings.filter((h) => h.investorId !== first)];
  const changed: Holding[] = [];
  let owed = amount;
  for (const holding of ordered) {
    if (owed === 0n) break;
    if (holding.escrowed === 0n) continue;
    const taken = holding.escrowed < owed ? holding.escrowed : owed;
    changed.push({ ...holding, escrowed: holding.escrowed - taken });
    owed -= taken;
  }
  if (owed > 0n) throw new RangeError(`reduceEscrow: ${owed} units of escrow are not attributed to any holding.`);
  return changed;
}
