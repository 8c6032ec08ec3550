import type { Command } from 'commander';
import { parseBridgeOutRecord, type BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { Checked } from '@trestle/compliance/src/ledger-client/checked-records';
import type { TransferVerdict } from '@trestle/compliance/src/rules/evaluate-transfer';
import { bridgeOutRequestOf, type BridgeOutFlags } from './bridge-out-input';
import { bridgeOutLines } from './bridge-out-lines';
import { withRuleReasons } from './bridge-rule-reasons';
import { EXIT, ledgerAction, ledgerCommand, ledgerJson, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import { evaluateRecord } from './ledger-reads';
import type { LedgerSession } from './ledger-session';
import { verdictLines } from './ledger-wording';

interface BaseOptions {
  readonly as: string;
  readonly json?: boolean;
}

type RequestOptions = BaseOptions & BridgeOutFlags;

/**
 * `trestle bridge out|check|approve|reject|cancel|expire`: the ledger half of a bridge-out, as a
 * chosen identity. The investor's bank requests it, its officers approve (never the requester), and
 * the last approval moves the units to the chain's escrow and numbers the Mint the validators sign.
 */
export function bridgeOutCommands(deps: LedgerCommandDeps): Command[] {
  return [
    outCommand(deps),
    checkCommand(deps),
    decisionCommand(deps, 'approve', "approve a pending bridge-out as a compliance officer of the investor's bank (never its requester); the last approval needed escrows the units"),
    decisionCommand(deps, 'reject', "reject a pending or blocked bridge-out, with a reason, as a compliance officer of the investor's bank"),
    closingCommand(deps, 'cancel', 'CancelBridgeOut', 'withdraw a pending or blocked bridge-out, as an operator or officer of the requesting bank'),
    closingCommand(deps, 'expire', 'ExpireBridgeOut', 'expire a pending or blocked bridge-out whose time to live has passed (anyone with a role)'),
  ];
}

function withRequestArguments(command: Command): Command {
  return command
    .argument('<assetId>', 'the asset whose units go out, e.g. ZOB')
    .argument('<investorId>', "the investor whose units they are (an investor of your bank)")
    .requiredOption('--chain <chainId>', 'the EVM chain id, as the chain\'s bridge configuration on the ledger names it')
    .requiredOption('--wallet <address>', 'the 0x wallet the units are minted to; it must be bound to the investor for that chain (investor bind-wallet)')
    .requiredOption('--amount <units>', 'base units as a whole number')
    .option('--id <bridgeOutId>', 'the bridge-out id (a fresh bo-<uuid> is made when left out; reuse the printed one to retry)');
}

function outCommand(deps: LedgerCommandDeps): Command {
  return withRequestArguments(ledgerCommand('out', "request a bridge-out of an investor's units to their bound wallet on an EVM chain; refused at once with every failing rule, or PENDING until the officers approve"))
    .addHelpText('after', '\nPrints the bridge-out read back from the ledger: its id, status and the approvals it still needs.')
    .action(
      ledgerAction<RequestOptions>(deps, async ({ session, args, options }) => {
        const request = bridgeOutRequestOf(args[0] ?? '', args[1] ?? '', options);
        await withRuleReasons('BRIDGE_OUT_REFUSED', () => session.contract('BridgeContract').submitTransaction('RequestBridgeOut', request.json));
        return bridgeOutAnswer(await readBridgeOut(session, request.bridgeOutId));
      }),
    );
}

function checkCommand(deps: LedgerCommandDeps): Command {
  return withRequestArguments(ledgerCommand('check', "dry run: judge a bridge-out by every rule on the ledger's current state, writing nothing"))
    .addHelpText(
      'after',
      '\nExit status: 0 when every rule passes; 3 when any rule fails (each failing verdict is printed with its reason), or when the\n' +
        'ledger refuses the request itself (BRIDGE_OUT_INVALID, a wallet not bound to the investor on that chain BRIDGE_WALLET_MISMATCH,\n' +
        'an asset not bridged there or not eligible; one line on stderr); 2 when an option is missing.',
    )
    .action(
      ledgerAction<RequestOptions>(deps, async ({ session, args, options }) => {
        const request = bridgeOutRequestOf(args[0] ?? '', args[1] ?? '', options);
        const verdict = ledgerJson(await session.contract('BridgeContract').evaluateTransaction('CheckBridgeOut', request.json), 'the check') as TransferVerdict;
        const failed = verdict.verdicts.filter((rule) => !rule.passed).length;
        if (failed > 0) deps.setExitCode(EXIT.refused);
        const summary = failed === 0 ? `every rule passes; it would need ${approvalsPhrase(verdict)}` : `${failed} of ${verdict.verdicts.length} rules fail: ${verdict.failed.join(', ')}`;
        return { json: verdict, text: [summary, ...verdictLines(verdict.verdicts)] };
      }),
    );
}

function decisionCommand(deps: LedgerCommandDeps, decision: 'approve' | 'reject', description: string): Command {
  const reason = decision === 'approve' ? 'why you approve (optional; recorded with the approval)' : 'why you reject it (recorded on the bridge-out and in the audit trail)';
  const command = ledgerCommand(decision, description).argument('<bridgeOutId>', 'the bridge-out id `bridge out` printed');
  (decision === 'approve' ? command.option('--reason <text>', reason) : command.requiredOption('--reason <text>', reason)).action(
    ledgerAction<BaseOptions & { readonly reason?: string }>(deps, async ({ session, args, options }) => {
      const id = args[0] ?? '';
      await session.contract('BridgeContract').submitTransaction(decision === 'approve' ? 'ApproveBridgeOut' : 'RejectBridgeOut', id, options.reason ?? '');
      return bridgeOutAnswer(await readBridgeOut(session, id));
    }),
  );
  return command;
}

function closingCommand(deps: LedgerCommandDeps, name: string, transaction: 'CancelBridgeOut' | 'ExpireBridgeOut', description: string): Command {
  return ledgerCommand(name, description)
    .argument('<bridgeOutId>', 'the bridge-out id `bridge out` printed')
    .action(
      ledgerAction<BaseOptions>(deps, async ({ session, args }) => {
        const id = args[0] ?? '';
        await session.contract('BridgeContract').submitTransaction(transaction, id);
        return bridgeOutAnswer(await readBridgeOut(session, id));
      }),
    );
}

/** The bridge-out as the ledger has it now, checked by the compliance reader. */
export function readBridgeOut(session: LedgerSession, bridgeOutId: string): Promise<Checked<BridgeOutRecord>> {
  return evaluateRecord(session.contract('BridgeContract'), 'GetBridgeOut', [bridgeOutId], parseBridgeOutRecord, 'the bridge-out');
}

/** What `--json` prints (the record as the ledger gave it) and the lines a person reads. */
export function bridgeOutAnswer(bridgeOut: Checked<BridgeOutRecord>): CommandResult {
  return { json: bridgeOut.raw, text: bridgeOutLines(bridgeOut.record) };
}

function approvalsPhrase(verdict: TransferVerdict): string {
  return verdict.approvalsRequired.distinctOfficers >= 2 ? "two distinct officers of the investor's bank (four-eyes)" : "an officer of the investor's bank";
}
