import type { Holding } from '../ledger/holding';
import { addLot } from '../ledger/lots';
import type { Lot } from '../rules/transfer-check-input';

/** The two holdings after a move; `sender` is null when the sender is left with nothing (the holding is dropped). */
export type MovedHoldings = { readonly sender: Holding | null; readonly receiver: Holding };

/** How a move treats the sender's frozen units. */
export type FrozenUnits =
  /** A transfer: only unfrozen units move, and the freeze stays whole. */
  | 'keep'
  /** A forced transfer: frozen units go first, since the order usually executes what the freeze secured. */
  | 'take-first';

/**
 * Moves `amount` units from `sender` to `receiver` (a new holding of `receiverIds` when undefined),
 * taking the sender's lots oldest first: the lockup rule counts the oldest lots as the ones that
 * unlock first, and the frozen units as sitting in the newest. The receiver gets a new lot
 * acquired at `now` (a transfer is an acquisition: the lockup runs again for the new holder;
 * addLot bounds how many a holding keeps).
 * Throws a RangeError when the sender cannot give the amount; callers check before.
 */
export function moveUnits(
  sender: Holding,
  receiver: Holding | undefined,
  receiverIds: Pick<Holding, 'assetId' | 'investorId' | 'bankMsp'>,
  amount: bigint,
  now: number,
  frozenUnits: FrozenUnits,
): MovedHoldings {
  const movable = frozenUnits === 'keep' ? sender.balance - sender.frozen : sender.balance;
  if (amount <= 0n || amount > movable) throw new RangeError(`moveUnits: cannot move ${amount} of ${movable} movable units.`);
  const balance = sender.balance - amount;
  const frozen = frozenUnits === 'keep' ? sender.frozen : sender.frozen > amount ? sender.frozen - amount : 0n;
  const remaining: Holding = { ...sender, balance, frozen, lots: takeOldest(sender.lots, amount) };
  const base = receiver ?? { ...receiverIds, balance: 0n, frozen: 0n, escrowed: 0n, lots: [] };
  const received: Holding = { ...base, balance: base.balance + amount, lots: addLot(base.lots, amount, now) };
  return { sender: balance === 0n && sender.escrowed === 0n ? null : remaining, receiver: received };
}

/** The lots left after `amount` units are taken from the oldest; a lot taken in part keeps the rest. */
export function takeOldest(lots: readonly Lot[], amount: bigint): Lot[] {
  const byAcquisition = [...lots].sort((a, b) => a.acquiredAt - b.acquiredAt);
  const left: Lot[] = [];
  let owed = amount;
  for (const lot of byAcquisition) {
    if (owed >= lot.amount) {
      owed -= lot.amount;
      continue;
    }
    left.push({ amount: lot.amount - owed, acquiredAt: lot.acquiredAt });
    owed = 0n;
  }
  return left;
}

/** The sum of the units the holdings carry, escrow included: what every move keeps constant. */
export function unitsHeld(holdings: readonly Pick<Holding, 'balance' | 'escrowed'>[]): bigint {
  return holdings.reduce((sum, holding) => sum + holding.balance + holding.escrowed, 0n);
}
