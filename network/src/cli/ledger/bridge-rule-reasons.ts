import { parseTrestleError, TrestleError } from '@trestle/compliance/src/errors/trestle-error';

/**
 * Runs a request; a refusal `code` by the rules (the chaincode's `rulesRefusal`) comes back with
 * each failing rule's reason and sentence in its one line, since the person at the terminal needs
 * them to fix the request (--json keeps the details). Any other failure passes through as it was.
 */
export async function withRuleReasons(code: 'BRIDGE_OUT_REFUSED' | 'TRANSFER_REFUSED', submit: () => Promise<unknown>): Promise<void> {
  try {
    await submit();
  } catch (error) {
    const refusal = error instanceof Error ? parseTrestleError(error.message) : undefined;
    if (refusal?.code !== code) throw error;
    const reasons = Array.isArray(refusal.details?.reasons) ? (refusal.details.reasons as { reason?: string; sentence?: string }[]) : [];
    const said = reasons.map((reason) => `[${reason.reason ?? ''}] ${reason.sentence ?? ''}`).join(' ');
    throw new TrestleError(code, said === '' ? refusal.sentence : `${refusal.sentence} ${said}`, { ...(refusal.details === undefined ? {} : { details: refusal.details }) });
  }
}
