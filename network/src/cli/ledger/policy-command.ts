import { Command } from 'commander';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parsePolicyChangeProposal, type PolicyChangeProposal } from '@trestle/compliance/src/ledger/policy-change-proposal';
import { ledgerAction, ledgerCommand, ledgerJson, readJsonDocument, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';
import { policyChangeLine, policyLines, type PolicyVersionRecord } from './policy-lines';

interface BaseOptions {
  readonly as: string;
  readonly json?: boolean;
}

/** `trestle policy show|set|approve|reject|changes`: an asset's transfer policy, changed only by officers of two banks. */
export function policyCommand(deps: LedgerCommandDeps): Command {
  return new Command('policy')
    .description('read an asset\'s transfer policy, and change it: one bank\'s officer proposes, another bank\'s approves')
    .addCommand(showCommand(deps))
    .addCommand(setCommand(deps))
    .addCommand(decideCommand(deps, 'approve'))
    .addCommand(decideCommand(deps, 'reject'))
    .addCommand(changesCommand(deps));
}

function showCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('show', 'the policy in force for a tokenized asset: version, hash, who attached it, and every rule setting')
    .argument('<assetId>')
    .action(ledgerAction<BaseOptions>(deps, async ({ session, args }) => policyAnswer(await readPolicy(session, args[0] ?? ''))));
}

function setCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('set', 'propose the next version of an asset\'s policy (a compliance officer); it takes effect once an officer of another bank approves it')
    .argument('<assetId>')
    .argument('<policy>', 'the whole policy document as JSON, a file or - for stdin, with version one more than the one in force')
    .addHelpText('after', '\nStart from the "document" of "trestle policy show <assetId> --json", raise "version" by one and change what you mean to.')
    .action(
      ledgerAction<BaseOptions>(deps, async ({ session, args }) => {
        const [assetId = '', file = ''] = args;
        const document = readJsonDocument(file, 'policy document');
        await session.contract('AssetContract').submitTransaction('ProposePolicyChange', assetId, JSON.stringify(document));
        const proposal = (await readChanges(session, assetId)).find((change) => change.status === 'PROPOSED');
        if (proposal === undefined) throw new TrestleError('RECORD_MALFORMED', 'The ledger took the proposal but lists no open one; tell the node operator.', { details: { assetId } });
        return { json: proposal, text: [`proposed ${policyChangeLine(proposal)}`] };
      }),
    );
}

function decideCommand(deps: LedgerCommandDeps, decision: 'approve' | 'reject'): Command {
  const command = ledgerCommand(
    decision,
    decision === 'approve'
      ? 'put a proposed policy version in force, as a compliance officer of a bank other than the proposer\'s'
      : 'reject a proposed policy version, with a reason: the proposer withdrawing it, or an officer of another bank',
  )
    .argument('<assetId>')
    .argument('<version>', 'the proposed version number');
  const reason = decision === 'approve' ? 'why (optional; recorded in the audit trail)' : 'why (recorded with the proposal and in the audit trail)';
  (decision === 'approve' ? command.option('--reason <text>', reason) : command.requiredOption('--reason <text>', reason)).action(
    ledgerAction<BaseOptions & { readonly reason?: string }>(deps, async ({ session, args, options }) => {
      const [assetId = '', version = ''] = args;
      await session.contract('AssetContract').submitTransaction(decision === 'approve' ? 'ApprovePolicyChange' : 'RejectPolicyChange', assetId, version, options.reason ?? '');
      if (decision === 'approve') return policyAnswer(await readPolicy(session, assetId));
      const rejected = (await readChanges(session, assetId)).find((change) => String(change.version) === version && change.status === 'REJECTED');
      return { json: rejected ?? null, text: rejected === undefined ? [] : [policyChangeLine(rejected)] };
    }),
  );
  return command;
}

function changesCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('changes', 'every policy change proposed for an asset, newest first, with its status and decision')
    .argument('<assetId>')
    .action(
      ledgerAction<BaseOptions>(deps, async ({ session, args }) => {
        const changes = await readChanges(session, args[0] ?? '');
        return { json: changes, text: changes.length === 0 ? ['(none)'] : changes.map(policyChangeLine) };
      }),
    );
}

async function readPolicy(session: LedgerSession, assetId: string): Promise<PolicyVersionRecord> {
  return ledgerJson(await session.contract('AssetContract').evaluateTransaction('GetPolicy', assetId), 'the policy') as PolicyVersionRecord;
}

async function readChanges(session: LedgerSession, assetId: string): Promise<PolicyChangeProposal[]> {
  const raw = ledgerJson(await session.contract('AssetContract').evaluateTransaction('ListPolicyChanges', assetId), 'the policy changes');
  if (!Array.isArray(raw)) throw new TrestleError('RECORD_MALFORMED', 'The ledger answered with a list of policy changes of an unexpected shape; tell the node operator.', { details: { assetId } });
  return raw.map(parsePolicyChangeProposal);
}

function policyAnswer(record: PolicyVersionRecord): CommandResult {
  return { json: record, text: policyLines(record) };
}
