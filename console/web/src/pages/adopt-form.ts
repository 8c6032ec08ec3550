import { api } from '../api';
import { h, replaceChildren } from '../dom';
import { bankName } from '../format';
import type { AdoptionRequest, Investor, Session } from '../types';
import { FormFields } from './form-fields';
import { onInvestorSubmit, piiFields, publicFields } from './investor-form';

const MAX_REASON = 500;

/** Why no form is offered, or undefined when the person may try to adopt the investor. */
function refusalOf(session: Session, investor: Investor): string | undefined {
  if (session.role !== 'compliance-officer') return 'Only compliance officers adopt investors.';
  if (investor.bankInForce === null || investor.bankInForce === undefined) return 'No consortium membership is in force, so no bank can take over this investor now.';
  if (investor.bankInForce) return `${bankName(investor.bankMsp)} is a member of the consortium: its own officers act for this investor.`;
  const waiting = investor.adoption;
  if (waiting !== null && waiting !== undefined && waiting.toBankMsp !== session.mspId) return `${bankName(waiting.toBankMsp)}\u2019s request to adopt this investor waits for the regulator; it must be decided first.`;
  return undefined;
}

/**
 * Adoption request (`#/investors/{id}/adopt`): an officer's bank asks to take over an investor whose
 * bank has left the consortium, doing the KYC again; the regulator approves or rejects the request
 * on the investor's page. The public record starts as the ledger holds it, the
 * personal data is entered afresh (the leaving bank's copy cannot be read) and a reason is
 * required. As on the onboarding form, required fields are checked here first, the service's
 * problems land beside their fields and the personal-data inputs are emptied once it accepted them.
 */
export async function renderAdoptForm(app: HTMLElement, session: Session, investorId: string): Promise<void> {
  const investor = await api<Investor>('GET', `/investors/${encodeURIComponent(investorId)}`);
  const back = h('p', {}, h('a', { href: `#/investors/${encodeURIComponent(investor.investorId)}` }, `\u2190 Investor ${investor.investorId}`));
  const refusal = refusalOf(session, investor);
  if (refusal !== undefined) {
    replaceChildren(app, back, h('p', { class: 'error', role: 'alert', 'data-testid': 'adopt-refused' }, refusal));
    return;
  }
  const fields = new FormFields();
  const general = h('p', { class: 'error', role: 'alert', hidden: true, 'data-testid': 'form-error' });
  const submit = h('button', { type: 'submit', 'data-testid': 'adopt-submit' }, `Request adoption for ${bankName(session.mspId)}`);
  const form = h(
    'form',
    { class: 'investor-form', novalidate: true, 'data-testid': 'adopt-form' },
    publicFields(fields, investor),
    piiFields(fields, () => true),
    h('fieldset', { class: 'card' }, h('legend', {}, 'Adoption'), fields.input('reason', 'Reason (required, kept on the ledger)', { required: true, maxlength: MAX_REASON, placeholder: `${bankName(investor.bankMsp)} left the consortium; KYC redone` })),
    h('div', { class: 'buttons' }, submit, h('a', { href: `#/investors/${encodeURIComponent(investor.investorId)}` }, 'Cancel')),
    general,
  );
  onInvestorSubmit({ form, fields, submit, general }, () => true, investor, (body) => api<AdoptionRequest>('POST', `/investors/${encodeURIComponent(investor.investorId)}/adopt`, { ...body, reason: fields.value('reason') }));
  replaceChildren(
    app,
    back,
    h('h1', {}, `Request to adopt investor ${investor.investorId} from ${bankName(investor.bankMsp)}`),
    h('p', { class: 'muted' }, `${bankName(investor.bankMsp)} has left the consortium. Adopting makes ${bankName(session.mspId)} the investor\u2019s bank once the regulator approves your request: do the KYC again, enter the personal data afresh (the leaving bank\u2019s copy cannot be read) and say why. On approval their holdings and the requests still waiting move with them; their wallets stay bound, and your bank\u2019s validator registers them again on its own claim.`),
    form,
  );
}
