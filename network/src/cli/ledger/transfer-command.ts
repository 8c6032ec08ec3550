import { Command } from 'commander';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { Checked } from '@trestle/compliance/src/ledger-client/checked-records';
import type { TransferVerdict } from '@trestle/compliance/src/rules/evaluate-transfer';
import { parseTransferRecord, type TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { EXIT, ledgerAction, ledgerCommand, ledgerJson, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import { evaluatePage, evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { bankMspOf, bookmarkOf, bookmarkText, pageSizeOf, verdictLines } from './ledger-wording';
import { transferListLine, transferLines } from './transfer-lines';
import { transferRequestOf, travelRuleTransient, type TransferFlags } from './transfer-request-input';
import { withRuleReasons } from './bridge-rule-reasons';

interface BaseOptions {
  readonly as: string;
  readonly json?: boolean;
}

type RequestOptions = BaseOptions & TransferFlags & { readonly travelRule?: string };

/** `trestle transfer request|approve|reject|cancel|expire|show|list|check`: transfers between KYC'd investors, as a chosen identity. */
export function transferCommand(deps: LedgerCommandDeps): Command {
  return new Command('transfer')
    .description('request, decide, follow and dry-run transfers of units between investors')
    .addCommand(requestCommand(deps))
    .addCommand(checkCommand(deps))
    .addCommand(decisionCommand(deps, 'approve', 'approve a pending transfer as a compliance officer of the sender\'s or receiver\'s bank (the last approval needed settles it)'))
    .addCommand(decisionCommand(deps, 'reject', 'reject a pending transfer, with a reason, as a compliance officer of either bank'))
    .addCommand(closingCommand(deps, 'cancel', 'CancelTransfer', 'withdraw a pending transfer, as an operator or officer of the requesting bank'))
    .addCommand(closingCommand(deps, 'expire', 'ExpireTransfer', 'expire a pending transfer whose time to live has passed'))
    .addCommand(showCommand(deps))
    .addCommand(listCommand(deps));
}

function withRequestFlags(command: Command): Command {
  return command
    .argument('[request]', 'the request as JSON (transferId, assetId, fromInvestorId, toInvestorId, amount, optional wallet), a file or - for stdin; or use the flags')
    .option('--asset <assetId>', 'asset id (flag form)')
    .option('--from <investorId>', 'sending investor (flag form)')
    .option('--to <investorId>', 'receiving investor (flag form)')
    .option('--amount <units>', 'base units as a whole number (flag form)')
    .option('--id <transferId>', 'transfer id (flag form; a fresh one is made when left out)');
}

function requestCommand(deps: LedgerCommandDeps): Command {
  return withRequestFlags(ledgerCommand('request', 'request a transfer for an investor of your bank; it is refused at once, with every failing rule, or waits for the approvals'))
    .option('--travel-rule <file>', 'originator and beneficiary data as JSON ({originator:{name,accountRef}, beneficiary:{…}}), sent in the transient map and kept on the ledger only as a hash')
    .action(
      ledgerAction<RequestOptions>(deps, async ({ session, args, options }) => {
        const request = transferRequestOf(args[0], options);
        const transient = travelRuleTransient(options.travelRule);
        const contract = session.contract('TransferContract');
        await withRuleReasons('TRANSFER_REFUSED', () => contract.createTransaction('RequestTransfer').setTransient(transient).submit(request.json));
        return transferAnswer(await readTransfer(session, request.transferId));
      }),
    );
}

function checkCommand(deps: LedgerCommandDeps): Command {
  return withRequestFlags(ledgerCommand('check', 'dry run: judge a request by every rule on the ledger\'s current state, writing nothing'))
    .addHelpText(
      'after',
      '\nExit status: 0 when every rule passes; 3 when any rule fails (each failing verdict is printed with its reason), or when the\n' +
        'request itself is invalid (TRANSFER_INVALID, one line on stderr); 2 when the file cannot be read or is not a JSON object.\n' +
        'Above the policy\'s travel-rule threshold, give --travel-rule as the request would: it goes in the query\'s transient map.',
    )
    .option('--travel-rule <file>', 'originator and beneficiary data as JSON, as for request (sent in the transient map, never written)')
    .action(
      ledgerAction<RequestOptions>(deps, async ({ session, args, options }) => {
        const request = transferRequestOf(args[0], options);
        const query = session.contract('TransferContract').createTransaction('CheckTransfer').setTransient(travelRuleTransient(options.travelRule));
        const verdict = ledgerJson(await query.evaluate(request.json), 'the check') as TransferVerdict;
        const failed = verdict.verdicts.filter((rule) => !rule.passed).length;
        if (failed > 0) deps.setExitCode(EXIT.refused);
        const summary = failed === 0 ? `every rule passes; it would need ${approvalsPhrase(verdict)}` : `${failed} of ${verdict.verdicts.length} rules fail: ${verdict.failed.join(', ')}`;
        return { json: verdict, text: [summary, ...verdictLines(verdict.verdicts)] };
      }),
    );
}

function decisionCommand(deps: LedgerCommandDeps, decision: 'approve' | 'reject', description: string): Command {
  const reason = decision === 'approve' ? 'why you approve (optional; recorded with the approval)' : 'why you reject it (recorded on the transfer and in the audit trail)';
  const command = ledgerCommand(decision, description).argument('<transferId>');
  (decision === 'approve' ? command.option('--reason <text>', reason) : command.requiredOption('--reason <text>', reason)).action(
    ledgerAction<BaseOptions & { readonly reason?: string }>(deps, async ({ session, args, options }) => {
      const id = args[0] ?? '';
      await session.contract('TransferContract').submitTransaction(decision === 'approve' ? 'ApproveTransfer' : 'RejectTransfer', id, options.reason ?? '');
      return transferAnswer(await readTransfer(session, id));
    }),
  );
  return command;
}

function closingCommand(deps: LedgerCommandDeps, name: string, transaction: 'CancelTransfer' | 'ExpireTransfer', description: string): Command {
  return ledgerCommand(name, description)
    .argument('<transferId>')
    .action(
      ledgerAction<BaseOptions>(deps, async ({ session, args }) => {
        const id = args[0] ?? '';
        await session.contract('TransferContract').submitTransaction(transaction, id);
        return transferAnswer(await readTransfer(session, id));
      }),
    );
}

function showCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('show', 'one transfer: every rule verdict as its sentence, the approvals given and those still missing, how it closed')
    .argument('<transferId>')
    .action(ledgerAction<BaseOptions>(deps, async ({ session, args }) => transferAnswer(await readTransfer(session, args[0] ?? ''))));
}

function listCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('list', 'the transfers pending on a bank (as sender\'s or receiver\'s), one page at a time')
    .option('--bank <bank>', 'bankA, bankB, bankC or an MSP id (default: your own bank; the regulator must name one)')
    .option('--page-size <n>', 'transfers per page, 1 to 100', '50')
    .option('--bookmark <bookmark>', 'continue where the page that printed "next: --bookmark …" ended', '')
    .action(
      ledgerAction<BaseOptions & { readonly bank?: string; readonly pageSize?: string; readonly bookmark: string }>(deps, async ({ session, identity, options }) => {
        if (options.bank === undefined && identity.org === 'regulator') throw new TrestleError('CLI_INPUT_INVALID', 'The regulator has no bank of its own: name one with --bank.', { details: { argument: 'bank' } });
        const bank = options.bank === undefined ? identity.mspId : bankMspOf(options.bank);
        const args = [bank, pageSizeOf(options.pageSize), bookmarkOf(options.bookmark)];
        const page = await evaluatePage(session.contract('TransferContract'), 'ListPendingTransfers', args, parseTransferRecord, 'the list of transfers');
        const text = page.records.length === 0 ? [`no transfer pending on ${bank}`] : page.records.map(transferListLine);
        if (page.bookmark !== '' && page.records.length > 0) text.push(`next: --bookmark ${bookmarkText(page.bookmark)}`);
        return { json: { ...(page.raw as object), bookmark: bookmarkText(page.bookmark) }, text };
      }),
    );
}

function readTransfer(session: LedgerSession, transferId: string): Promise<Checked<TransferRecord>> {
  return evaluateRecord(session.contract('TransferContract'), 'GetTransfer', [transferId], parseTransferRecord, 'the transfer');
}

function transferAnswer(transfer: Checked<TransferRecord>): CommandResult {
  return { json: transfer.raw, text: transferLines(transfer.record) };
}

function approvalsPhrase(verdict: TransferVerdict): string {
  const { distinctOfficers } = verdict.approvalsRequired;
  return `an officer of each bank${distinctOfficers === 2 ? ', two distinct officers in all (four-eyes)' : ''}`;
}

