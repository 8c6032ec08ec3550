import { h } from '../dom';

/**
 * Opens any investor's page by id: an officer cannot list another bank's investors (the chaincode
 * refuses), yet adopts those of a bank that left by the id the regulator or the CLI gives.
 */
export function openInvestorForm(): HTMLFormElement {
  const id = h('input', { type: 'text', maxlength: '128', placeholder: 'INV-C-0001', 'aria-label': 'Investor id', 'data-testid': 'investor-open-id' });
  const form = h('form', { class: 'filters', 'data-testid': 'investor-open-form' }, id, h('button', { type: 'submit', 'data-testid': 'investor-open' }, 'Open investor'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = id.value.trim();
    if (wanted !== '') location.hash = `#/investors/${encodeURIComponent(wanted)}`;
  });
  return form;
}
