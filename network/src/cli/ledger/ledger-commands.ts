import type { Command } from 'commander';
import type { LedgerCommandDeps } from './ledger-action';

/**
 * Every command that reads or writes the Fabric ledger as a chosen identity (`--as org/user`).
 * main.ts adds them with fabric-network sessions; the tests add them over the in-process stub.
 */
export function ledgerCommands(deps: LedgerCommandDeps): Command[] {
  void deps;
  return [];
}
