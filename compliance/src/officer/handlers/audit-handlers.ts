import { auditCsv } from '../../audit/audit-csv';
import { searchAudit, type AuditFilter, type AuditQuery } from '../../audit/audit-search';
import type { RequestInput } from '../http/request-input';
import { callsOf, json, type Handler } from './handler';

/** Matches a search returns unless `limit` says otherwise. */
export const DEFAULT_SEARCH_LIMIT = 200;

/** Records one search reads at most. */
export const SEARCH_SCAN_LIMIT = 5_000;

/** Records one CSV export holds at most. */
export const EXPORT_LIMIT = 10_000;

const FILTERS = ['action', 'assetId', 'investorId', 'transferId', 'actorMsp'] as const;

function queryOf(input: RequestInput, limit: number, maxScanned: number): AuditQuery {
  const text = (name: string): string | undefined => {
    const value = input.query[name];
    return typeof value === 'string' ? value : undefined;
  };
  const filter: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = text(name);
    if (value !== undefined) filter[name] = value;
  }
  return { from: text('from') ?? '', to: text('to') ?? '', filter: filter as AuditFilter, limit, maxScanned, bookmark: text('bookmark') ?? '' };
}

/** GET /audit: matching records of a period, oldest first. */
export const searchAuditRecords: Handler = async (request, service) => {
  const { limit } = request.input.query;
  const result = await searchAudit(await callsOf(request, service), queryOf(request.input, typeof limit === 'number' ? limit : DEFAULT_SEARCH_LIMIT, SEARCH_SCAN_LIMIT));
  return json({ records: result.records.map((record) => record.raw), complete: result.complete, bookmark: result.bookmark, scanned: result.scanned });
};

/** GET /audit/export.csv: the same records as a spreadsheet-safe CSV file. */
export const exportAuditCsv: Handler = async (request, service) => {
  const query = queryOf(request.input, EXPORT_LIMIT, EXPORT_LIMIT);
  const result = await searchAudit(await callsOf(request, service), query);
  const stamp = (iso: string) => iso.replace(/[^0-9A-Za-z]/g, '');
  return {
    kind: 'csv',
    text: auditCsv(result.records.map((record) => record.record)),
    filename: `trestle-audit-${stamp(query.from)}-${stamp(query.to)}.csv`,
    headers: { 'X-Trestle-Complete': String(result.complete) },
  };
};
