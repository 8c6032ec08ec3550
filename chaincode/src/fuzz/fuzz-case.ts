import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { isTrestleErrorCode, type TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import { isTrestleError, parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { T0 } from '../testing/ledger-cast';
import { copyLedger, snapshotLedger, stubContext, type TestIdentity } from '../testing/stub-context';
import { AFTER_LOCKUP, daysAfterT0 } from '../testing/transfer-story';
import type { ContractTransaction } from './contract-transactions';
import { FUZZ_IDENTITIES } from './fuzz-identities';
import type { FuzzWorld } from './fuzz-world';
import { storyArguments } from './story-arguments';
import { transientMap, type TransientMap } from './transient-maps';

/** One invocation: who, when, on which chapter of the story, with which arguments and transient map. */
export type FuzzInput = {
  readonly chapter: number;
  readonly identity: TestIdentity;
  readonly at: Date;
  readonly args: readonly string[];
  readonly transient: TransientMap | undefined;
};

/** How a case ended when it ended well. */
export type FuzzOutcome = { readonly kind: 'resolved' } | { readonly kind: 'refused'; readonly code: TrestleErrorCode };

/** Longer than any case should take on a slow machine; a case past it counts as a hang. */
export const CASE_TIME_LIMIT_MS = 5_000;

// The client sets a proposal's timestamp, so a peer sees any instant: the story's own, past the
// lockup, past the pending transfer's expiry, past every KYC and valuation, and the far ends.
const INSTANTS = [T0, AFTER_LOCKUP, daysAfterT0(100), daysAfterT0(400), new Date(0), new Date('9999-12-31T23:59:59.000Z')];

/** Inputs for `transaction`: its arity's worth of arguments, each drawn from what its name suggests. */
export function fuzzInput(world: FuzzWorld, transaction: ContractTransaction): fc.Arbitrary<FuzzInput> {
  const argument = storyArguments(world);
  const chapter = fc.oneof(...world.chapters.map(({ weight }, index) => ({ weight, arbitrary: fc.constant(index) })));
  return fc.record({
    chapter,
    identity: fc.oneof(...FUZZ_IDENTITIES.map(({ identity, weight }) => ({ weight, arbitrary: fc.constant(identity) }))),
    at: fc.constantFrom(...INSTANTS),
    args: fc.tuple(...transaction.parameters.map((name) => argument(transaction.contract, name))),
    transient: transientMap,
  });
}

/** A transaction id shaped like Fabric's (64 hex digits, a SHA-256), unique per `label`. */
export function fabricTxId(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

// fabric-shim hands the contract each argument decoded from the proposal's UTF-8 bytes, so a lone
// surrogate never arrives as such: send what a peer would deliver.
function overTheWire(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Runs one case on a copy of its chapter and returns how it ended; throws (failing the property)
 * when it crashed with anything but a TrestleError of a known code, did not settle in time, or was
 * refused after writing to the world state, private data or key history, or setting an event.
 */
export async function runFuzzCase(world: FuzzWorld, transaction: Pick<ContractTransaction, 'contract' | 'name' | 'invoke'>, input: FuzzInput, txId: string, timeLimitMs = CASE_TIME_LIMIT_MS): Promise<FuzzOutcome> {
  const chapter = world.chapters[input.chapter];
  if (chapter === undefined) throw new RangeError(`no chapter ${input.chapter}`);
  const worldState = copyLedger(chapter.ledger);
  const args = input.args.map(overTheWire);
  const call = stubContext({ identity: input.identity, worldState, txTimestamp: input.at, txId, transient: input.transient, args: [`${transaction.contract}:${transaction.name}`, ...args] });
  try {
    await withinTimeLimit(transaction.invoke(call.ctx, args), timeLimitMs);
    return { kind: 'resolved' };
  } catch (error) {
    if (error instanceof CaseTimeout) throw new Error(`hung: ${error.message}`);
    if (!isTrestleError(error)) throw new Error(`crashed instead of refusing: ${describe(error)}`, { cause: error });
    if (!isTrestleErrorCode(error.code)) throw new Error(`refused with the unknown code ${String(error.code)}`);
    // What the client sees is the message alone: it must read back as the same code.
    if (parseTrestleError(error.message)?.code !== error.code) throw new Error(`refused with ${error.code} but the message does not parse back: ${error.message.slice(0, 200)}`);
    if (!isDeepStrictEqual(snapshotLedger(worldState), chapter.baseline)) throw new Error(`refused with ${error.code} but wrote to the ledger`);
    if (call.events.length !== 0) throw new Error(`refused with ${error.code} but set ${call.events.length} event(s)`);
    return { kind: 'refused', code: error.code };
  }
}

class CaseTimeout extends Error {}

async function withinTimeLimit<T>(work: Promise<T>, timeLimitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // Only an asynchronous hang can be caught here; a synchronous loop blocks the timer too and is
  // left to ava's own test timeout.
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaseTimeout(`did not settle within ${timeLimitMs} ms`)), timeLimitMs);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

// The message and where it was thrown: the first frames of the stack point at the code to fix.
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 3).join('\n')}`;
  return `a thrown ${typeof error}: ${String(error).slice(0, 300)}`;
}
