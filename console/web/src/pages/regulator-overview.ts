import { api, query } from '../api';
import { barChart } from '../charts/bar-chart';
import { h, replaceChildren } from '../dom';
import { ageOf, bankName, instant } from '../format';
import type { RegulatorOverview, Session } from '../types';
import { adoptionsWaitingCard } from './adoptions-waiting';

const PAGE_SIZE = 100;

/** A count from the first page: "100+" when the page was full and more may follow. */
function countOf(records: readonly unknown[]): string {
  return records.length >= PAGE_SIZE ? `${PAGE_SIZE}+` : String(records.length);
}

/**
 * `#/regulator`, the regulator's landing page: per bank, how many transfers and bridge-outs wait
 * and the oldest wait (browser clock, as in the queue), a bar chart of the pending items per bank,
 * each bank's queue one click away, and the adoption requests waiting for the regulator's decision,
 * each linking to the investor's page where it is decided.
 */
export async function renderRegulatorOverview(app: HTMLElement, session: Session): Promise<void> {
  if (session.role !== 'regulator') {
    replaceChildren(app, h('p', { class: 'error', role: 'alert' }, 'The overview across banks is the regulator\u2019s.'));
    return;
  }
  const [{ banks }, adoptions] = await Promise.all([api<RegulatorOverview>('GET', `/regulator/overview${query({ pageSize: String(PAGE_SIZE) })}`), adoptionsWaitingCard(session, false)]);
  const now = Date.now();
  const rows = banks.map(({ bankMsp, transfers, bridgeOuts }) => {
    const requested = [...transfers.records.map((record) => record.transfer.requestedAt), ...bridgeOuts.records.map((record) => record.bridgeOut.requestedAt)].sort();
    const oldest = requested[0];
    return h(
      'tr',
      { 'data-testid': `overview-${bankMsp}` },
      h('td', {}, h('a', { href: `#/queue/${encodeURIComponent(bankMsp)}` }, bankName(bankMsp))),
      h('td', { class: 'num', 'data-testid': `overview-${bankMsp}-transfers` }, countOf(transfers.records)),
      h('td', { class: 'num', 'data-testid': `overview-${bankMsp}-bridge-outs` }, countOf(bridgeOuts.records)),
      h('td', { title: oldest === undefined ? undefined : instant(oldest) }, oldest === undefined ? 'nothing waits' : `${ageOf(oldest, now)} (since ${instant(oldest)})`),
    );
  });
  const bars = banks.map(({ bankMsp, transfers, bridgeOuts }) => ({ label: bankName(bankMsp), value: transfers.records.length + bridgeOuts.records.length }));
  replaceChildren(
    app,
    h('h1', {}, 'Pending across banks'),
    h('section', { class: 'card', 'data-testid': 'overview-chart' }, h('h2', {}, 'Pending items per bank'), barChart('Pending transfers and bridge-outs per bank', bars, 'pending')),
    h('table', { 'data-testid': 'overview' }, h('thead', {}, h('tr', {}, ...['Bank', 'Transfers pending', 'Bridge-outs pending', 'Oldest wait'].map((name) => h('th', {}, name)))), h('tbody', {}, ...rows)),
    adoptions,
  );
}
