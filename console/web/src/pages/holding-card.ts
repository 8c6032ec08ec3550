import { api, ApiError, messageOf, query } from '../api';
import { h, replaceChildren } from '../dom';
import { amount, instant } from '../format';
import type { Holding, Investor, PendingTransfers, Session } from '../types';
import { reasonedActions, type ReasonedAction } from './reasoned-actions';

/**
 * The asset the holding card opens on: the asset of the first pending transfer the person can see
 * (the investor's bank's queue for the regulator, their own bank's for an officer); the story has
 * one asset. Empty when nothing is pending: the officer types the asset id.
 */
async function suggestedAsset(session: Session, investor: Investor): Promise<string> {
  try {
    const page = await api<PendingTransfers>('GET', `/pending/transfers${query({ bank: session.role === 'regulator' ? investor.bankMsp : undefined, pageSize: '1' })}`);
    return page.records[0]?.transfer.assetId ?? '';
  } catch {
    return '';
  }
}

/** Who may freeze: officers of the investor's bank and the regulator (the chaincode checks again). */
export function mayFreeze(session: Session, investor: Investor): boolean {
  return session.role === 'regulator' || session.mspId === investor.bankMsp;
}

function holdingFacts(holding: Holding): HTMLElement {
  const facts: ReadonlyArray<readonly [string, string, string]> = [
    ['Balance', `${amount(holding.balance)} units`, 'holding-balance'],
    ['Frozen', `${amount(holding.frozen)} units`, 'holding-frozen'],
    ['In bridge escrow', `${amount(holding.escrowed)} units`, 'holding-escrowed'],
  ];
  return h(
    'div',
    {},
    h('dl', { class: 'facts' }, ...facts.flatMap(([name, value, testId]) => [h('dt', {}, name), h('dd', { 'data-testid': testId }, value)])),
    h('table', { 'data-testid': 'holding-lots' }, h('thead', {}, h('tr', {}, h('th', {}, 'Lot acquired'), h('th', {}, 'Units'))), h('tbody', {}, ...holding.lots.map((lot) => h('tr', {}, h('td', {}, instant(new Date(lot.acquiredAt * 1000).toISOString())), h('td', { class: 'num' }, amount(lot.amount)))))),
  );
}

function freezeControls(holding: Holding, shown: (holding: Holding) => void): HTMLElement {
  const amountInput = h('input', { id: 'freeze-amount', inputmode: 'numeric', placeholder: 'empty: all units', 'data-testid': 'freeze-amount' });
  const path = `/holdings/${encodeURIComponent(holding.assetId)}/${encodeURIComponent(holding.investorId)}`;
  const send = (direction: 'freeze' | 'unfreeze') => async (reason: string) => {
    const units = amountInput.value.trim();
    if (units !== '' && !/^[1-9][0-9]*$/.test(units)) throw new Error('The amount must be a whole number of units above zero, or empty for all.');
    shown(await api<Holding>('POST', `${path}/${direction}`, units === '' ? { reason } : { amount: units, reason }));
    amountInput.value = '';
  };
  const actions: ReasonedAction[] = [
    { label: 'Freeze', testId: 'freeze', className: 'reject', run: send('freeze') },
    { label: 'Unfreeze', testId: 'unfreeze', className: 'approve', run: send('unfreeze') },
  ];
  return reasonedActions({
    title: 'Freeze or unfreeze',
    testId: 'freeze-controls',
    placeholder: 'Why (required, kept on the ledger)',
    note: 'With an amount: freeze that many more units, or unfreeze that many. Empty: freeze every unit, or unfreeze every frozen unit.',
    fields: [h('label', { for: 'freeze-amount' }, 'Amount (units)'), amountInput],
    actions,
  });
}

/** The investor's holding of an asset (balance, frozen, escrowed, lots) and, for those allowed, freeze and unfreeze. */
export function holdingCard(session: Session, investor: Investor): HTMLElement {
  const asset = h('input', { id: 'holding-asset', placeholder: 'Asset id, e.g. ZOB', 'data-testid': 'holding-asset' });
  const show = h('button', { type: 'button', 'data-testid': 'holding-show' }, 'Show holding');
  const body = h('div', { 'data-testid': 'holding' });
  const shown = (holding: Holding) => replaceChildren(body, holdingFacts(holding), mayFreeze(session, investor) ? freezeControls(holding, shown) : null);
  const load = async () => {
    const assetId = asset.value.trim();
    if (assetId === '') return replaceChildren(body, h('p', { class: 'muted' }, 'Type an asset id to see the holding.'));
    try {
      shown(await api<Holding>('GET', `/holdings/${encodeURIComponent(assetId)}/${encodeURIComponent(investor.investorId)}`));
    } catch (error) {
      replaceChildren(body, h('p', { class: 'error', role: 'alert', 'data-testid': 'holding-error' }, error instanceof ApiError && error.code === 'HOLDING_NOT_FOUND' ? `${investor.investorId} holds no units of ${assetId}.` : messageOf(error)));
    }
  };
  show.addEventListener('click', () => void load());
  void suggestedAsset(session, investor).then((assetId) => {
    if (assetId === '' || asset.value !== '') return;
    asset.value = assetId;
    void load();
  });
  return h('section', { class: 'card', 'data-testid': 'holding-card' }, h('h2', {}, 'Holding'), h('div', { class: 'filters' }, h('label', { for: 'holding-asset' }, 'Asset'), asset, show), body);
}
