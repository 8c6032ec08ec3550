import { api, query } from '../api';
import { h, replaceChildren } from '../dom';
import { bankName, instant, personName } from '../format';
import type { Investor, InvestorPage, Session } from '../types';
import { adoptionCard } from './adoption-card';
import { adoptionsWaitingCard } from './adoptions-waiting';
import { bankPicker, defaultBank } from './bank-picker';
import { holdingCard } from './holding-card';
import { investorStatusCard } from './investor-status';
import { kycPhaseWords } from './kyc-phase-words';
import { openInvestorForm } from './open-investor';

function kycUntil(investor: Investor): string {
  return instant(new Date(investor.kycExpiresAt * 1000).toISOString());
}

function row(investor: Investor): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-testid': `investor-row-${investor.investorId}` },
    h('td', {}, h('a', { href: `#/investors/${encodeURIComponent(investor.investorId)}` }, investor.investorId)),
    h('td', {}, investor.investorType),
    h('td', {}, investor.jurisdiction),
    h('td', {}, `${investor.kycStatus} (${investor.kycLevel}) until ${kycUntil(investor)}`),
    h('td', {}, investor.sanctions === null ? 'not screened' : `${investor.sanctions.status} on ${investor.sanctions.listVersion}`),
  );
}

/** Whether the person is an officer of the investor's own bank: the one who edits and changes status. */
function ownBankOfficer(session: Session, investor: Investor): boolean {
  return session.role === 'compliance-officer' && session.mspId === investor.bankMsp;
}

/**
 * Where the investor's bank stands: gone from the consortium (with Adopt for compliance officers,
 * whose banks the chaincode checks are in force, while no request waits), and the adoption that
 * brought the investor here, with the regulator's approval.
 */
function membership(investor: Investor, session: Session): HTMLElement[] {
  const lines: HTMLElement[] = [];
  const officer = session.role === 'compliance-officer';
  const waiting = investor.adoption !== null && investor.adoption !== undefined;
  if (investor.bankInForce === false) {
    const adopt = officer && !waiting ? h('a', { class: 'button', href: `#/investors/${encodeURIComponent(investor.investorId)}/adopt`, 'data-testid': 'investor-adopt' }, 'Adopt') : null;
    lines.push(h('p', { class: 'error', 'data-testid': 'investor-bank-left' }, `${bankName(investor.bankMsp)} has left the consortium.`, officer ? ' Until a bank in force adopts the investor, nobody can act for them. ' : null, adopt));
  }
  const adoption = investor.adoptedFrom;
  if (adoption !== undefined) {
    const approval = adoption.approvedBy === undefined ? [] : ['; approved by ', h('span', { class: 'officer', title: adoption.approvedBy }, personName(adoption.approvedBy)), `: ${adoption.approvalReason ?? ''}`];
    lines.push(h('p', { 'data-testid': 'investor-adopted' }, `Adopted from ${bankName(adoption.fromBankMsp)} on ${instant(adoption.adoptedAt)} by `, h('span', { class: 'officer', title: adoption.adoptedBy }, personName(adoption.adoptedBy)), `: ${adoption.reason}`, ...approval));
  }
  return lines;
}

function detail(investor: Investor, session: Session): HTMLElement {
  const phase = kycPhaseWords(investor);
  const facts: ReadonlyArray<readonly [string, string]> = [
    ['Bank', bankName(investor.bankMsp)],
    ['Type', investor.investorType],
    ['Jurisdiction', investor.jurisdiction],
    ['KYC', `${investor.kycStatus}, level ${investor.kycLevel}, until ${kycUntil(investor)}`],
    ...(phase === undefined ? [] : [['KYC phase', phase] as const]),
    ['Sanctions', investor.sanctions === null ? 'not screened' : `${investor.sanctions.status} on ${investor.sanctions.listVersion}`],
    ['Onboarded', instant(investor.onboardedAt)],
  ];
  return h('section', { class: 'card', 'data-testid': 'investor-detail' }, h('h2', {}, `Investor ${investor.investorId}`), h('dl', { class: 'facts' }, ...facts.flatMap(([name, value]) => [h('dt', {}, name), h('dd', { 'data-testid': `investor-fact-${name.toLowerCase().replace(/ /g, '-')}` }, value)])), ...membership(investor, session), h('p', { class: 'muted' }, 'Personal data stays off this page: it is on the ledger only in the bank\u2019s private collection.'), ownBankOfficer(session, investor) ? h('a', { class: 'button', href: `#/investors/${encodeURIComponent(investor.investorId)}/edit`, 'data-testid': 'investor-edit' }, 'Edit') : null);
}

/** The bank's investors (any bank's, for the regulator) with a text and status filter; one investor's public record when `investorId` is given. */
export async function renderInvestors(app: HTMLElement, session: Session, investorId?: string, chosenBank?: string): Promise<void> {
  const bank = chosenBank ?? defaultBank(session);
  // An officer's own bank's adoption requests waiting, when there are any: the regulator has them on the overview.
  const [page, selected, adoptions] = await Promise.all([
    api<InvestorPage>('GET', `/investors${query({ bank, pageSize: '100' })}`),
    investorId === undefined ? undefined : api<Investor>('GET', `/investors/${encodeURIComponent(investorId)}`),
    session.role === 'compliance-officer' ? adoptionsWaitingCard(session, true) : null,
  ]);
  const body = h('tbody');
  const text = h('input', { type: 'search', placeholder: 'Id, type or jurisdiction', 'data-testid': 'investor-filter' });
  const status = h('select', { 'data-testid': 'investor-status' }, ...['any status', 'active', 'suspended', 'revoked'].map((value) => h('option', { value }, value)));
  const redraw = () => {
    const needle = text.value.trim().toLowerCase();
    const shown = page.records.filter((investor) => (status.value === 'any status' || investor.kycStatus === status.value) && (needle === '' || [investor.investorId, investor.investorType, investor.jurisdiction].some((field) => field.toLowerCase().includes(needle))));
    replaceChildren(body, ...shown.map(row));
  };
  text.addEventListener('input', redraw);
  status.addEventListener('change', redraw);
  redraw();
  const filters = h('div', { class: 'filters' }, text, status);
  if (session.role === 'regulator') filters.prepend(bankPicker(bank, (next) => void renderInvestors(app, session, undefined, next)));
  replaceChildren(
    app,
    h('h1', {}, `Investors of ${bankName(page.bankMsp)}`),
    session.role === 'compliance-officer' ? h('p', {}, h('a', { class: 'button', href: '#/investors/new', 'data-testid': 'investor-new' }, 'Onboard an investor')) : null,
    selected === undefined ? null : detail(selected, session),
    selected === undefined ? null : adoptionCard(selected, session, () => void renderInvestors(app, session, selected.investorId, chosenBank)),
    selected !== undefined && ownBankOfficer(session, selected) ? investorStatusCard(selected, () => void renderInvestors(app, session, selected.investorId, chosenBank)) : null,
    selected === undefined ? null : holdingCard(session, selected),
    openInvestorForm(),
    adoptions,
    filters,
    h('table', { 'data-testid': 'investors' }, h('thead', {}, h('tr', {}, ...['Id', 'Type', 'Jurisdiction', 'KYC', 'Sanctions'].map((name) => h('th', {}, name)))), body),
  );
}
