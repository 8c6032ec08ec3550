import { messageOf } from '../api';
import { h } from '../dom';

/** One button of a reasoned-actions card: what it says and what it sends with the reason. */
export type ReasonedAction = {
  readonly label: string;
  readonly testId: string;
  readonly className?: string;
  /** Sends the request; a rejection's message is shown on the card. */
  readonly run: (reason: string) => Promise<void>;
};

const MAX_REASON = 500;

/**
 * A card of actions that each need a reason (status changes, freezes): every button stays disabled
 * until the reason has a non-blank character, as on the decision form; the service's schema and
 * the chaincode refuse an empty reason too. `fields` go above the reason (a freeze's amount).
 */
export function reasonedActions(options: { readonly title: string; readonly testId: string; readonly placeholder: string; readonly actions: readonly ReasonedAction[]; readonly fields?: readonly Node[]; readonly note?: string }): HTMLElement {
  const reasonId = `${options.testId}-reason`;
  const reason = h('textarea', { id: reasonId, maxlength: String(MAX_REASON), rows: '2', required: true, placeholder: options.placeholder, 'data-testid': reasonId });
  const error = h('p', { class: 'error', role: 'alert', hidden: true, 'data-testid': `${options.testId}-error` });
  const buttons = options.actions.map((action) => h('button', { type: 'button', class: action.className, disabled: true, 'data-testid': action.testId }, action.label));
  const blank = () => reason.value.trim() === '';
  const refresh = () => buttons.forEach((button) => (button.disabled = blank()));
  reason.addEventListener('input', refresh);
  options.actions.forEach((action, index) => {
    buttons[index]?.addEventListener('click', () => {
      if (blank()) return refresh();
      buttons.forEach((button) => (button.disabled = true));
      error.hidden = true;
      action.run(reason.value.trim()).then(
        () => {
          reason.value = '';
          refresh();
        },
        (failure: unknown) => {
          error.textContent = messageOf(failure);
          error.hidden = false;
          refresh();
        },
      );
    });
  });
  return h(
    'section',
    { class: 'card', 'data-testid': options.testId },
    h('h2', {}, options.title),
    options.note === undefined ? null : h('p', { class: 'muted' }, options.note),
    ...(options.fields ?? []),
    h('label', { for: reasonId }, 'Reason (required, kept on the ledger)'),
    reason,
    h('div', { class: 'buttons' }, ...buttons),
    error,
  );
}
