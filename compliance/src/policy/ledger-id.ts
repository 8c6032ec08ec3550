/**
 * Asset and investor ids: 1 to 128 printable ASCII characters without spaces. They become
 * composite-key attributes and appear verbatim in logs and sentences, so nothing that could break
 * a key, a line or a terminal is allowed.
 */
export const LEDGER_ID_PATTERN = '^[!-~]{1,128}$';

/** How problem reports describe an id, after "an asset id of" or "an investor id of". */
export const LEDGER_ID_FORM = '1 to 128 printable ASCII characters without spaces';

const LEDGER_ID = new RegExp(LEDGER_ID_PATTERN);

/** Whether `value` can be an asset or investor id. */
export function isLedgerId(value: unknown): value is string {
  return typeof value === 'string' && LEDGER_ID.test(value);
}
