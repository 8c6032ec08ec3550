import { api } from '../api';
import { h } from '../dom';
import { bankName, instant, personName } from '../format';
import type { AdoptionRequest, Investor, Session } from '../types';
import { reasonedActions, type ReasonedAction } from './reasoned-actions';

/** "BankA asked to adopt on …: reason — waiting for the regulator", with who asked on hover. */
function waitingLine(request: AdoptionRequest): HTMLElement {
  return h(
    'p',
    { 'data-testid': 'investor-adoption-waiting' },
    h('span', { class: 'officer', title: request.requestedBy }, bankName(request.toBankMsp)),
    ` asked to adopt on ${instant(request.requestedAt)}: ${request.reason} \u2014 waiting for the regulator`,
  );
}

/**
 * The adoption request waiting for the investor, if any, with what the person may do about it:
 * the regulator approves (the investor moves to the requesting bank) or rejects; an officer of the
 * requesting bank withdraws. A reason is required for each. The chaincode decides again who may;
 * `onDecided` gets the investor as the ledger now holds it.
 */
export function adoptionCard(investor: Investor, session: Session, onDecided: (investor: Investor) => void): HTMLElement | null {
  const request = investor.adoption;
  if (request === null || request === undefined) return null;
  const decide = (decision: 'approve' | 'reject') => async (reason: string) => onDecided(await api<Investor>('POST', `/investors/${encodeURIComponent(investor.investorId)}/adoption/${decision}`, { reason }));
  let actions: ReasonedAction[] = [];
  if (session.role === 'regulator') {
    actions = [
      { label: 'Approve', testId: 'adoption-approve', className: 'approve', run: decide('approve') },
      { label: 'Reject', testId: 'adoption-reject', className: 'reject', run: decide('reject') },
    ];
  } else if (session.role === 'compliance-officer' && session.mspId === request.toBankMsp) {
    actions = [{ label: 'Withdraw', testId: 'adoption-withdraw', className: 'reject', run: decide('reject') }];
  }
  if (actions.length === 0) return h('section', { class: 'card', 'data-testid': 'investor-adoption' }, h('h2', {}, 'Adoption'), waitingLine(request));
  const note = session.role === 'regulator' ? `Approving makes ${bankName(request.toBankMsp)} the investor\u2019s bank: their holdings and waiting requests move with them. Requested by ${personName(request.requestedBy)}.` : 'Withdrawing removes the request and the personal data sent with it.';
  const card = reasonedActions({ title: 'Adoption', testId: 'investor-adoption', placeholder: 'Why (required, kept on the ledger)', note, actions });
  card.querySelector('h2')?.after(waitingLine(request));
  return card;
}
