import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { Context } from 'fabric-contract-api';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { tx, type TxOptions } from './ledger-cast';
import { snapshot, snapshotLedger, type TestIdentity, type WorldState } from './stub-context';

// Arbitraries and the property behind the fuzz tests of transactions: mostly-valid input with a
// few fields swapped for junk, so runs reach deep checks instead of stopping at the first field.

/** Any value a client could smuggle into a JSON field or an argument. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, '', ' ', '-1', '0', '1.5', '007', 'x'.repeat(5_000)),
);

/**
 * `valid` most of the time (12 in 14), otherwise a near miss (a value of the right type that the
 * rules refuse) or plain junk: a document with six fields is then whole about a third of the time.
 */
export function mostly<T>(valid: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<unknown> = junk): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 12, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: nearMiss }, { weight: 1, arbitrary: junk });
}

/** An https URI of printable ASCII, as document references use. */
export const httpsUri: fc.Arbitrary<string> = fc.stringMatching(/^https:\/\/[a-z0-9.-]{1,30}\/[!-~]{0,40}$/);

/** A JSON document built from per-field arbitraries: now and then a field goes missing or an unknown one appears. */
export function documentText(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
  const dropped = rarely(fc.constantFrom(...Object.keys(fields)));
  const extra = rarely(fc.dictionary(fc.string({ maxLength: 8 }), junk, { minKeys: 1, maxKeys: 2 }));
  const text = fc.tuple(fc.record(fields), dropped, extra).map(([known, drop, added]) => {
    const document: Record<string, unknown> = { ...known, ...(added ?? {}) };
    if (drop !== null) delete document[drop];
    return JSON.stringify(document);
  });
  return fc.oneof({ weight: 8, arbitrary: text as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk });
}

/**
 * Runs `submit` by `identity` on a copy of `base` and checks the outcome: either success with
 * exactly one event, or a TrestleError with the ledger untouched and no event. Anything else
 * (another exception, a write on failure) fails the property. Returns whether it succeeded.
 */
export async function succeedsOrRefusesCleanly(base: WorldState, identity: TestIdentity, submit: (ctx: Context) => Promise<unknown>, options: TxOptions = {}): Promise<boolean> {
  return submitCleanly(snapshot(base), identity, submit, options);
}

/** `succeedsOrRefusesCleanly` on `worldState` itself, for properties that play a sequence of transactions. */
export async function submitCleanly(worldState: WorldState, identity: TestIdentity, submit: (ctx: Context) => Promise<unknown>, options: TxOptions = {}): Promise<boolean> {
  const before = snapshotLedger(worldState);
  const transaction = tx(identity, worldState, options);
  try {
    await submit(transaction.ctx);
  } catch (error) {
    if (!isTrestleError(error)) throw new Error(`not a TrestleError: ${String(error)}`, { cause: error });
    if (!isDeepStrictEqual(snapshotLedger(worldState), before)) throw new Error(`refused with ${error.code} but wrote to the ledger`);
    if (transaction.events.length !== 0) throw new Error(`refused with ${error.code} but set an event`);
    return false;
  }
  if (transaction.events.length !== 1) throw new Error(`succeeded with ${transaction.events.length} events instead of one`);
  return true;
}
