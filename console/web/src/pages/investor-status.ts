import { api } from '../api';
import { h } from '../dom';
import { instant } from '../format';
import type { Investor } from '../types';
import { reasonedActions, type ReasonedAction } from './reasoned-actions';

type StatusAction = 'suspend' | 'reinstate' | 'revoke';

// What each action is offered from: a revoked investor is final, reinstating needs a suspension.
const OFFERED: Readonly<Record<string, readonly StatusAction[]>> = { active: ['suspend', 'revoke'], suspended: ['reinstate', 'revoke'], revoked: [] };

const LABELS: Readonly<Record<StatusAction, string>> = { suspend: 'Suspend', reinstate: 'Reinstate', revoke: 'Revoke' };

/**
 * Suspend / reinstate / revoke with a required reason, for an officer of the investor's own bank
 * (the caller decides who sees it; the service and the chaincode refuse anyone else).
 * `onChanged` gets the record as the ledger now holds it.
 */
export function investorStatusCard(investor: Investor, onChanged: (investor: Investor) => void): HTMLElement {
  const offered = OFFERED[investor.kycStatus] ?? [];
  const last = investor.lastStatusChange;
  const actions = offered.map(
    (action): ReasonedAction => ({
      label: LABELS[action],
      testId: `status-${action}`,
      className: action === 'reinstate' ? 'approve' : 'reject',
      run: async (reason) => onChanged(await api<Investor>('POST', `/investors/${encodeURIComponent(investor.investorId)}/status`, { action, reason })),
    }),
  );
  const note = `KYC status: ${investor.kycStatus}.${last === null || last === undefined ? '' : ` Last change: ${last.kycStatus} ${instant(last.changedAt)}, because: ${last.reason}`}`;
  if (actions.length === 0) return h('section', { class: 'card', 'data-testid': 'investor-kyc-status' }, h('h2', {}, 'KYC status'), h('p', {}, note, ' A revoked investor cannot be reinstated.'));
  return reasonedActions({ title: 'KYC status', testId: 'investor-kyc-status', placeholder: 'Why (required, kept on the ledger)', note, actions });
}
