import { Command } from 'commander';
import { ledgerAction, ledgerCommand, ledgerJson, type LedgerCommandDeps } from './ledger-action';
import { policyLines, type PolicyVersionRecord } from './policy-lines';

interface BaseOptions {
  readonly as: string;
  readonly json?: boolean;
}

/** `trestle policy show`: an asset's transfer policy in force, readable. */
export function policyCommand(deps: LedgerCommandDeps): Command {
  return new Command('policy').description('read an asset\'s transfer policy').addCommand(showCommand(deps));
}

function showCommand(deps: LedgerCommandDeps): Command {
  return ledgerCommand('show', 'the policy in force for a tokenized asset: version, hash, who attached it, and every rule setting')
    .argument('<assetId>')
    .action(
      ledgerAction<BaseOptions>(deps, async ({ session, args }) => {
        const record = ledgerJson(await session.contract('AssetContract').evaluateTransaction('GetPolicy', args[0] ?? ''), 'the policy') as PolicyVersionRecord;
        return { json: record, text: policyLines(record) };
      }),
    );
}
