import type { Contract } from 'fabric-contract-api';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { tx } from './ledger-cast';
import type { TestIdentity, WorldState } from './stub-context';

// Submissions against one world state run one after another, as the orderer would put them in
// blocks: without it two async transactions could interleave their reads and writes, which Fabric's
// MVCC check would never let commit.
const queues = new WeakMap<WorldState, Promise<unknown>>();

/** The part of fabric-network's `Transaction` the stub offers: a transient map, then submit or evaluate. */
export interface InProcessTransaction {
  setTransient(map: Readonly<Record<string, Uint8Array>>): InProcessTransaction;
  submit(...args: string[]): Promise<Uint8Array>;
  evaluate(...args: string[]): Promise<Uint8Array>;
}

/**
 * UNIT-TEST STUB of a bank's Fabric gateway connection: runs a contract's transactions in process
 * on the stubbed context, as `identity`, with the clock `now()`. Refusals come back the way a
 * Fabric client sees them (an Error whose message carries "[CODE] sentence {details}"). It is not a
 * peer (no endorsement, no MVCC, no blocks); nothing outside tests may use it.
 */
export class InProcessContract {
  constructor(
    private readonly contract: Contract,
    private readonly worldState: WorldState,
    private readonly identity: TestIdentity,
    private readonly now: () => Date,
  ) {}

  submitTransaction(name: string, ...args: string[]): Promise<Uint8Array> {
    return this.#inOrder(() => this.#invoke(name, args, {}));
  }

  evaluateTransaction(name: string, ...args: string[]): Promise<Uint8Array> {
    return this.#invoke(name, args, {});
  }

  /** A transaction that can carry a transient map, shaped like fabric-network's `contract.createTransaction(name)`. */
  createTransaction(name: string): InProcessTransaction {
    let transient: Readonly<Record<string, Uint8Array>> = {};
    const transaction: InProcessTransaction = {
      setTransient: (map) => {
        transient = { ...map };
        return transaction;
      },
      submit: (...args) => this.#inOrder(() => this.#invoke(name, args, transient)),
      evaluate: (...args) => this.#invoke(name, args, transient),
    };
    return transaction;
  }

  #inOrder(step: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const run = (queues.get(this.worldState) ?? Promise.resolve()).then(step);
    queues.set(this.worldState, run.catch(() => undefined));
    return run;
  }

  async #invoke(name: string, args: readonly string[], transient: Readonly<Record<string, Uint8Array>>): Promise<Uint8Array> {
    const method = (this.contract as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function') throw new Error(`chaincode response 500, no transaction ${name} in ${this.contract.getName()}`);
    try {
      const result: unknown = await method.call(this.contract, tx(this.identity, this.worldState, { at: this.now(), transient }).ctx, ...args);
      return Buffer.from(typeof result === 'string' ? result : '', 'utf8');
    } catch (error) {
      if (isTrestleError(error)) throw new Error(`chaincode response 500, ${error.message}`);
      throw error;
    }
  }
}
