import type { Command } from 'commander';
import { assetCommand } from './asset-command';
import { investorCommand } from './investor-command';
import type { LedgerCommandDeps } from './ledger-action';
import { spvCommand } from './spv-command';

/**
 * Every command that reads or writes the Fabric ledger as a chosen identity (`--as org/user`).
 * main.ts adds them with fabric-network sessions; the tests add them over the in-process stub.
 */
export function ledgerCommands(deps: LedgerCommandDeps): Command[] {
  return [
    spvCommand(deps),
    assetCommand(deps),
    investorCommand(deps),
  ];
}
