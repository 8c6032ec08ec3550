import type { Context } from 'fabric-contract-api';
import type { HistoryEntry } from '@trestle/compliance/src/ledger/ledger-page';
import { decodeJson } from './state';

/**
 * Every version of the record at `key`, newest first (Fabric 2.x's order), each read by `parse`.
 * Needs the peer's history database (`core.ledger.history.enableHistoryDatabase`, on by default).
 * For evaluate transactions only: Fabric does not re-check history reads at commit.
 */
export async function keyHistory<T>(ctx: Context, key: string, parse: (value: unknown) => T): Promise<HistoryEntry<T>[]> {
  const entries: HistoryEntry<T>[] = [];
  for await (const modification of ctx.stub.getHistoryForKey(key)) {
    // Typed as Long, but fabric-shim hands over protobuf's toObject(), a plain number: Number() reads both.
    const { seconds, nanos } = modification.timestamp;
    const timestamp = new Date(Number(seconds) * 1000 + Math.floor(nanos / 1_000_000)).toISOString();
    const record = modification.isDelete ? null : parse(decodeJson(modification.value));
    entries.push({ txId: modification.txId, timestamp, isDelete: modification.isDelete, record });
  }
  return entries;
}
