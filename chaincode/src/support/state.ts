import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';

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
