import type { JsonValue } from '../json/json-value';
import { parseAuditRecord, type AuditRecord } from './audit-record';
import { checkedPage, type Checked } from '../ledger-client/checked-records';

/** What a search keeps; every field given must match. */
export type AuditFilter = {
  readonly action?: string;
  readonly assetId?: string;
  readonly investorId?: string;
  readonly transferId?: string;
  readonly actorMsp?: string;
};

/** One search: a period, filters, how many matches at most, how many records to read at most, where to start. */
export type AuditQuery = { readonly from: string; readonly to: string; readonly filter: AuditFilter; readonly limit: number; readonly maxScanned: number; readonly bookmark: string };

/** What a search found, and the bookmark that continues it ("" when it read the whole period). */
export type AuditResult = { readonly records: readonly Checked<AuditRecord>[]; readonly complete: boolean; readonly bookmark: string; readonly scanned: number };

const MAX_PAGE = 100;

function matches(record: AuditRecord, filter: AuditFilter): boolean {
  return (
    (filter.action === undefined || record.action === filter.action) &&
    (filter.assetId === undefined || record.assetId === filter.assetId) &&
    (filter.investorId === undefined || record.investorIds.includes(filter.investorId)) &&
    (filter.transferId === undefined || record.transferId === filter.transferId) &&
    (filter.actorMsp === undefined || record.actorMsp === filter.actorMsp)
  );
}

/**
 * Reads AuditContract.ListAudit page by page and keeps the matching records. Each page asks for at
 * most as many records as are still wanted, so the search never passes `limit` and always stops on
 * a page boundary: the bookmark it returns continues exactly where it stopped. It also stops after
 * `maxScanned` records read, so one request never walks an unbounded period. Only `evaluate` is
 * used, so the CLI's export pages through the same code as the officer service's.
 */
/** How a search reads the ledger: AuditContract.ListAudit as the person searching (the officer service's calls, the CLI's session). */
export type AuditReader = { evaluate(contract: 'AuditContract', name: 'ListAudit', ...args: string[]): Promise<JsonValue> };

export async function searchAudit(calls: AuditReader, query: AuditQuery): Promise<AuditResult> {
  const records: Checked<AuditRecord>[] = [];
  let bookmark = query.bookmark;
  let scanned = 0;
  for (;;) {
    const pageSize = Math.min(MAX_PAGE, query.limit - records.length, query.maxScanned - scanned);
    const page = checkedPage(await calls.evaluate('AuditContract', 'ListAudit', query.from, query.to, String(pageSize), bookmark), parseAuditRecord);
    scanned += page.records.length;
    records.push(...page.records.filter((record) => matches(record.record, query.filter)));
    bookmark = page.bookmark;
    // An empty page with a bookmark would loop forever on a ledger that misbehaves: stop there too.
    if (bookmark === '' || page.records.length === 0 || records.length >= query.limit || scanned >= query.maxScanned) return { records, complete: bookmark === '', bookmark, scanned };
  }
}
