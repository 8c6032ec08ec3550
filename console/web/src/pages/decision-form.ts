import { api, messageOf } from '../api';
import { h } from '../dom';

/** What the service answers to an approve or reject: the record as it now stands. */
export type DecisionAnswer = { readonly missingApprovals: readonly string[] };

const MAX_REASON = 500;

/**
 * Approve / reject with a required reason: both buttons stay disabled until the reason has a
 * non-blank character, so an empty reason cannot be sent from here (the service refuses it too).
 * Each decision is timed in the browser as the performance measure `approve-round-trip` or
 * `reject-round-trip`, from the click to the redrawn page.
 */
export function decisionForm(basePath: string, onDecided: (answer: DecisionAnswer) => void): HTMLElement {
  const reason = h('textarea', { maxlength: String(MAX_REASON), rows: '3', required: true, placeholder: 'Why you approve or reject (required, kept on the ledger)', 'data-testid': 'reason' });
  const approve = h('button', { type: 'button', class: 'approve', disabled: true, 'data-testid': 'approve' }, 'Approve');
  const reject = h('button', { type: 'button', class: 'reject', disabled: true, 'data-testid': 'reject' }, 'Reject');
  const hint = h('p', { class: 'muted', 'data-testid': 'reason-hint' }, 'A reason is required to approve or reject.');
  const error = h('p', { class: 'error', role: 'alert', hidden: true, 'data-testid': 'decision-error' });
  const blank = () => reason.value.trim() === '';
  const refresh = () => {
    approve.disabled = blank();
    reject.disabled = blank();
    hint.hidden = !blank();
  };
  reason.addEventListener('input', refresh);
  const decide = (action: 'approve' | 'reject') => {
    if (blank()) return refresh();
    approve.disabled = true;
    reject.disabled = true;
    error.hidden = true;
    const mark = `${action}-start`;
    performance.clearMarks(mark);
    performance.mark(mark);
    api<DecisionAnswer>('POST', `${basePath}/${action}`, { reason: reason.value.trim() }).then(
      (answer) => {
        onDecided(answer);
        performance.measure(`${action}-round-trip`, mark);
      },
      (failure: unknown) => {
        error.textContent = messageOf(failure);
        error.hidden = false;
        refresh();
      },
    );
  };
  approve.addEventListener('click', () => decide('approve'));
  reject.addEventListener('click', () => decide('reject'));
  return h('section', { class: 'card decision', 'data-testid': 'decision' }, h('h2', {}, 'Your decision'), h('label', {}, 'Reason', reason), hint, h('div', { class: 'buttons' }, approve, reject), error);
}
