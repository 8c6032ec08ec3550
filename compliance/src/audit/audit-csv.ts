import type { AuditRecord } from './audit-record';

/** The export's columns, in order. */
export const AUDIT_CSV_COLUMNS = ['at', 'txId', 'action', 'actorMsp', 'actor', 'assetId', 'policyVersion', 'transferId', 'investorIds', 'amount', 'reason', 'documentHash', 'failedRules'] as const;

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: always quoted, quotes doubled (RFC 4180), and a leading apostrophe when the text
 * would otherwise start a formula, so an investor id or reason such as `=HYPERLINK(…)` is shown
 * as text.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

function cells(record: AuditRecord): string[] {
  const failed = (record.verdicts ?? []).filter((verdict) => !verdict.passed).map((verdict) => verdict.rule);
  return [
    record.at,
    record.txId,
    record.action,
    record.actorMsp,
    record.actor,
    record.assetId,
    record.policyVersion === null ? '' : String(record.policyVersion),
    record.transferId ?? '',
    record.investorIds.join(';'),
    record.amount ?? '',
    record.reason ?? '',
    record.documentHash ?? '',
    failed.join(';'),
  ];
}

/** The records as CSV text: a header line, one line per record, CRLF line ends. */
export function auditCsv(records: readonly AuditRecord[]): string {
  const lines = [AUDIT_CSV_COLUMNS.map(csvField), ...records.map((record) => cells(record).map(csvField))];
  return lines.map((line) => `${line.join(',')}\r\n`).join('');
}
