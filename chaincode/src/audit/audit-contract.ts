import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { parseAuditRecord, type AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isIsoInstant } from '@trestle/compliance/src/ledger/iso-instant';
import { requireAnyRole } from '../roles/require-role';
import { pageSizeArgument, readPage } from '../support/pagination';
import { sortedJson } from '../support/sorted-json';
import { decodeJson } from '../support/state';
import { AUDIT_KEY_TYPE, auditStamp } from './audit-key';

/**
 * The audit trail: one record per transfer step and control action, keyed by transaction time,
 * for compliance officers and the regulator (the later `trestle audit export`).
 */
@Info({ title: 'AuditContract', description: 'The audit trail of transfers and controls, by period' })
export class AuditContract extends Contract {
  constructor() {
    super('AuditContract');
  }

  /**
   * A page of the audit records with `fromIso <= at < toIso` (ISO 8601 UTC with milliseconds),
   * oldest first. Pass "" as the bookmark for the first page, then the bookmark of the page before.
   */
  @Transaction(false)
  @Returns('string')
  async ListAudit(ctx: Context, fromIso: string, toIso: string, pageSize: string, bookmark: string): Promise<string> {
    await requireAnyRole(ctx, ['compliance-officer', 'regulator']);
    if (!isIsoInstant(fromIso) || !isIsoInstant(toIso) || Date.parse(fromIso) >= Date.parse(toIso) || Number.isNaN(Date.parse(fromIso)) || Number.isNaN(Date.parse(toIso))) {
      throw new TrestleError('AUDIT_PERIOD_INVALID', 'The period must be two instants in ISO 8601 UTC with milliseconds ("2026-03-01T00:00:00.000Z"), the first before the second.', { details: { arguments: ['fromIso', 'toIso'] } });
    }
    const size = pageSizeArgument(pageSize);
    const end = auditStamp(Date.parse(toIso));
    // A range query cannot take composite keys, so the first page starts at the period's first key:
    // on a peer a pagination bookmark is the key the page starts from.
    const start = bookmark === '' ? ctx.stub.createCompositeKey(AUDIT_KEY_TYPE, [auditStamp(Date.parse(fromIso))]) : bookmark;
    const page = await readPage(ctx, AUDIT_KEY_TYPE, [], size, start, async (row) => {
      const [stamp = ''] = ctx.stub.splitCompositeKey(row.key).attributes;
      return stamp < end ? parseAuditRecord(decodeJson(row.value)) : null;
    });
    const records = page.records.filter((record): record is AuditRecord => record !== null);
    const pastEnd = records.length < page.records.length;
    return sortedJson({ records, bookmark: pastEnd ? '' : page.bookmark, fetchedRecordsCount: records.length });
  }
}
