import type { ExecutionContext } from 'ava';
import type { Context } from 'fabric-contract-api';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import { isTrestleError, type TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { tx, type TxOptions } from './ledger-cast';
import { snapshotLedger, type TestIdentity, type WorldState } from './stub-context';

/**
 * Submits a transaction that must be refused: asserts the typed code, that the world state,
 * private data and key history are exactly as before, and that no event was set.
 */
export async function refused(
  t: ExecutionContext,
  worldState: WorldState,
  identity: TestIdentity,
  code: TrestleErrorCode,
  submit: (ctx: Context) => Promise<unknown>,
  options: TxOptions = {},
): Promise<TrestleError> {
  const before = snapshotLedger(worldState);
  const transaction = tx(identity, worldState, options);
  const error = await t.throwsAsync(submit(transaction.ctx));
  t.true(isTrestleError(error, code), `expected ${code}, got ${String(error?.message)}`);
  t.deepEqual(snapshotLedger(worldState), before, 'the ledger is unchanged');
  t.deepEqual(transaction.events, [], 'no event');
  return error as TrestleError;
}
