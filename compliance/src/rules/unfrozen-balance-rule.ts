import { pass, fail, type RuleVerdict } from './rule-verdict';
import type { TransferCheckInput } from './transfer-check-input';
import { units } from './wording';

/** The sender must hold the amount outside escrow, and not frozen. */
export function checkUnfrozenBalance(input: TransferCheckInput): RuleVerdict {
  const { balance, frozen, escrowed } = input.senderHolding;
  const unfrozen = unfrozenBalance(input);
  const details = { amount: input.amount.toString(), balance: balance.toString(), frozen: frozen.toString(), unfrozen: unfrozen.toString(), escrowed: escrowed.toString() };
  if (input.amount > balance) {
    const escrow = escrowed > 0n ? `; another ${units(escrowed)} are in bridge escrow and must be bridged back before they can move` : '';
    return fail('unfrozen-balance', 'INSUFFICIENT_BALANCE', `The sender holds ${units(balance)}, fewer than the ${input.amount} requested${escrow}.`, details);
  }
  if (input.amount > unfrozen) {
    return fail('unfrozen-balance', 'BALANCE_FROZEN', `${frozen} of the sender's ${units(balance)} are frozen, so at most ${unfrozen} can move, not ${input.amount}.`, details);
  }
  return pass('unfrozen-balance', `The sender holds ${units(unfrozen)} that are not frozen, enough for ${input.amount}.`, details);
}

/** The sender's units that no freeze holds: balance minus frozen, never below zero. */
export function unfrozenBalance(input: TransferCheckInput): bigint {
  const { balance, frozen } = input.senderHolding;
  return balance > frozen ? balance - frozen : 0n;
}
