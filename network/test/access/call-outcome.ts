import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { AccessSession } from './access-session';
import type { RealCall } from './real-access-cases';

/** How a call on the real network ended: a result, or a refusal with the Trestle code it carried (none when fabric-shim refused it itself). */
export type CallOutcome = { readonly kind: 'resolved'; readonly payload: string } | { readonly kind: 'refused'; readonly code: TrestleErrorCode | undefined; readonly message: string };

/**
 * Calls `contract.transaction` through `session`: `evaluate` simulates it on one peer (the real
 * certificate, the real grants; nothing is ordered), `submit` endorses, orders and commits it.
 */
export async function callOutcome(session: AccessSession, contract: string, transaction: string, call: RealCall, mode: 'evaluate' | 'submit' = 'evaluate'): Promise<CallOutcome> {
  const ledger = session.contract(contract);
  try {
    const prepared = ledger.createTransaction(transaction).setTransient(call.transient ?? {});
    const payload = mode === 'evaluate' ? await prepared.evaluate(...call.args) : await prepared.submit(...call.args);
    return { kind: 'resolved', payload: Buffer.from(payload).toString('utf8') };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'refused', code: parseTrestleError(message)?.code, message };
  }
}
