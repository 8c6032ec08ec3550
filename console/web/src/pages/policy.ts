import { api } from '../api';
import { h, replaceChildren } from '../dom';
import { amount, instant } from '../format';
import type { AssetPolicy, PolicyDocument } from '../types';

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

/** `#/assets/{assetId}/policy`: the policy version the asset's units are held under, every field in words, with its version and hash. */
export async function renderPolicy(app: HTMLElement, assetId: string): Promise<void> {
  const { asset, policy } = await api<AssetPolicy>('GET', `/assets/${encodeURIComponent(assetId)}/policy`);
  replaceChildren(
    app,
    h('p', {}, h('a', { href: '#/queue' }, '\u2190 Queue')),
    h('h1', {}, `Policy of ${asset.assetId}`),
    h('p', { class: 'muted' }, `${asset.name} \u00b7 ${asset.state}`),
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
