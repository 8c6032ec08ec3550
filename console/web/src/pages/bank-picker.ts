import { h } from '../dom';
import type { Session } from '../types';

// The consortium's banks on the devnet; the regulator reads every bank's lists.
const BANKS = ['BankAMSP', 'BankBMSP', 'BankCMSP'] as const;

/** A bank selector for the regulator's views; `onChange` gets the chosen MSP id. */
export function bankPicker(selected: string | undefined, onChange: (bank: string) => void): HTMLSelectElement {
  const picker = h('select', { 'data-testid': 'filter-bank', 'aria-label': 'Bank' }, ...BANKS.map((bank) => h('option', { value: bank, selected: bank === (selected ?? BANKS[0]) }, bank)));
  picker.addEventListener('change', () => onChange(picker.value));
  return picker;
}

/** The bank a view opens on: the officer's own (sent as no parameter), the first bank for the regulator. */
export function defaultBank(session: Session): string | undefined {
  return session.role === 'regulator' ? BANKS[0] : undefined;
}
