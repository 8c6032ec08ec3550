import { Command } from 'commander';
import { parseTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { ledgerAction, ledgerCommand, ledgerJson, type CommandResult, type LedgerCommandDeps } from './ledger-action';
import type { LedgerSession } from './ledger-session';

interface ReasonOptions {
  readonly as: string;
  readonly json?: boolean;
  readonly reason: string;
}

type FreezeOptions = ReasonOptions & { readonly amount?: string };

/** `trestle freeze|unfreeze|force-transfer|pause|unpause`: the controls officers and the regulator use to stop units. */
export function controlCommands(deps: LedgerCommandDeps): Command[] {
  return [freezeCommand(deps, 'freeze'), freezeCommand(deps, 'unfreeze'), forceTransferCommand(deps), pauseCommand(deps, 'pause'), pauseCommand(deps, 'unpause')];
}

function freezeCommand(deps: LedgerCommandDeps, direction: 'freeze' | 'unfreeze'): Command {
  const freeze = direction === 'freeze';
  return ledgerCommand(
    direction,
    freeze
      ? 'freeze an investor\'s units of an asset, all of them or --amount more (officer of the investor\'s bank, or the regulator)'
      : 'release an investor\'s frozen units of an asset, all of them or --amount (officer of the investor\'s bank, or the regulator)',
  )
    .argument('<assetId>')
    .argument('<investorId>')
    .option('--amount <units>', freeze ? 'freeze only this many more units' : 'release only this many units')
    .requiredOption('--reason <text>', 'why (recorded with the change and in the audit trail)')
    .action(
      ledgerAction<FreezeOptions>(deps, async ({ session, args, options }) => {
        const [assetId = '', investorId = ''] = args;
        const controls = session.contract('ControlContract');
        if (options.amount === undefined) await controls.submitTransaction(freeze ? 'FreezeInvestor' : 'UnfreezeInvestor', assetId, investorId, options.reason);
        else await controls.submitTransaction(freeze ? 'FreezePartial' : 'UnfreezePartial', assetId, investorId, options.amount, options.reason);
        return holdingAnswer(await readHolding(session, assetId, investorId), freeze ? 'frozen' : 'unfrozen');
      }),
    );
}

function forceTransferCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('force-transfer', 'move units by a court or regulator\'s order, frozen units first (regulator only); the order reference is recorded as the reason')
    .argument('<assetId>')
    .argument('<fromInvestorId>')
    .argument('<toInvestorId>')
    .argument('<amount>', 'base units as a whole number')
    .requiredOption('--order-ref <reference>', 'the court or regulator\'s order reference (recorded as the reason in the audit trail)')
    .requiredOption('--document-hash <hex>', 'SHA-256 of the order document, 64 lower-case hex digits')
    .action(
      ledgerAction<{ as: string; json?: boolean; orderRef: string; documentHash: string }>(deps, async ({ session, args, options }) => {
        const [assetId = '', from = '', to = '', amount = ''] = args;
        // ForcedTransfer(assetId, fromInvestorId, toInvestorId, amount, orderReference, documentHash): no separate reason.
        await session.contract('ControlContract').submitTransaction('ForcedTransfer', assetId, from, to, amount, options.orderRef, options.documentHash);
        const [sender, receiver] = await Promise.all([readHoldingOrNone(session, assetId, from), readHolding(session, assetId, to)]);
        return {
          json: { assetId, fromInvestorId: from, toInvestorId: to, amount, orderReference: options.orderRef, documentHash: options.documentHash, holdings: { from: sender, to: receiver } },
          text: [`moved ${amount} units of ${assetId} from ${from} to ${to} by order ${options.orderRef}`, holdingLine(from, sender), holdingLine(to, receiver)],
        };
      }),
    );
}

function pauseCommand(deps: LedgerCommandDeps, step: 'pause' | 'unpause'): Command {
  return ledgerCommand(step, step === 'pause' ? 'pause an asset: no transfer is requested or settles until it is unpaused (officer of the administering bank, or the regulator)' : 'lift the pause of an asset')
    .argument('<assetId>')
    .requiredOption('--reason <text>', 'why (recorded with the pause and in the audit trail)')
    .action(
      ledgerAction<ReasonOptions>(deps, async ({ session, args, options }) => {
        const assetId = args[0] ?? '';
        await session.contract('ControlContract').submitTransaction(step === 'pause' ? 'PauseAsset' : 'UnpauseAsset', assetId, options.reason);
        return { json: { assetId, paused: step === 'pause', reason: options.reason }, text: [`${assetId} ${step === 'pause' ? 'paused' : 'unpaused'}: ${options.reason}`] };
      }),
    );
}

async function readHolding(session: LedgerSession, assetId: string, investorId: string): Promise<HoldingRecord> {
  return ledgerJson(await session.contract('AssetContract').evaluateTransaction('GetHolding', assetId, investorId), 'the holding') as HoldingRecord;
}

// A forced transfer of every unit leaves the sender without a holding.
async function readHoldingOrNone(session: LedgerSession, assetId: string, investorId: string): Promise<HoldingRecord | null> {
  try {
    return await readHolding(session, assetId, investorId);
  } catch (error) {
    if (error instanceof Error && parseTrestleError(error.message)?.code === 'HOLDING_NOT_FOUND') return null;
    throw error;
  }
}

function holdingLine(investorId: string, holding: HoldingRecord | null): string {
  return holding === null ? `${investorId}: no units left` : `${investorId}: balance ${holding.balance}, frozen ${holding.frozen}, escrowed ${holding.escrowed}`;
}

function holdingAnswer(holding: HoldingRecord, done: 'frozen' | 'unfrozen'): CommandResult {
  return { json: holding, text: [`${done}: ${holding.investorId}'s ${holding.assetId} holding now has balance ${holding.balance}, frozen ${holding.frozen}`] };
}
