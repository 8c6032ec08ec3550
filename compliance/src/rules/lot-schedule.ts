import type { Lot } from './transfer-check-input';

/**
 * How many of `balance` units are past the lockup at `now`. A lot is unlocked from the second
 * `acquiredAt + lockupSeconds` on (the subtraction below avoids adding past 2^53). Lot amounts
 * below zero count as zero, and the total never exceeds `balance`: lots that do not match the
 * balance can only make fewer units movable, never more.
 */
export function unlockedUnits(lots: readonly Lot[], balance: bigint, lockupSeconds: number, now: number): bigint {
  let unlocked = 0n;
  for (const lot of lots) if (now - lot.acquiredAt >= lockupSeconds && lot.amount > 0n) unlocked += lot.amount;
  return clamp(unlocked, balance);
}

/**
 * The first second at which at least `amount` units are unlocked, or undefined when the lots never
 * add up to that much. Lots are taken in acquisition order, whatever order they came in.
 */
export function unlockedEnoughAt(lots: readonly Lot[], balance: bigint, lockupSeconds: number, amount: bigint): number | undefined {
  const byAcquisition = [...lots].sort((a, b) => a.acquiredAt - b.acquiredAt);
  let unlocked = 0n;
  for (const lot of byAcquisition) {
    if (lot.amount > 0n) unlocked += lot.amount;
    if (clamp(unlocked, balance) >= amount) return lot.acquiredAt + lockupSeconds;
  }
  return undefined;
}

function clamp(units: bigint, balance: bigint): bigint {
  if (units > balance) return balance > 0n ? balance : 0n;
  return units;
}
