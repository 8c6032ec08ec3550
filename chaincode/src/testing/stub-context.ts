import './quiet-fabric-logs';
import { Context } from 'fabric-contract-api';
import { ClientIdentity, type ChaincodeStub, type Iterators } from 'fabric-shim';
import Long from 'long';

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
 * One deliberate difference: writes land in the shared world-state map at once, even when the
 * transaction then throws (Fabric would drop them), so a test comparing the map before and after
 * a refused transaction sees every write the contract made. Every `setEvent` call is recorded,
 * although Fabric keeps only the last, so tests can check there is exactly one.
 */

/** An identity to submit as: its org's MSP id and its PEM certificate. */
export type TestIdentity = { readonly mspId: string; readonly certificate: string };

/** The world state: state key to value bytes. */
export type WorldState = Map<string, Uint8Array>;

/** One `setEvent` call. */
export type RecordedEvent = { readonly name: string; readonly payload: Uint8Array };

export type StubContextOptions = {
  readonly identity: TestIdentity;
  /** Shared between the transactions of one test; a fresh empty map when left out. */
  readonly worldState?: WorldState;
  readonly txTimestamp?: Date;
  readonly txId?: string;
  readonly channelId?: string;
  /** Function name then arguments, as `getBufferArgs()` returns them to fabric-shim's dispatcher. */
  readonly args?: readonly string[];
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

/** The in-memory ChaincodeStub behind `stubContext`. */
export class StubChaincodeStub {
  readonly events: RecordedEvent[] = [];
  readonly #worldState: WorldState;
  readonly #committed: WorldState;
  readonly #options: StubContextOptions;

  constructor(worldState: WorldState, options: StubContextOptions) {
    this.#worldState = worldState;
    this.#committed = snapshot(worldState);
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

  getTxTimestamp(): { seconds: Long; nanos: number } {
    const millis = this.getDateTimestamp().getTime();
    return { seconds: Long.fromNumber(Math.floor(millis / 1000), true), nanos: (millis % 1000) * 1_000_000 };
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
    this.#worldState.set(key, Uint8Array.from(value));
  }

  async deleteState(key: string): Promise<void> {
    this.#worldState.delete(key);
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

  getStateByPartialCompositeKey(objectType: string, attributes: string[]): Promise<Iterators.StateQueryIterator> & AsyncIterable<Iterators.KV> {
    const start = this.createCompositeKey(objectType, attributes);
    return this.#range(start, start + MAX_UNICODE);
  }

  // [start, end) in UTF-8 byte order, over the state as the transaction began.
  #range(start: string, end: string): Promise<Iterators.StateQueryIterator> & AsyncIterable<Iterators.KV> {
    const startBytes = Buffer.from(start, 'utf8');
    const endBytes = Buffer.from(end, 'utf8');
    const rows = [...this.#committed]
      .map(([key, value]) => ({ key, bytes: Buffer.from(key, 'utf8'), value }))
      .filter((row) => Buffer.compare(row.bytes, startBytes) >= 0 && Buffer.compare(row.bytes, endBytes) < 0)
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
      .map((row): Iterators.KV => ({ namespace: 'trestle', key: row.key, value: Uint8Array.from(row.value) }));

    let index = 0;
    let closed = false;
    const iterator: Iterators.StateQueryIterator = {
      next: async () => {
        if (closed) throw new Error('iterator is closed');
        const row = rows[index++];
        return row === undefined ? { done: true, value: undefined as unknown as Iterators.KV } : { done: false, value: row };
      },
      close: async () => {
        closed = true;
      },
    };
    const asyncIterable: AsyncIterable<Iterators.KV> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const result = await iterator.next();
          if (result.done) await iterator.close();
          return result.done ? { done: true, value: undefined } : { done: false, value: result.value };
        },
        return: async () => {
          await iterator.close();
          return { done: true, value: undefined };
        },
      }),
    };
    return Object.assign(Promise.resolve(iterator), asyncIterable);
  }
}
