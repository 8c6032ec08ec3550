import { h } from '../dom';
import { bankName, instant, personName } from '../format';
import type { Approval } from '../types';

/** Who approved, when and why, and which approvals are still missing (the service words them). */
export function fourEyesStatus(approvals: readonly Approval[], missing: readonly string[], status: string): HTMLElement {
  const needed = approvals.length + missing.length;
  const headline = status !== 'PENDING' ? `${approvals.length} approval${approvals.length === 1 ? '' : 's'} recorded; the request is ${status}.` : missing.length === 0 ? 'Every approval is in.' : `${approvals.length} of ${needed} approvals; still missing: ${missing.join('; ')}.`;
  return h(
    'section',
    { class: 'card', 'data-testid': 'four-eyes' },
    h('h2', {}, 'Four-eyes status'),
    h('p', { 'data-testid': 'four-eyes-summary' }, headline),
    approvals.length === 0
      ? h('p', { class: 'muted' }, 'No approval yet.')
      : h('ol', { class: 'approvals' }, ...approvals.map((approval) => h('li', {}, h('strong', {}, bankName(approval.officerMsp)), ` · ${instant(approval.approvedAt)} · `, h('span', { class: 'officer', title: approval.officerId }, personName(approval.officerId)), ' · ', h('q', {}, approval.reason ?? '(no reason)')))),
    missing.length === 0 ? null : h('ul', { class: 'missing' }, ...missing.map((sentence) => h('li', {}, sentence))),
  );
}
