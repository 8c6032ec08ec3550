import { api, ApiError, messageOf } from '../api';
import { h } from '../dom';
import type { AssetNav, Session } from '../types';

/** An 18-decimal fixed-point amount with two decimals, rounded down: how the oracle's NAV reads to a person. */
function fixed18(value: string): string {
  const cents = BigInt(value) / 10n ** 16n;
  return `${(cents / 100n).toLocaleString('en-US')}.${(cents % 100n).toString().padStart(2, '0')}`;
}

function sentence(nav: AssetNav): string {
  if (nav.writtenOff) return `On chain ${nav.chainId} the NAV oracle is written off: the lending market prices the units at zero.`;
  const haircut = Number(nav.haircutBps) / 100;
  return `On chain ${nav.chainId} the NAV oracle holds ${fixed18(nav.navPerUnit)} ${nav.currency} per unit (valuation ${nav.valuationSeq})${haircut === 0 ? '' : `, lowered ${haircut}% by the haircut schedule`}; it is ${nav.outlook}.`;
}

/**
 * The price the lending market uses for the asset's units, from its NAV oracle on the EVM chain, and
 * how long before it falls further without a fresh valuation (issue: stale NAV). Says plainly when
 * the service reads no EVM chain or the asset has no oracle there.
 */
export function navCard(assetId: string, session: Session): HTMLElement {
  const title = h('h2', {}, 'Price on the EVM chain');
  if (session.features?.navView !== true) {
    return h('section', { class: 'card' }, title, h('p', { 'data-testid': 'asset-nav' }, 'This console reads no EVM chain, so it cannot show the lending market\u2019s price.'));
  }
  const text = h('p', { 'data-testid': 'asset-nav' }, 'Reading the NAV oracle\u2026');
  api<AssetNav>('GET', `/assets/${encodeURIComponent(assetId)}/nav`)
    .then((nav) => (text.textContent = sentence(nav)))
    .catch((failure: unknown) => {
      const code = failure instanceof ApiError ? failure.code : '';
      text.textContent =
        code === 'OFFICER_EVM_NOT_CONFIGURED'
          ? 'This console reads no EVM chain, so it cannot show the lending market\u2019s price.'
          : code === 'OFFICER_NAV_NOT_FOUND'
            ? 'The asset has no NAV oracle on the EVM chain this console reads.'
            : `The NAV oracle could not be read: ${messageOf(failure)}`;
    });
  return h('section', { class: 'card' }, title, text);
}
