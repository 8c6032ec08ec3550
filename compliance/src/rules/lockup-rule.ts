import { unlockedEnoughAt, unlockedUnits } from './lot-schedule';
import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { unfrozenBalance } from './unfrozen-balance-rule';
import { duration, instant, units } from './wording';

/**
 * The amount must fit in the sender's units that are past the lockup.
 *
 * Frozen units are attributed to the newest lots first (those that unlock last), and settlement
 * moves the oldest lots first. So units that are unlocked *and* unfrozen number
 * `min(unlocked, balance - frozen)`, and the amount fits in them exactly when this rule and the
 * unfrozen-balance rule both pass: each rule reports its own shortfall, and `movableNow` in the
 * details gives the combined figure. A freeze thus never traps units it is not needed to cover.
 */
export function checkLockup(input: TransferCheckInput): RuleVerdict {
  const { amount, now } = input;
  const { balance, frozen, lots } = input.senderHolding;
  const { lockupSeconds } = input.policy;
  const unlocked = unlockedUnits(lots, balance, lockupSeconds, now);
  const unfrozen = unfrozenBalance(input);
  const movableNow = unlocked < unfrozen ? unlocked : unfrozen;
  const details = {
    amount: amount.toString(),
    balance: balance.toString(),
    unlocked: unlocked.toString(),
    frozen: frozen.toString(),
    movableNow: movableNow.toString(),
    lockupSeconds,
  };
  const past = `${unlocked} of the sender's ${units(balance)} are past the lockup of ${duration(lockupSeconds)}`;
  if (amount <= unlocked) return pass('lockup', `${past}, enough for ${amount}.`, details);
  const enoughAt = unlockedEnoughAt(lots, balance, lockupSeconds, amount);
  const when = enoughAt === undefined ? 'the sender does not hold that many even once every lot unlocks' : `enough will be unlocked at ${instant(enoughAt)}`;
  return fail('lockup', 'LOCKUP_ACTIVE', `Only ${past}, fewer than the ${amount} requested; ${when}.`, {
    ...details,
    ...(enoughAt === undefined ? {} : { unlocksEnoughAt: enoughAt }),
  });
}
