import { childPath } from '../policy/problem-list';
import { RecordReader } from '../policy/record-reader';
import type { Lot, SenderHolding } from './transfer-check-input';

/** The fields of a sender holding in JSON. */
export const SENDER_HOLDING_FIELDS = ['balance', 'frozen', 'escrowed', 'lots'] as const;

/** Most lots one holding may list: keeps a "what if" check, and the rule's work, bounded. */
export const MAX_LOTS = 10_000;

/**
 * Reads the sender's holding through `reader`, opened on it with `SENDER_HOLDING_FIELDS`. Its lots
 * must add up to its balance, and the frozen units must not exceed it.
 */
export function readSenderHolding(reader: RecordReader): SenderHolding {
  const lotsPath = childPath(reader.path, 'lots');
  const holding: SenderHolding = {
    balance: reader.amount('balance'),
    frozen: reader.amount('frozen'),
    escrowed: reader.amount('escrowed'),
    lots: reader.array('lots', MAX_LOTS).map((lot, index) => readLot(RecordReader.open(lot, childPath(lotsPath, index), ['amount', 'acquiredAt'], reader.problems))),
  };
  if (reader.problems.touches(reader.path)) return holding;
  const total = holding.lots.reduce((sum, lot) => sum + lot.amount, 0n);
  if (total !== holding.balance) reader.problems.add(lotsPath, `must add up to the balance ${holding.balance}, but add up to ${total}`);
  if (holding.frozen > holding.balance) reader.problems.add(childPath(reader.path, 'frozen'), `must not exceed the balance ${holding.balance}`);
  return holding;
}

function readLot(reader: RecordReader): Lot {
  return { amount: reader.amount('amount', true), acquiredAt: reader.integer('acquiredAt', 0) };
}
