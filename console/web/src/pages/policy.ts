import { api } from '../api';
import { h, replaceChildren } from '../dom';
import { amount, instant } from '../format';
import type { AssetPolicy, PolicyDocument, Session } from '../types';
import { legalProposalCard } from './legal-proposal';
import { navCard } from './nav-card';

function list(values: readonly string[], none: string): string {
  return values.length === 0 ? none : values.join(', ');
}

/** Lockup seconds in days (and the remainder in hours, should a policy ever use one). */
function days(seconds: number): string {
  const whole = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  return `${whole} ${whole === 1 ? 'day' : 'days'}${hours === 0 ? '' : ` ${hours} h`} after the units were acquired`;
}

/** Every field of the policy, in the words an officer uses; each row carries its field name as test id. */
function rows(terms: PolicyDocument): ReadonlyArray<readonly [string, string, string]> {
  return [
    ['allowedJurisdictions', 'Investors may reside in', list(terms.allowedJurisdictions, 'nowhere')],
    ['blockedJurisdictions', 'Investors may not reside in', list(terms.blockedJurisdictions, 'no blocked jurisdiction')],
    ['allowedInvestorTypes', 'Investor types allowed', list(terms.allowedInvestorTypes, 'none')],
    ['lockupSeconds', 'Lockup', terms.lockupSeconds === 0 ? 'none: units may move at once' : days(terms.lockupSeconds)],
    ['maxHolders', 'Most holders', `${terms.maxHolders} beneficial owners (bridged units count for their owner)`],
    ['maxBalancePerHolder', 'Most units per holder', `${amount(terms.maxBalancePerHolder)} units, bridge escrow included`],
    ['minTransfer', 'Smallest transfer', `${amount(terms.minTransfer)} units`],
    ['fourEyesThreshold', 'Four eyes', `two distinct officers approve transfers of ${amount(terms.fourEyesThreshold)} units or more`],
    ['travelRuleThreshold', 'Travel rule', `originator and beneficiary data needed from ${amount(terms.travelRuleThreshold)} units`],
    ['defiEligible', 'DeFi', terms.defiEligible ? 'eligible: units may be bridged to the EVM chain and used as collateral' : 'not eligible: units stay on the ledger'],
  ];
}

const dateOf = (seconds: number): string => instant(new Date(seconds * 1000).toISOString());

/** The asset's legal state in the words an officer needs: what it means for the units here and on the EVM chain. */
function legalState(asset: AssetPolicy['asset']): string {
  switch (asset.state) {
    case 'REMEDIATION':
      return asset.remediation === null
        ? 'In remediation: units still move here, but no new collateral may be supplied on the EVM chain.'
        : `In remediation since ${dateOf(asset.remediation.startedAt)}: units still move here, but no new collateral may be supplied on the EVM chain; a write-off may be proposed from ${dateOf(asset.remediation.endsAt)}.`;
    case 'CURED':
      return 'Cured after a remediation: back to normal on both chains.';
    case 'WRITTEN_OFF':
      return 'Written off: the units stay where they are as the record of the loss; the EVM oracle prices them at zero.';
    case 'REDEEMED':
      return 'Redeemed: every unit was retired and its holder paid.';
    case 'TOKENIZED':
      return 'Normal: units move between verified investors under the policy below.';
    default:
      return `${asset.state}: no units exist yet.`;
  }
}

/**
 * `#/assets/{assetId}/policy`: the asset's legal state and any open legal proposal (to vote on),
 * then the policy version its units are held under, every field in words, with its version and hash.
 */
export async function renderPolicy(app: HTMLElement, assetId: string, session: Session): Promise<void> {
  const { asset, policy } = await api<AssetPolicy>('GET', `/assets/${encodeURIComponent(assetId)}/policy`);
  const proposal = await legalProposalCard(assetId, session, () => void renderPolicy(app, assetId, session));
  replaceChildren(
    app,
    h('p', {}, h('a', { href: '#/queue' }, '\u2190 Queue')),
    h('h1', {}, `${asset.assetId}: legal state, price and policy`),
    h('p', { class: 'muted' }, `${asset.name} \u00b7 ${asset.state}`),
    h('p', { class: `card legal legal-${asset.state.toLowerCase()}`, 'data-testid': 'legal-state' }, legalState(asset)),
    proposal,
    navCard(asset.assetId, session),
    h('dl', { class: 'card facts', 'data-testid': 'policy' }, ...rows(policy.document).flatMap(([field, name, value]) => [h('dt', {}, name), h('dd', { 'data-testid': `policy-${field}` }, value)])),
    h(
      'dl',
      { class: 'card facts', 'data-testid': 'policy-version' },
      h('dt', {}, 'Version'),
      h('dd', { 'data-testid': 'policy-version-number' }, String(policy.version)),
      h('dt', {}, 'SHA-256 on the ledger'),
      h('dd', { class: 'hash', 'data-testid': 'policy-hash' }, policy.policyHash),
      h('dt', {}, 'Attached'),
      h('dd', {}, `${instant(policy.attachedAt)} by ${policy.attachedBy}`),
    ),
  );
}
