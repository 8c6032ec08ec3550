import type { Iterators } from 'fabric-shim';
import Long from 'long';

// The shapes fabric-shim hands to chaincode, for the in-memory stub in stub-context.ts.

/** A Date as the protobuf timestamp fabric-shim returns: seconds as an unsigned Long, and nanos. */
export function timestampOf(date: Date): { seconds: Long; nanos: number } {
  const millis = date.getTime();
  return { seconds: Long.fromNumber(Math.floor(millis / 1000), true), nanos: (millis % 1000) * 1_000_000 };
}

/** fabric-shim's iterator shape: a promise of { next, close } that is also async-iterable. */
export function iterable<T>(rows: readonly T[]): Promise<Iterators.CommonIterator<T>> & AsyncIterable<T> {
  let index = 0;
  let closed = false;
  const iterator: Iterators.CommonIterator<T> = {
    next: async () => {
      if (closed) throw new Error('iterator is closed');
      const row = rows[index++];
      return row === undefined ? { done: true, value: undefined as unknown as T } : { done: false, value: row };
    },
    close: async () => {
      closed = true;
    },
  };
  const asyncIterable: AsyncIterable<T> = {
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
