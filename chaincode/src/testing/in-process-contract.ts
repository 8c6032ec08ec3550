import type { Contract } from 'fabric-contract-api';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { tx } from './ledger-cast';
import type { TestIdentity, WorldState } from './stub-context';

// Submissions against one world state run one after another, as the orderer would put them in
// blocks: without it two async transactions could interleave their reads and writes, which Fabric's
// MVCC check would never let commit.
const queues = new WeakMap<WorldState, Promise<unknown>>();

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
    const run = (queues.get(this.worldState) ?? Promise.resolve()).then(() => this.#invoke(name, args));
    queues.set(this.worldState, run.catch(() => undefined));
    return run;
  }

  evaluateTransaction(name: string, ...args: string[]): Promise<Uint8Array> {
    return this.#invoke(name, args);
  }

  async #invoke(name: string, args: readonly string[]): Promise<Uint8Array> {
    const method = (this.contract as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function') throw new Error(`chaincode response 500, no transaction ${name} in ${this.contract.getName()}`);
    try {
      const result: unknown = await method.call(this.contract, tx(this.identity, this.worldState, { at: this.now() }).ctx, ...args);
      return Buffer.from(typeof result === 'string' ? result : '', 'utf8');
    } catch (error) {
      if (isTrestleError(error)) throw new Error(`chaincode response 500, ${error.message}`);
      throw error;
    }
  }
}
