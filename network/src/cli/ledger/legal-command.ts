import { randomUUID } from 'node:crypto';
import { Argument, Command, Option } from 'commander';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';
import { LEGAL_ACTIONS } from '@trestle/compliance/src/ledger/legal-action';
import type { LegalProposal } from '@trestle/compliance/src/ledger/legal-proposal';
import type { QuorumCount } from '@trestle/compliance/src/ledger/legal-quorum';
import type { LegalHistory } from '@trestle/compliance/src/ledger/legal-transition';
import { ledgerAction, ledgerCommand, ledgerJson, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';

type ProposeOptions = {
  as: string;
  json?: boolean;
  id?: string;
  reason: string;
  documentUri: string;
  documentSha256: string;
  windowDays?: string;
  settlementReference?: string;
  currency?: string;
  pricePerUnit?: string;
};
type ReasonOptions = { as: string; json?: boolean; reason: string };


const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** The proposal document the chaincode reads: the action's terms only where it takes them. */
function proposalDocument(action: string, assetId: string, options: ProposeOptions): JsonObject {
  const document: Record<string, JsonObject[string]> = {
    proposalId: options.id ?? `LEGAL-${randomUUID()}`,
    assetId,
    action,
    reason: options.reason,
    legalDocument: { uri: options.documentUri, sha256: options.documentSha256 },
  };
  // Numbers and strings go as typed; the chaincode's reader names any that is wrong.
  if (options.windowDays !== undefined) document.remediationWindowDays = /^\d+$/.test(options.windowDays) ? Number(options.windowDays) : options.windowDays;
  if (options.settlementReference !== undefined || options.currency !== undefined || options.pricePerUnit !== undefined) {
    document.cashSettlement = { reference: options.settlementReference ?? '', currency: options.currency ?? '', pricePerUnit: options.pricePerUnit ?? '' };
  }
  return document;
}

/** A proposal as GetLegalProposal answers: an open one says how it stands under the membership in force. */
type ProposalView = LegalProposal & { readonly counting?: QuorumCount | null };

async function readProposal(session: LedgerSession, proposalId: string): Promise<ProposalView> {
  return ledgerJson(await session.contract('LegalContract').evaluateTransaction('GetLegalProposal', proposalId), 'the legal proposal') as ProposalView;
}

/** Where the vote stands: counted under the membership in force while open, as recorded once closed. */
function quorumLine(p: ProposalView): string {
  const c = p.counting;
  if (c === undefined || c === null) {
    const approvals = p.votes.filter((vote) => vote.decision === 'approve').length;
    return `quorum    ${approvals} of ${p.quorum.requiredBanks} banks approved (consortium of ${p.quorum.consortiumBanks})`;
  }
  const left = c.notCounted.length === 0 ? '' : `; no longer members, not counted: ${c.notCounted.join(', ')}`;
  return `quorum    ${c.approvals.length} of ${c.requiredBanks} banks approved (consortium of ${c.consortiumBanks}${left})`;
}

function proposalLines(p: ProposalView): string[] {
  const lines = [
    `proposal  ${p.proposalId}: ${p.action} of ${p.assetId} (${p.from} → ${p.to}), ${p.status}`,
    `proposed  ${p.proposedAt} by ${p.proposerMsp}: ${p.reason}`,
    `document  ${p.legalDocument.uri} (sha256 ${p.legalDocument.sha256})`,
    quorumLine(p),
  ];
  if (p.remediationWindowDays !== null) lines.push(`window    ${p.remediationWindowDays} days`);
  if (p.cashSettlement !== null) lines.push(`settles   ${p.cashSettlement.pricePerUnit} ${p.cashSettlement.currency} minor units per whole unit, ref ${p.cashSettlement.reference}`);
  for (const vote of p.votes) lines.push(`vote      ${vote.decision} by ${vote.officerMsp} at ${vote.at}${vote.reason === null || vote.reason === '' ? '' : `: ${vote.reason}`}`);
  if (p.closure !== null) lines.push(`closed    ${p.closure.status} at ${p.closure.at} by ${p.closure.byMsp}${p.closure.reason === null ? '' : `: ${p.closure.reason}`}`);
  return lines;
}

function historyLines(h: LegalHistory): string[] {
  const lines = [`asset     ${h.assetId} is ${h.state}`];
  if (h.remediation !== null) lines.push(`window    remediation from ${iso(h.remediation.startedAt)}; write-off possible from ${iso(h.remediation.endsAt)}`);
  if (h.openProposal !== null) lines.push(`open      ${h.openProposal.proposalId}: ${h.openProposal.action}, ${h.openProposal.votes.length} vote(s)`);
  for (const step of h.transitions) {
    lines.push(`#${step.seq}        ${step.at} ${step.action} ${step.from} → ${step.to} (${step.proposal.proposalId}: ${step.proposal.reason})`);
    if (step.redemption !== null) {
      lines.push(`          retired ${step.redemption.unitsRetired} units; ${step.redemption.cashTotal} ${step.redemption.cashSettlement.currency} minor units to ${step.redemption.holders.length} holder(s), ref ${step.redemption.cashSettlement.reference}`);
      for (const holder of step.redemption.holders) lines.push(`          ${holder.investorId} (${holder.bankMsp}): ${holder.units} units → ${holder.cash}${holder.frozen === '0' ? '' : ` (${holder.frozen} frozen)`}`);
    }
  }
  if (h.transitions.length === 0) lines.push('no legal transitions yet');
  return lines;
}

/**
 * `trestle legal propose|approve|reject|withdraw|show|history`: the legal lifecycle of a tokenized
 * asset (issue 8): an SPV administrator proposes remediation, cure, write-off or redemption with its
 * legal document; officers of a majority of the consortium's banks approve, one vote per bank.
 */
export function legalCommand(deps: LedgerCommandDeps): Command {
  const command = new Command('legal').description("an asset's legal lifecycle: remediation, cure, write-off and redemption, by proposal and bank quorum");
  command.addCommand(
    ledgerCommand('propose', 'propose a legal action on an asset (spv-admin of the asset\'s bank); prints the proposal')
      .addArgument(new Argument('<action>', `one of ${LEGAL_ACTIONS.join(', ')}`).choices(LEGAL_ACTIONS))
      .argument('<assetId>', 'the asset')
      .option('--id <proposalId>', 'the proposal id (default: LEGAL-<uuid>)')
      .requiredOption('--reason <text>', 'why, in a sentence that stays on the ledger')
      .requiredOption('--document-uri <uri>', 'where the legal document (board resolution, court order, sale deed) is')
      .requiredOption('--document-sha256 <hex>', "the document's SHA-256, 64 hex digits")
      .option('--window-days <n>', 'start-remediation: days before a write-off may be proposed')
      .addOption(new Option('--settlement-reference <ref>', 'redeem: the payment reference (e.g. a SWIFT UETR)'))
      .option('--currency <code>', 'redeem: ISO 4217 currency of the cash settlement')
      .option('--price-per-unit <minor>', 'redeem: minor currency units paid per whole unit (10^decimals base units)')
      .action(
        ledgerAction<ProposeOptions>(deps, async ({ session, args, options }) => {
          const [action = '', assetId = ''] = args;
          const document = proposalDocument(action, assetId, options);
          await session.contract('LegalContract').submitTransaction('ProposeLegalAction', JSON.stringify(document));
          const proposal = await readProposal(session, String(document.proposalId));
          return { json: proposal, text: [`proposed ${proposal.proposalId}: ${proposal.action} of ${proposal.assetId}, needs ${proposal.quorum.requiredBanks} banks' approval`] };
        }),
      ),
  );
  for (const [verb, transaction, help] of [
    ['approve', 'ApproveLegalAction', "approve for your bank (compliance officer); the deciding approval applies the action"],
    ['reject', 'RejectLegalAction', 'reject for your bank (compliance officer); the proposal closes once the quorum cannot be reached'],
    ['withdraw', 'WithdrawLegalAction', "withdraw a pending proposal (spv-admin of the proposer's bank)"],
  ] as const) {
    command.addCommand(
      ledgerCommand(verb, help)
        .argument('<proposalId>', 'the proposal')
        .requiredOption('--reason <text>', 'why, recorded with the vote')
        .action(
          ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
            const [proposalId = ''] = args;
            await session.contract('LegalContract').submitTransaction(transaction, proposalId, options.reason);
            const proposal = await readProposal(session, proposalId);
            return { json: proposal, text: [`${verb}: ${proposal.proposalId} is ${proposal.status}${proposal.status === 'APPLIED' ? `; ${proposal.assetId} is now ${proposal.to}` : ''}`] };
          }),
        ),
    );
  }
  command.addCommand(
    ledgerCommand('show', 'one proposal with its votes and how it closed')
      .argument('<proposalId>', 'the proposal')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const proposal = await readProposal(session, args[0] ?? '');
          return { json: proposal, text: proposalLines(proposal) };
        }),
      ),
  );
  command.addCommand(
    ledgerCommand('history', "an asset's legal state, its remediation window, the open proposal and every transition (a redemption lists each holder's share)")
      .argument('<assetId>', 'the asset')
      .action(
        ledgerAction(deps, async ({ session, args }) => {
          const history = ledgerJson(await session.contract('LegalContract').evaluateTransaction('GetLegalHistory', args[0] ?? ''), 'the legal history') as LegalHistory;
          return { json: history, text: historyLines(history) };
        }),
      ),
  );
  return command;
}
