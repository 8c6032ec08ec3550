import { api, query } from '../api';
import { h } from '../dom';
import { bankName, instant, personName } from '../format';
import type { AdoptionPage, AdoptionRequest, Session } from '../types';

const PAGE_SIZE = 100;

function row(request: AdoptionRequest): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-testid': `adoption-row-${request.investorId}` },
    h('td', {}, h('a', { href: `#/investors/${encodeURIComponent(request.investorId)}` }, request.investorId)),
    h('td', {}, `${bankName(request.fromBankMsp)} \u2192 ${bankName(request.toBankMsp)}`),
    h('td', {}, instant(request.requestedAt)),
    h('td', { class: 'officer', title: request.requestedBy }, personName(request.requestedBy)),
    h('td', {}, request.reason),
  );
}

/**
 * "Adoptions waiting (N)": the first page of GET /adoptions, one row per request linking to the
 * investor's page, where the regulator approves or rejects and the requesting bank withdraws. The
 * chaincode gives a compliance officer only its own bank's requests; for them the card appears
 * only when one waits (`hideWhenNone`). A bookmark means more may wait: the count reads "N+".
 */
export async function adoptionsWaitingCard(session: Session, hideWhenNone: boolean): Promise<HTMLElement | null> {
  const page = await api<AdoptionPage>('GET', `/adoptions${query({ pageSize: String(PAGE_SIZE) })}`);
  if (page.records.length === 0 && hideWhenNone) return null;
  const more = page.bookmark !== '';
  const title = session.role === 'regulator' ? 'Adoptions waiting' : `${bankName(session.mspId)}\u2019s adoption requests waiting`;
  return h(
    'section',
    { class: 'card', 'data-testid': 'adoptions-waiting' },
    h('h2', { 'data-testid': 'adoptions-waiting-title' }, `${title} (${page.records.length}${more ? '+' : ''})`),
    page.records.length === 0
      ? h('p', { class: 'muted' }, 'No bank has asked to adopt an investor.')
      : h('table', {}, h('thead', {}, h('tr', {}, ...['Investor', 'From \u2192 to bank', 'Requested', 'By', 'Reason'].map((name) => h('th', {}, name)))), h('tbody', {}, ...page.records.map(row))),
    more ? h('p', { class: 'muted' }, `The first ${page.records.length} shown; `, h('code', {}, 'trestle investor adoption list'), ' pages through the rest.') : null,
  );
}
