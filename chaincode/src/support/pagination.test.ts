import test from 'ava';
import '../testing/quiet-fabric-logs';
import { stubContext } from '../testing/stub-context';
import { BANK_A_ALICE } from '../testing/test-identities';
import { readPage } from './pagination';

// readPage on the answer a real peer gives for an empty page: fabric-shim leaves `metadata` out
// when the peer's QueryResponseMetadata (bookmark "", count 0) encodes to no bytes. Seen on the
// three-bank network: ListPendingTransfers for a bank with nothing pending failed with
// "Cannot read properties of undefined (reading 'bookmark')".

const ROW_TYPE = 'pending~transfer';

/** A context whose paginated query answers as fabric-shim does on a peer, without metadata when the page is empty. */
function peerLikeContext(rows: ReadonlyArray<readonly [string, string]>) {
  const { ctx } = stubContext({ identity: BANK_A_ALICE, worldState: new Map(rows.map(([id, value]) => [rowKey(id), Buffer.from(value)])) });
  const paged = ctx.stub.getStateByPartialCompositeKeyWithPagination.bind(ctx.stub);
  ctx.stub.getStateByPartialCompositeKeyWithPagination = ((objectType: string, attributes: string[], pageSize: number, bookmark?: string) =>
    paged(objectType, attributes, pageSize, bookmark).then(({ iterator, metadata }) => (metadata.fetchedRecordsCount === 0 ? { iterator } : { iterator, metadata }))) as typeof ctx.stub.getStateByPartialCompositeKeyWithPagination;
  return ctx;
}

/** The composite key of BankA's index row for `id`. */
function rowKey(id: string): string {
  return stubContext({ identity: BANK_A_ALICE }).ctx.stub.createCompositeKey(ROW_TYPE, ['BankAMSP', id]);
}

test('an empty page without metadata from the peer is an empty page with no bookmark', async (t) => {
  const ctx = peerLikeContext([]);
  const page = await readPage(ctx, ROW_TYPE, ['BankAMSP'], 10, '', async (row) => row.key);
  t.deepEqual(page, { records: [], bookmark: '', fetchedRecordsCount: 0 });
});

test('a page with rows keeps the metadata the peer gave', async (t) => {
  const ctx = peerLikeContext([['T-1', '{}'], ['T-2', '{}']]);
  const page = await readPage(ctx, ROW_TYPE, ['BankAMSP'], 1, '', async (row) => ctx.stub.splitCompositeKey(row.key).attributes[1]);
  t.deepEqual(page.records, ['T-1']);
  t.is(page.fetchedRecordsCount, 1);
  t.is(page.bookmark, rowKey('T-2'));
});
