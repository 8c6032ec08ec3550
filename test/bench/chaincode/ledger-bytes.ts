import type { StoreSize } from '../../src/bench-report';
import type { PrivateState, RecordedEvent, StubContext, WorldState } from '@trestle/chaincode/src/testing/stub-context';

/** What one transaction hands the ledger, as Fabric would record it. */
export interface TransactionBytes {
  /** Public write set: UTF-8 key plus value of each key's last write; a delete counts its key only. */
  readonly writeSetBytes: number;
  /** Keys whose last write in the transaction puts a value. */
  readonly keysWritten: number;
  /** Keys whose last write in the transaction deletes them. */
  readonly keysDeleted: number;
  /** Private data written (key plus value, deletes and purges by key), which goes to the collection's peers; the block carries only hashes of it. */
  readonly privateWriteSetBytes: number;
  /** Name plus payload of the transaction's event; 0 when it set none. */
  readonly eventBytes: number;
}

/** UTF-8 bytes of a state key (composite keys carry U+0000 separators, one byte each). */
function keyBytes(key: string): number {
  return Buffer.byteLength(key, 'utf8');
}

/** Keys and bytes of a world state (or one private collection). */
export function storeSize(store: ReadonlyMap<string, Uint8Array>): StoreSize {
  let bytes = 0;
  for (const [key, value] of store) bytes += keyBytes(key) + value.length;
  return { keys: store.size, bytes };
}

/** Keys and bytes over every private collection. */
export function privateStoreSize(privateState: PrivateState): StoreSize {
  let keys = 0;
  let bytes = 0;
  for (const collection of privateState.values()) {
    const size = storeSize(collection);
    keys += size.keys;
    bytes += size.bytes;
  }
  return { keys, bytes };
}

/**
 * Bytes of a write set given each key's last write (`null` for a delete): Fabric's read-write set
 * keeps one entry per key, so a key put twice in a transaction is counted once, at its last value.
 */
export function writeSetBytes(lastWrites: ReadonlyMap<string, Uint8Array | null>): { bytes: number; written: number; deleted: number } {
  let bytes = 0;
  let written = 0;
  let deleted = 0;
  for (const [key, value] of lastWrites) {
    bytes += keyBytes(key) + (value?.length ?? 0);
    if (value === null) deleted += 1;
    else written += 1;
  }
  return { bytes, written, deleted };
}

/**
 * Bytes of the event a transaction leaves in its block: Fabric keeps only the last `setEvent` of a
 * transaction (the stub records every call), so only that one counts.
 */
export function eventBytes(events: readonly RecordedEvent[]): number {
  const last = events.at(-1);
  return last === undefined ? 0 : Buffer.byteLength(last.name, 'utf8') + last.payload.length;
}

/**
 * Watches the writes of one stub transaction, for the bench only: wraps its stub's put and delete
 * calls (public and private) on this instance, leaving what they do unchanged, and returns a
 * function that reads the transaction's bytes once the contract call has returned.
 */
export function recordWrites(transaction: StubContext): () => TransactionBytes {
  const { stub } = transaction;
  const publicWrites = new Map<string, Uint8Array | null>();
  // Per collection: the same key in two collections is two entries.
  const privateWrites = new Map<string, Map<string, Uint8Array | null>>();
  const privateIn = (collection: string): Map<string, Uint8Array | null> => {
    const writes = privateWrites.get(collection) ?? new Map<string, Uint8Array | null>();
    privateWrites.set(collection, writes);
    return writes;
  };
  const put = stub.putState.bind(stub);
  const remove = stub.deleteState.bind(stub);
  const putPrivate = stub.putPrivateData.bind(stub);
  const removePrivate = stub.deletePrivateData.bind(stub);
  const purgePrivate = stub.purgePrivateData.bind(stub);
  stub.putState = async (key, value) => {
    await put(key, value);
    publicWrites.set(key, Uint8Array.from(value));
  };
  stub.deleteState = async (key) => {
    await remove(key);
    publicWrites.set(key, null);
  };
  stub.putPrivateData = async (collection, key, value) => {
    await putPrivate(collection, key, value);
    privateIn(collection).set(key, Uint8Array.from(value));
  };
  stub.deletePrivateData = async (collection, key) => {
    await removePrivate(collection, key);
    privateIn(collection).set(key, null);
  };
  stub.purgePrivateData = async (collection, key) => {
    await purgePrivate(collection, key);
    privateIn(collection).set(key, null);
  };
  return () => {
    const publicSet = writeSetBytes(publicWrites);
    return {
      writeSetBytes: publicSet.bytes,
      keysWritten: publicSet.written,
      keysDeleted: publicSet.deleted,
      privateWriteSetBytes: [...privateWrites.values()].reduce((sum, writes) => sum + writeSetBytes(writes).bytes, 0),
      eventBytes: eventBytes(transaction.events),
    };
  };
}

/** The world state's and the private collections' sizes now. */
export function ledgerSize(worldState: WorldState, privateState: PrivateState): { state: StoreSize; privateState: StoreSize } {
  return { state: storeSize(worldState), privateState: privateStoreSize(privateState) };
}
