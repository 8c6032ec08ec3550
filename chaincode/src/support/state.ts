import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import { sortedJsonBytes } from './sorted-json';

/** Whether `key` has a value in the world state (Fabric returns empty bytes for a missing key). */
export async function hasState(ctx: Context, key: string): Promise<boolean> {
  const value = await ctx.stub.getState(key);
  return value !== undefined && value.length > 0;
}

/** Every value under a partial composite key, in key order; the iterator is closed when done. */
export async function valuesByPartialKey(ctx: Context, objectType: string, attributes: readonly string[]): Promise<Uint8Array[]> {
  const values: Uint8Array[] = [];
  for await (const { value } of ctx.stub.getStateByPartialCompositeKey(objectType, [...attributes])) values.push(value);
  return values;
}

/** A state value decoded as JSON, still unknown to the caller, who validates it. */
export function decodeJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new TrestleError('RECORD_MALFORMED', 'A ledger record is not valid JSON; report it to the chaincode operators.', { cause: error });
  }
}

/** The record at `key` read by `parse`, or undefined when the key has no value. */
export async function readRecord<T>(ctx: Context, key: string, parse: (value: unknown) => T): Promise<T | undefined> {
  const bytes = await ctx.stub.getState(key);
  return bytes === undefined || bytes.length === 0 ? undefined : parse(decodeJson(bytes));
}

/** Writes `value` at `key` as sorted-key JSON, the same bytes on every endorsing peer. */
export async function writeRecord(ctx: Context, key: string, value: JsonValue): Promise<void> {
  await ctx.stub.putState(key, sortedJsonBytes(value));
}

/**
 * The value of an index key, whose meaning is in the key itself. Fabric treats an empty value as
 * a delete, so index entries hold one zero byte, as the Fabric samples do.
 */
export const INDEX_ENTRY = Uint8Array.of(0);
