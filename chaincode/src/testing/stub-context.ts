import './quiet-fabric-logs';
import { createHash } from 'node:crypto';
import { Context } from 'fabric-contract-api';
import { ClientIdentity, type ChaincodeStub, type Iterators, type StateQueryResponse } from 'fabric-shim';
import type Long from 'long';
import { iterable, timestampOf } from './stub-iterators';

/**
 * An in-memory stand-in for the chaincode context of one transaction, for unit tests of contract
 * logic. It is not a Fabric network: no endorsement, no MVCC, no policies. What it keeps from the
 * real thing:
 *
 * - composite keys built as fabric-shim builds them (U+0000 before the type and after each part);
 * - reads see the world state as it was when the transaction started (no read-your-writes), and
 *   range scans return keys in UTF-8 byte order, as LevelDB does;
 * - the client identity is fabric-shim's own `ClientIdentity`, parsed from a real certificate.
 *
 * - key history (`getHistoryForKey`), newest first as Fabric 2.x returns it;
 * - private data in implicit org collections (`_implicit_org_<MSP>`), which Fabric defines
 *   without memberOnlyRead or memberOnlyWrite: any client can read and write them through a peer
 *   that holds them, so only the chaincode's own checks keep another org out. The stub is such a
 *   peer, holding every collection. `getPrivateDataHash` is the SHA-256 of the value, as on a
 *   peer. A deleted key's earlier values stay in the peer's private store (`privateVersionsOf`);
 *   a purged key's are gone. Any other collection name is refused: the chaincode defines none;
 * - the transient map of the proposal (`getTransient`);
 * - paginated partial-key queries with Fabric's bookmark (the next key, "" after the last), and
 *   the simulator's rule that a transaction either pages or writes, never both.
 *
 * One deliberate difference: writes land in the shared maps at once, even when the transaction
 * then throws (Fabric would drop them), so a test comparing the ledger before and after a refused
 * transaction (`snapshotLedger`) sees every write the contract made. Every `setEvent` call is
 * recorded, although Fabric keeps only the last, so tests can check there is exactly one.
 *
 * History and private data belong to the world-state map they were written with (kept beside it
 * in a WeakMap), so transactions that share `worldState` share them, and existing tests need
 * nothing new.
 */

/** An identity to submit as: its org's MSP id and its PEM certificate. */
export type TestIdentity = { readonly mspId: string; readonly certificate: string };

/** The world state: state key to value bytes. */
export type WorldState = Map<string, Uint8Array>;

/** One `setEvent` call. */
export type RecordedEvent = { readonly name: string; readonly payload: Uint8Array };

/** Private data: collection name to key to value. */
export type PrivateState = Map<string, Map<string, Uint8Array>>;

/** Every value a private key has held and not had purged: what a peer's private store keeps. */
export type PrivateVersions = Map<string, Map<string, Uint8Array[]>>;

/** One write of a key, as `getHistoryForKey` reports it. */
export type KeyWrite = { readonly txId: string; readonly timestamp: Date; readonly isDelete: boolean; readonly value: Uint8Array };

/** Everything a transaction can change, copied, to compare before and after. */
export type LedgerSnapshot = {
  readonly worldState: WorldState;
  readonly privateState: PrivateState;
  readonly privateVersions: PrivateVersions;
  readonly history: Map<string, KeyWrite[]>;
};

export type StubContextOptions = {
  readonly identity: TestIdentity;
  /** Shared between the transactions of one test; a fresh empty map when left out. */
  readonly worldState?: WorldState;
  readonly txTimestamp?: Date;
  readonly txId?: string;
  readonly channelId?: string;
  /** Function name then arguments, as `getBufferArgs()` returns them to fabric-shim's dispatcher. */
  readonly args?: readonly string[];
  /** The proposal's transient map; strings are sent as UTF-8. */
  readonly transient?: Readonly<Record<string, string | Uint8Array>>;
};

export type StubContext = {
  readonly ctx: Context;
  readonly stub: StubChaincodeStub;
  readonly worldState: WorldState;
  readonly events: RecordedEvent[];
};

// fabric-shim's composite key: U+0000, the object type, then U+0000 after the type and each part.
const COMPOSITE_KEY_NAMESPACE = '\u0000';
const MIN_UNICODE = '\u0000';
const MAX_UNICODE = '\u{10ffff}';
const DEFAULT_TX_TIMESTAMP = new Date('2026-03-01T10:00:00.000Z');
const IMPLICIT_COLLECTION_PREFIX = '_implicit_org_';

type Extras = { readonly privateState: PrivateState; readonly privateVersions: PrivateVersions; readonly history: Map<string, KeyWrite[]> };
const EXTRAS = new WeakMap<WorldState, Extras>();

function extrasOf(worldState: WorldState): Extras {
  let extras = EXTRAS.get(worldState);
  if (extras === undefined) {
    extras = { privateState: new Map(), privateVersions: new Map(), history: new Map() };
    EXTRAS.set(worldState, extras);
  }
  return extras;
}

/** A chaincode context for one transaction submitted by `options.identity`. */
export function stubContext(options: StubContextOptions): StubContext {
  const worldState = options.worldState ?? new Map();
  const stub = new StubChaincodeStub(worldState, options);
  const ctx = new Context();
  // The stub implements the part of ChaincodeStub contracts use; a missing method fails loudly
  // as "ctx.stub.x is not a function" rather than being faked.
  ctx.stub = stub as unknown as ChaincodeStub;
  ctx.clientIdentity = new ClientIdentity(ctx.stub);
  return { ctx, stub, worldState, events: stub.events };
}

/** The identity id fabric-shim derives for `identity` (what `ctx.clientIdentity.getID()` returns). */
export function identityIdOf(identity: TestIdentity): string {
  return stubContext({ identity }).ctx.clientIdentity.getID();
}

/** A copy of the world state to compare with a later one. */
export function snapshot(worldState: WorldState): WorldState {
  return new Map([...worldState].map(([key, value]) => [key, Uint8Array.from(value)]));
}

/** The private data written with `worldState`, live. */
export function privateStateOf(worldState: WorldState): PrivateState {
  return extrasOf(worldState).privateState;
}

/** Every private value written with `worldState` and not purged, live (see the file comment). */
export function privateVersionsOf(worldState: WorldState): PrivateVersions {
  return extrasOf(worldState).privateVersions;
}

/** A copy of the world state, private data and key history, to compare with a later one. */
export function snapshotLedger(worldState: WorldState): LedgerSnapshot {
  const { privateState, privateVersions, history } = extrasOf(worldState);
  return {
    worldState: snapshot(worldState),
    privateState: new Map([...privateState].map(([collection, values]) => [collection, snapshot(values)])),
    privateVersions: new Map([...privateVersions].map(([collection, keys]) => [collection, new Map([...keys].map(([key, values]) => [key, values.map((v) => Uint8Array.from(v))]))])),
    history: new Map([...history].map(([key, writes]) => [key, [...writes]])),
  };
}

/**
 * An independent ledger with the same world state, private data and key history as `worldState`:
 * what `snapshot` copies plus what lives beside it, so transactions on the copy can read the
 * original's private data and never touch the original.
 */
export function copyLedger(worldState: WorldState): WorldState {
  const { worldState: copy, privateState, privateVersions, history } = snapshotLedger(worldState);
  EXTRAS.set(copy, { privateState, privateVersions, history });
  return copy;
}

/** The in-memory ChaincodeStub behind `stubContext`. */
export class StubChaincodeStub {
  readonly events: RecordedEvent[] = [];
  readonly #worldState: WorldState;
  readonly #extras: Extras;
  readonly #committed: WorldState;
  readonly #committedPrivate: PrivateState;
  readonly #committedHistory: Map<string, KeyWrite[]>;
  readonly #options: StubContextOptions;
  // Fabric's simulator lets a transaction either run paginated queries or write, not both.
  #wrote = false;
  #paged = false;

  constructor(worldState: WorldState, options: StubContextOptions) {
    this.#worldState = worldState;
    this.#extras = extrasOf(worldState);
    const copy = snapshotLedger(worldState);
    this.#committed = copy.worldState;
    this.#committedPrivate = copy.privateState;
    this.#committedHistory = copy.history;
    this.#options = options;
  }

  getTxID(): string {
    return this.#options.txId ?? 'stub-tx';
  }

  getChannelID(): string {
    return this.#options.channelId ?? 'rwa';
  }

  getCreator(): { mspid: string; idBytes: Uint8Array } {
    return { mspid: this.#options.identity.mspId, idBytes: Buffer.from(this.#options.identity.certificate, 'utf8') };
  }

  getBufferArgs(): Buffer[] {
    return (this.#options.args ?? []).map((arg) => Buffer.from(arg, 'utf8'));
  }

  getFunctionAndParameters(): { fcn: string; params: string[] } {
    const [fcn = '', ...params] = this.#options.args ?? [];
    return { fcn, params };
  }

  getTransient(): Map<string, Uint8Array> {
    return new Map(Object.entries(this.#options.transient ?? {}).map(([key, value]) => [key, typeof value === 'string' ? Buffer.from(value, 'utf8') : Uint8Array.from(value)]));
  }

  getTxTimestamp(): { seconds: Long; nanos: number } {
    return timestampOf(this.getDateTimestamp());
  }

  getDateTimestamp(): Date {
    return new Date(this.#options.txTimestamp ?? DEFAULT_TX_TIMESTAMP);
  }

  async getState(key: string): Promise<Uint8Array> {
    const value = this.#committed.get(key);
    return value === undefined ? new Uint8Array(0) : Uint8Array.from(value);
  }

  async putState(key: string, value: Uint8Array): Promise<void> {
    if (key.length === 0) throw new Error('key must not be an empty string');
    this.#write();
    this.#worldState.set(key, Uint8Array.from(value));
    this.#recordHistory(key, false, value);
  }

  async deleteState(key: string): Promise<void> {
    this.#write();
    this.#worldState.delete(key);
    this.#recordHistory(key, true, new Uint8Array(0));
  }

  getHistoryForKey(key: string): Promise<Iterators.HistoryQueryIterator> & AsyncIterable<Iterators.KeyModification> {
    const writes = [...(this.#committedHistory.get(key) ?? [])].reverse();
    return iterable(writes.map((write): Iterators.KeyModification => ({ txId: write.txId, timestamp: timestampOf(write.timestamp), isDelete: write.isDelete, value: Uint8Array.from(write.value) })));
  }

  async getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    checkPrivateAccess(collection, key);
    const value = this.#committedPrivate.get(collection)?.get(key);
    return value === undefined ? new Uint8Array(0) : Uint8Array.from(value);
  }

  async getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    checkPrivateAccess(collection, key);
    const value = this.#committedPrivate.get(collection)?.get(key);
    return value === undefined ? new Uint8Array(0) : createHash('sha256').update(value).digest();
  }

  async putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void> {
    checkPrivateAccess(collection, key);
    if (value === undefined || value.length === 0) throw new Error('value must be valid');
    this.#write();
    const { privateState, privateVersions } = this.#extras;
    mapIn(privateState, collection).set(key, Uint8Array.from(value));
    const versions = mapIn(privateVersions, collection);
    versions.set(key, [...(versions.get(key) ?? []), Uint8Array.from(value)]);
  }

  async deletePrivateData(collection: string, key: string): Promise<void> {
    checkPrivateAccess(collection, key);
    this.#write();
    this.#extras.privateState.get(collection)?.delete(key);
  }

  async purgePrivateData(collection: string, key: string): Promise<void> {
    checkPrivateAccess(collection, key);
    this.#write();
    this.#extras.privateState.get(collection)?.delete(key);
    this.#extras.privateVersions.get(collection)?.delete(key);
  }

  setEvent(name: string, payload: Uint8Array): void {
    if (name.length === 0) throw new Error('Event name must be a non-empty string');
    this.events.push({ name, payload: Uint8Array.from(payload) });
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    for (const part of [objectType, ...attributes]) {
      if (typeof part !== 'string' || part.length === 0) throw new Error('object type or attribute not a non-zero length string');
    }
    return `${COMPOSITE_KEY_NAMESPACE}${objectType}${MIN_UNICODE}${attributes.map((attribute) => `${attribute}${MIN_UNICODE}`).join('')}`;
  }

  splitCompositeKey(compositeKey: string): { objectType: string | null; attributes: string[] } {
    // fabric-shim's own: drop the leading U+0000, split on U+0000, the last part is empty.
    if (!compositeKey.startsWith(COMPOSITE_KEY_NAMESPACE)) return { objectType: null, attributes: [] };
    const [objectType = null, ...attributes] = compositeKey.slice(1).split(MIN_UNICODE);
    return { objectType, attributes: attributes.slice(0, -1) };
  }

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): Promise<Iterators.StateQueryIterator> & AsyncIterable<Iterators.KV> {
    const start = this.createCompositeKey(objectType, attributes);
    return iterable(this.#range(start, start + MAX_UNICODE));
  }

  getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark?: string,
  ): Promise<StateQueryResponse<Iterators.StateQueryIterator>> & AsyncIterable<Iterators.KV> {
    if (this.#wrote) throw new Error('transaction has already written: paginated queries are supported only in a read-only transaction');
    this.#paged = true;
    const start = this.createCompositeKey(objectType, attributes);
    // As on a peer, a bookmark is the first key of the page, whatever it is: the caller checks it.
    const rows = this.#range(bookmark === undefined || bookmark === '' ? start : bookmark, start + MAX_UNICODE);
    const page = rows.slice(0, pageSize);
    const next = rows[pageSize]?.key ?? '';
    const results = iterable(page);
    const response = results.then((iterator) => ({ iterator, metadata: { fetchedRecordsCount: page.length, bookmark: next } }));
    return Object.assign(response, { [Symbol.asyncIterator]: () => results[Symbol.asyncIterator]() });
  }

  #write(): void {
    if (this.#paged) throw new Error('transaction has run a paginated query: writes are not allowed after it');
    this.#wrote = true;
  }

  #recordHistory(key: string, isDelete: boolean, value: Uint8Array): void {
    const writes = this.#extras.history.get(key) ?? [];
    writes.push({ txId: this.getTxID(), timestamp: this.getDateTimestamp(), isDelete, value: Uint8Array.from(value) });
    this.#extras.history.set(key, writes);
  }

  // [start, end) in UTF-8 byte order, over the state as the transaction began.
  #range(start: string, end: string): Iterators.KV[] {
    const startBytes = Buffer.from(start, 'utf8');
    const endBytes = Buffer.from(end, 'utf8');
    return [...this.#committed]
      .map(([key, value]) => ({ key, bytes: Buffer.from(key, 'utf8'), value }))
      .filter((row) => Buffer.compare(row.bytes, startBytes) >= 0 && Buffer.compare(row.bytes, endBytes) < 0)
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
      .map((row): Iterators.KV => ({ namespace: 'trestle', key: row.key, value: Uint8Array.from(row.value) }));
  }
}

// fabric-shim's own argument checks, then the collections this chaincode has: implicit ones only.
function checkPrivateAccess(collection: string, key: string): void {
  if (!collection || typeof collection !== 'string') throw new Error('collection must be a valid string');
  if (!key || typeof key !== 'string') throw new Error('key must be a valid string');
  if (!collection.startsWith(IMPLICIT_COLLECTION_PREFIX) || collection.length === IMPLICIT_COLLECTION_PREFIX.length) {
    throw new Error(`collection ${collection} is not defined for this chaincode`);
  }
}

function mapIn<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}
