import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import { AuditContract } from '../audit/audit-contract';
import { tx } from './ledger-cast';
import type { WorldState } from './stub-context';
import { REGULATOR_RITA } from './test-identities';

/** Every audit record of 2026 and 2027 (the stories' years, at most 100), oldest first, as the regulator reads them. */
export async function auditTrailOf(worldState: WorldState): Promise<AuditRecord[]> {
  const page = JSON.parse(await new AuditContract().ListAudit(tx(REGULATOR_RITA, worldState).ctx, '2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z', '100', '')) as { records: AuditRecord[] };
  return page.records;
}
