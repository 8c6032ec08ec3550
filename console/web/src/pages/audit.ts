import { api, query } from '../api';
import { approvalsPerDayBars } from '../charts/approvals-per-day';
import { barChart } from '../charts/bar-chart';
import { h, replaceChildren } from '../dom';
import { amount, bankName, instant } from '../format';
import type { AuditPage, AuditRecord, Session } from '../types';

const ACTIONS = ['transfer-requested', 'transfer-approved', 'transfer-settled', 'transfer-rejected', 'transfer-expired', 'bridge-out-requested', 'bridge-out-approved', 'bridge-out-rejected', 'investor-frozen', 'investor-unfrozen', 'asset-paused', 'asset-unpaused'] as const;
const DAY = 86_400_000;
// Bars beyond a month stop being readable; a longer period charts its last 31 days.
const CHART_DAYS_MAX = 31;

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
}

function row(record: AuditRecord): HTMLTableRowElement {
  return h('tr', {}, h('td', {}, instant(record.at)), h('td', {}, record.action), h('td', {}, bankName(record.actorMsp)), h('td', {}, record.transferId ?? ''), h('td', {}, (record.investorIds ?? []).join(', ')), h('td', { class: 'num' }, record.amount === null ? '' : amount(record.amount)), h('td', {}, record.reason ?? ''));
}

/** Audit search over a period with filters, the approvals-per-day chart of what it found, and the same search as a CSV download. */
export async function renderAudit(app: HTMLElement, _session: Session): Promise<void> {
  const from = h('input', { type: 'date', value: day(-13), 'data-testid': 'audit-from', 'aria-label': 'From (UTC day)' });
  const to = h('input', { type: 'date', value: day(0), 'data-testid': 'audit-to', 'aria-label': 'To (UTC day, included)' });
  const action = h('select', { 'data-testid': 'audit-action' }, h('option', { value: '' }, 'any action'), ...ACTIONS.map((value) => h('option', { value }, value)));
  const investorId = h('input', { type: 'search', placeholder: 'Investor id', 'data-testid': 'audit-investor' });
  const transferId = h('input', { type: 'search', placeholder: 'Transfer id', 'data-testid': 'audit-transfer' });
  const search = h('button', { type: 'submit', 'data-testid': 'audit-search' }, 'Search');
  const csv = h('a', { class: 'button', download: 'audit.csv', 'data-testid': 'audit-csv' }, 'Download CSV');
  const results = h('div', { 'data-testid': 'audit-results' });
  const params = () => ({ from: `${from.value}T00:00:00.000Z`, to: new Date(Date.parse(`${to.value}T00:00:00.000Z`) + DAY).toISOString(), action: action.value, investorId: investorId.value.trim(), transferId: transferId.value.trim() });
  const run = async () => {
    const search = query({ ...params(), limit: '1000' });
    csv.href = `/api/v1/audit/export.csv${query(params())}`;
    const page = await api<AuditPage>('GET', `/audit${search}`);
    const days = Math.min(CHART_DAYS_MAX, Math.round((Date.parse(to.value) - Date.parse(from.value)) / DAY) + 1);
    replaceChildren(
      results,
      h('section', { class: 'card' }, h('h2', {}, 'Approvals per day'), barChart('Approvals per day', approvalsPerDayBars(page.records, to.value, Math.max(1, days)), 'approvals')),
      h('p', { class: 'muted', 'data-testid': 'audit-count' }, `${page.records.length} records${page.complete ? '' : ' (more exist: narrow the period or filters, or download the CSV)'}.`),
      h('table', { 'data-testid': 'audit' }, h('thead', {}, h('tr', {}, ...['When', 'Action', 'By', 'Transfer', 'Investors', 'Amount', 'Reason'].map((name) => h('th', {}, name)))), h('tbody', {}, ...page.records.map(row))),
    );
  };
  const form = h('form', { class: 'filters' }, from, to, action, investorId, transferId, search, csv);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run().catch((failure: unknown) => replaceChildren(results, h('p', { class: 'error', role: 'alert' }, failure instanceof Error ? failure.message : String(failure))));
  });
  replaceChildren(app, h('h1', {}, 'Audit'), form, results);
  await run();
}
