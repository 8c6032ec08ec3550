import { stubContext, type WorldState } from './stub-context';
import { BANK_A_ADMIN } from './test-identities';

/**
 * Rewrites the JSON record at a composite key in place, for states no transaction reaches yet
 * (units in bridge escrow) or records a test must corrupt. Bypasses every contract check.
 */
export function rewriteRecord(worldState: WorldState, objectType: string, attributes: string[], change: (record: Record<string, unknown>) => Record<string, unknown>): void {
  const key = stubContext({ identity: BANK_A_ADMIN }).stub.createCompositeKey(objectType, attributes);
  const record = JSON.parse(Buffer.from(worldState.get(key) ?? []).toString('utf8')) as Record<string, unknown>;
  worldState.set(key, Buffer.from(JSON.stringify(change(record)), 'utf8'));
}
