import type { InvestorSnapshot, TransferCheckInput } from './transfer-check-input';

/** One side of a transfer; per-party rules run once for each. */
export type Side = 'sender' | 'receiver';

/** The investor on `side`. */
export function partyOf(input: TransferCheckInput, side: Side): InvestorSnapshot {
  return side === 'sender' ? input.sender : input.receiver;
}

/** An amount for a sentence: "1 unit", "2500 units" (no separators: the same on every locale). */
export function units(amount: bigint): string {
  return `${amount} ${amount === 1n ? 'unit' : 'units'}`;
}

const DAY_SECONDS = 86_400;

/** A duration for a sentence: "7776000 seconds (90 days)"; whole days are named, as policies are written in them. */
export function duration(seconds: number): string {
  const days = seconds / DAY_SECONDS;
  return Number.isInteger(days) && days > 0 ? `${seconds} seconds (${days} ${days === 1 ? 'day' : 'days'})` : `${seconds} seconds`;
}

// Date covers ±8.64e15 ms; beyond that an instant can only be given in seconds.
const MAX_DATE_SECONDS = 8_640_000_000_000;

/** An instant for a sentence: ISO 8601 UTC to the second, then the Unix seconds the ledger stores. */
export function instant(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || Math.abs(seconds) > MAX_DATE_SECONDS) return `Unix time ${seconds}`;
  return `${new Date(seconds * 1000).toISOString().replace('.000Z', 'Z')} (Unix ${seconds})`;
}

// Beyond this a list would drown the sentence; the policy holds the full list.
const MAX_LISTED = 8;

/** A set for a sentence, sorted: "CH, DE and LI"; a long one only counted: "180 jurisdictions". */
export function listed(items: readonly string[], noun: string): string {
  if (items.length === 0) return `no ${noun}`;
  return items.length > MAX_LISTED ? `${items.length} ${noun}` : joined([...items].sort());
}

/** Phrases joined in their order: "a", "a and b", "a, b and c". */
export function joined(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}
