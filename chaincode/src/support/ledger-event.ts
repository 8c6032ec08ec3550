import type { Context } from 'fabric-contract-api';
import type { LedgerEvent } from '@trestle/compliance/src/events/ledger-event';
import { sortedJsonBytes } from './sorted-json';

/**
 * Sets the transaction's chaincode event: named after its type, the envelope as sorted JSON. Call
 * once per transaction, after the state writes; Fabric keeps only the last event set.
 */
export function emitLedgerEvent(ctx: Context, event: LedgerEvent): void {
  ctx.stub.setEvent(event.type, sortedJsonBytes(event));
}
