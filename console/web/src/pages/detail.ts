import { api } from '../api';
import { h, replaceChildren } from '../dom';
import { amount, bankName, instant } from '../format';
import type { BridgeOut, BridgeOutDetail, Session, Transfer, TransferDetail, Verdict } from '../types';
import { decisionForm } from './decision-form';
import { fourEyesStatus } from './four-eyes';
import { evidenceFiles } from './evidence-files';
import { verdictList } from './verdict-list';

/** Which request a detail page shows. */
export type DetailTarget = { readonly kind: 'transfer' | 'bridge-out'; readonly id: string };

/** What the page needs from either kind of request. */
type Shown = {
  readonly title: string;
  readonly facts: ReadonlyArray<readonly [string, string]>;
  readonly record: Transfer | BridgeOut;
  readonly laterVerdicts: { readonly title: string; readonly verdicts: readonly Verdict[] } | undefined;
  readonly missing: readonly string[];
  /** The investors whose evidence files the page lists, with their banks. */
  readonly parties: ReadonlyArray<{ readonly investorId: string; readonly bankMsp: string }>;
};

function shownTransfer({ transfer, missingApprovals }: TransferDetail): Shown {
  return {
    title: `Transfer ${transfer.transferId}`,
    facts: [
      ['Asset', transfer.assetId],
      ['Amount', `${amount(transfer.amount)} units`],
      ['From', `${transfer.fromInvestorId} at ${bankName(transfer.senderBankMsp)}`],
      ['To', `${transfer.toInvestorId} at ${bankName(transfer.receiverBankMsp)}`],
      ['Requested', `${instant(transfer.requestedAt)} by ${bankName(transfer.requesterMsp)}`],
    ],
    record: transfer,
    laterVerdicts: transfer.settlementVerdicts === null ? undefined : { title: 'Rules at settlement', verdicts: transfer.settlementVerdicts },
    missing: missingApprovals,
    parties: [
      { investorId: transfer.fromInvestorId, bankMsp: transfer.senderBankMsp },
      { investorId: transfer.toInvestorId, bankMsp: transfer.receiverBankMsp },
    ],
  };
}

function shownBridgeOut({ bridgeOut, missingApprovals }: BridgeOutDetail): Shown {
  return {
    title: `Bridge-out ${bridgeOut.bridgeOutId}`,
    facts: [
      ['Asset', bridgeOut.assetId],
      ['Amount', `${amount(bridgeOut.amount)} units`],
      ['Investor', `${bridgeOut.investorId} at ${bankName(bridgeOut.bankMsp)}`],
      ['To wallet', `${bridgeOut.wallet} on chain ${bridgeOut.chainId}`],
      ['Requested', `${instant(bridgeOut.requestedAt)} by ${bankName(bridgeOut.requesterMsp)}`],
    ],
    record: bridgeOut,
    laterVerdicts: bridgeOut.approvalVerdicts === null ? undefined : { title: 'Rules at the last approval', verdicts: bridgeOut.approvalVerdicts },
    missing: missingApprovals,
    parties: [{ investorId: bridgeOut.investorId, bankMsp: bridgeOut.bankMsp }],
  };
}

async function load(target: DetailTarget): Promise<Shown> {
  const path = `/${target.kind === 'transfer' ? 'transfers' : 'bridge-outs'}/${encodeURIComponent(target.id)}`;
  return target.kind === 'transfer' ? shownTransfer(await api<TransferDetail>('GET', path)) : shownBridgeOut(await api<BridgeOutDetail>('GET', path));
}

function draw(app: HTMLElement, session: Session, target: DetailTarget, shown: Shown): void {
  const { record } = shown;
  const basePath = `/${target.kind === 'transfer' ? 'transfers' : 'bridge-outs'}/${encodeURIComponent(target.id)}`;
  const decided = (answer: unknown) => draw(app, session, target, target.kind === 'transfer' ? shownTransfer(answer as TransferDetail) : shownBridgeOut(answer as BridgeOutDetail));
  const closure = record.closure;
  replaceChildren(
    app,
    h('p', {}, h('a', { href: '#/queue' }, '← Queue')),
    h('h1', {}, shown.title, ' ', h('span', { class: `status status-${record.status.toLowerCase()}`, 'data-testid': 'status' }, record.status)),
    h('dl', { class: 'card facts' }, ...shown.facts.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
    h('p', {}, h('a', { href: `#/assets/${encodeURIComponent(record.assetId)}/policy`, 'data-testid': 'policy-link' }, `Policy in force for ${record.assetId}`)),
    closure === null ? null : h('p', { class: 'card', 'data-testid': 'closure' }, `${closure.status} ${instant(closure.at)} by ${bankName(closure.byMsp)}${closure.reason === null ? '.' : `: ${closure.reason}`}`),
    verdictList('Rules at request', record.requestVerdicts, 'verdicts'),
    shown.laterVerdicts === undefined ? null : verdictList(shown.laterVerdicts.title, shown.laterVerdicts.verdicts, 'later-verdicts'),
    fourEyesStatus(record.approvals, shown.missing, record.status),
    h('section', { class: 'card', 'data-testid': 'evidence-files' }, h('h2', {}, 'Evidence files'), ...shown.parties.map((party) => evidenceFiles(party, session))),
    session.role === 'compliance-officer' && record.status === 'PENDING' ? decisionForm(basePath, decided) : null,
  );
}

/** A transfer or bridge-out: facts, every rule verdict in words, the four-eyes status and, for an officer while it is pending, the decision form. */
export async function renderDetail(app: HTMLElement, session: Session, target: DetailTarget): Promise<void> {
  draw(app, session, target, await load(target));
}
