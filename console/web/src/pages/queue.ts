import { api, query } from '../api';
import { barChart } from '../charts/bar-chart';
import { pendingAgeBars } from '../charts/pending-age';
import { h, replaceChildren } from '../dom';
import { ageOf, amount, bankName, instant } from '../format';
import type { PendingBridgeOuts, PendingTransfers, Session } from '../types';
import { bankPicker, defaultBank } from './bank-picker';

/** One queue row, transfers and bridge-outs alike. */
type Item = {
  readonly kind: 'transfer' | 'bridge-out';
  readonly id: string;
  readonly href: string;
  readonly assetId: string;
  readonly amount: string;
  readonly parties: string;
  readonly requestedAt: string;
  readonly missing: readonly string[];
};

async function loadItems(bank: string | undefined): Promise<Item[]> {
  const search = query({ bank, pageSize: '100' });
  const [transfers, bridgeOuts] = await Promise.all([api<PendingTransfers>('GET', `/pending/transfers${search}`), api<PendingBridgeOuts>('GET', `/pending/bridge-outs${search}`)]);
  return [
    ...transfers.records.map(({ transfer, missingApprovals }): Item => ({ kind: 'transfer', id: transfer.transferId, href: `#/transfers/${encodeURIComponent(transfer.transferId)}`, assetId: transfer.assetId, amount: transfer.amount, parties: `${transfer.fromInvestorId} → ${transfer.toInvestorId}`, requestedAt: transfer.requestedAt, missing: missingApprovals })),
    ...bridgeOuts.records.map(({ bridgeOut, missingApprovals }): Item => ({ kind: 'bridge-out', id: bridgeOut.bridgeOutId, href: `#/bridge-outs/${encodeURIComponent(bridgeOut.bridgeOutId)}`, assetId: bridgeOut.assetId, amount: bridgeOut.amount, parties: `${bridgeOut.investorId} → ${bridgeOut.wallet.slice(0, 10)}… (chain ${bridgeOut.chainId})`, requestedAt: bridgeOut.requestedAt, missing: missingApprovals })),
  ].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}

type Filters = { kind: string; text: string; mineOnly: boolean };

function matches(item: Item, filters: Filters, session: Session): boolean {
  if (filters.kind !== 'all' && item.kind !== filters.kind) return false;
  const text = filters.text.trim().toLowerCase();
  if (text !== '' && ![item.id, item.assetId, item.parties].some((field) => field.toLowerCase().includes(text))) return false;
  // "Waiting for my bank": a missing approval names the bank's MSP id.
  return !filters.mineOnly || item.missing.some((sentence) => sentence.includes(session.mspId));
}

function row(item: Item, now: number): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-testid': `queue-row-${item.id}` },
    h('td', {}, item.kind === 'transfer' ? 'Transfer' : 'Bridge-out'),
    h('td', {}, h('a', { href: item.href }, item.id)),
    h('td', {}, item.assetId),
    h('td', { class: 'num' }, amount(item.amount)),
    h('td', {}, item.parties),
    h('td', { title: instant(item.requestedAt) }, ageOf(item.requestedAt, now)),
    h('td', {}, item.missing.length === 0 ? 'none' : item.missing.join('; ')),
  );
}

/** Pending transfers and bridge-outs of the officer's bank (any bank, for the regulator), with filters and the pending-age chart. */
export async function renderQueue(app: HTMLElement, session: Session, chosenBank?: string): Promise<void> {
  const bank = chosenBank ?? defaultBank(session);
  const items = await loadItems(bank);
  const now = Date.now();
  const filters: Filters = { kind: 'all', text: '', mineOnly: false };
  const body = h('tbody');
  const count = h('p', { class: 'muted', 'data-testid': 'queue-count' });
  const redraw = () => {
    const shown = items.filter((item) => matches(item, filters, session));
    replaceChildren(body, ...shown.map((item) => row(item, now)));
    if (shown.length === 0) body.appendChild(h('tr', {}, h('td', { colspan: '7', class: 'muted' }, 'Nothing pending matches.')));
    count.textContent = `${shown.length} of ${items.length} pending`;
  };
  const kind = h('select', { 'data-testid': 'filter-kind' }, h('option', { value: 'all' }, 'Transfers and bridge-outs'), h('option', { value: 'transfer' }, 'Transfers'), h('option', { value: 'bridge-out' }, 'Bridge-outs'));
  kind.addEventListener('change', () => ((filters.kind = kind.value), redraw()));
  const text = h('input', { type: 'search', placeholder: 'Id, asset or investor', 'data-testid': 'filter-text' });
  text.addEventListener('input', () => ((filters.text = text.value), redraw()));
  const mine = h('input', { type: 'checkbox', 'data-testid': 'filter-mine' });
  mine.addEventListener('change', () => ((filters.mineOnly = mine.checked), redraw()));
  const filterBar = h('div', { class: 'filters' }, kind, text, session.role === 'compliance-officer' ? h('label', { class: 'inline' }, mine, 'Waiting for my bank') : null);
  if (session.role === 'regulator') filterBar.prepend(bankPicker(bank, (chosen) => void renderQueue(app, session, chosen)));
  redraw();
  replaceChildren(
    app,
    h('h1', {}, `Pending at ${bankName(bank ?? session.mspId)}`),
    h('section', { class: 'card' }, h('h2', {}, 'How long items have waited'), barChart('Pending items by age', pendingAgeBars(items.map((item) => item.requestedAt), now), 'items')),
    filterBar,
    count,
    h('table', { 'data-testid': 'queue' }, h('thead', {}, h('tr', {}, ...['Kind', 'Id', 'Asset', 'Amount', 'Parties', 'Waiting', 'Approvals missing'].map((name) => h('th', {}, name)))), body),
  );
}
