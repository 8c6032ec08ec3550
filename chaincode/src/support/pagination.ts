import type { Context } from 'fabric-contract-api';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { MAX_PAGE_SIZE } from '@trestle/compliance/src/ledger/ledger-limits';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';

const PAGE_SIZE = /^[1-9][0-9]{0,2}$/;

/** The page size argument: a whole number from 1 to `MAX_PAGE_SIZE`, as a decimal string. */
export function pageSizeArgument(value: unknown): number {
  const size = typeof value === 'string' && PAGE_SIZE.test(value) ? Number(value) : 0;
  if (size < 1 || size > MAX_PAGE_SIZE) {
    throw new TrestleError('PAGE_SIZE_INVALID', `The pageSize argument must be a whole number from 1 to ${MAX_PAGE_SIZE}, written in digits.`, {
      details: { argument: 'pageSize', max: MAX_PAGE_SIZE },
    });
  }
  return size;
}

/** One row of a page: its composite key and value. */
export type PageRow = { readonly key: string; readonly value: Uint8Array };

/**
 * One page of the rows under a partial composite key, each turned into a record by `read` (which
 * may look up the record an index row points to). `bookmark` is ""
 * for the first page, then the bookmark the previous page returned. The peer starts at whatever
 * key a bookmark names, so one from outside this key range (another bank's index, say) would read
 * other records: it is refused here. Only in evaluate transactions: Fabric refuses a paginated
 * query in a transaction that writes.
 */
export async function readPage<T>(ctx: Context, objectType: string, attributes: readonly string[], pageSize: number, bookmark: unknown, read: (row: PageRow) => Promise<T>): Promise<LedgerPage<T>> {
  const prefix = ctx.stub.createCompositeKey(objectType, [...attributes]);
  if (typeof bookmark !== 'string' || (bookmark !== '' && !bookmark.startsWith(prefix))) {
    throw new TrestleError('PAGE_BOOKMARK_INVALID', 'The bookmark argument is not one this query returned; pass "" for the first page, then the bookmark of the page before.', {
      details: { argument: 'bookmark' },
    });
  }
  const { iterator, metadata } = await ctx.stub.getStateByPartialCompositeKeyWithPagination(objectType, [...attributes], pageSize, bookmark);
  const records: T[] = [];
  try {
    for (let result = await iterator.next(); !result.done; result = await iterator.next()) records.push(await read({ key: result.value.key, value: result.value.value }));
  } finally {
    await iterator.close();
  }
  // A peer sends no metadata for an empty page (bookmark "" and count 0 encode to no bytes), and
  // fabric-shim then leaves it out of the answer; the in-process stub always gives it.
  return { records, bookmark: metadata?.bookmark ?? '', fetchedRecordsCount: metadata?.fetchedRecordsCount ?? 0 };
}
