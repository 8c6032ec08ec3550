import type { ChaincodeContractName, LedgerSession } from '../../src/cli/ledger/ledger-session';
import type { StackConfig } from '../../src/stack/stack-config';
import { sessionOf } from '../support/ledger-people';

// One person of the load, with a fabric-network session opened when first needed. After a failed
// call the session is retired and the next call opens a new one: a gateway whose peer was killed
// under it may keep a broken connection, and the load must outlive every fault. A retired session
// is closed only once no call of it is in flight: fabric-network's commit timeout, firing after
// its gateway was disconnected, throws "eventListener not found" from a timer (seen on the real
// network, an uncaught exception that ends the test process).

/** Longer than fabric-network's own endorse (30 s) and commit (60 s) deadlines together. */
const CALL_TIMEOUT_MS = 120_000;

interface OpenSession {
  readonly session: Promise<LedgerSession>;
  inFlight: number;
  retired: boolean;
}

export class ChaosActor {
  #current: OpenSession | undefined;

  constructor(
    readonly stack: StackConfig,
    readonly label: string,
  ) {}

  /** Runs `call` with this person's session; on failure retires the session and rethrows. */
  async use<T>(call: (session: LedgerSession) => Promise<T>): Promise<T> {
    const open = (this.#current ??= { session: sessionOf(this.stack, this.label), inFlight: 0, retired: false });
    open.inFlight += 1;
    let timer: NodeJS.Timeout | undefined;
    try {
      // A broadcast to a stalled orderer was seen never to answer: bound every call, so the load's own deadline holds.
      const unanswered = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`${this.label}'s ledger call did not answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
      });
      return await Promise.race([open.session.then(call), unanswered]);
    } catch (error) {
      open.retired = true;
      if (this.#current === open) this.#current = undefined;
      throw error;
    } finally {
      clearTimeout(timer);
      open.inFlight -= 1;
      if (open.retired && open.inFlight === 0) await closeQuietly(open);
    }
  }

  /** A read that answers JSON, or undefined when the ledger refuses it with `notFoundCode`. */
  async read<T>(contract: ChaincodeContractName, transaction: string, args: readonly string[], notFoundCode: string): Promise<T | undefined> {
    const answer = await this.use(async (session) => {
      try {
        return Buffer.from(await session.contract(contract).evaluateTransaction(transaction, ...args)).toString('utf8');
      } catch (error) {
        // The ledger's verdict, not a broken session: keep it.
        if (error instanceof Error && error.message.includes(`[${notFoundCode}]`)) return undefined;
        throw error;
      }
    });
    return answer === undefined ? undefined : (JSON.parse(answer) as T);
  }

  /** Closes the session (call once the load has stopped: nothing is in flight). */
  async close(): Promise<void> {
    const open = this.#current;
    this.#current = undefined;
    if (open !== undefined) await closeQuietly(open);
  }
}

async function closeQuietly(open: OpenSession): Promise<void> {
  await open.session.then((session) => session.close()).catch(() => {});
}
