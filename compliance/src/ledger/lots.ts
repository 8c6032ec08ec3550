import type { Lot } from '../rules/transfer-check-input';

/**
 * Most lots a holding keeps. Every acquisition adds a lot, and the whole list is rewritten (and
 * carried in events) on each move, so a holder who receives often would grow without bound: past
 * MAX_LOTS (10,000, the most a record may list) the holding could not even be read any more. 1,000
 * keeps a holding record under about 45 KiB.
 */
export const LOT_LIMIT = 1_000;

/**
 * `lots` with `amount` units acquired at `acquiredAt` added. Units acquired at the same second as
 * the newest lot join it (no information lost). Past LOT_LIMIT the two oldest lots become one,
 * dated at the later of the two: those units can only unlock later than they would have, never
 * earlier, whatever lockup a policy sets now or later, and they stay the oldest units, the first a
 * move takes. Under lockups of weeks or months the oldest of a thousand lots are long unlocked.
 */
export function addLot(lots: readonly Lot[], amount: bigint, acquiredAt: number): Lot[] {
  const newest = lots.at(-1);
  if (newest !== undefined && newest.acquiredAt === acquiredAt) return [...lots.slice(0, -1), { amount: newest.amount + amount, acquiredAt }];
  const added = [...lots, { amount, acquiredAt }];
  if (added.length <= LOT_LIMIT) return added;
  const [oldest, next, ...rest] = [...added].sort((a, b) => a.acquiredAt - b.acquiredAt);
  if (oldest === undefined || next === undefined) return added;
  return [{ amount: oldest.amount + next.amount, acquiredAt: next.acquiredAt }, ...rest];
}
