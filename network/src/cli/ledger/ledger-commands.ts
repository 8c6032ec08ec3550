import type { Command } from 'commander';
import { bridgeCommand } from '../bridge-command';
import { assetCommand } from './asset-command';
import { auditCommand } from './audit-command';
import { consortiumCommand } from './consortium-command';
import { controlCommands } from './control-commands';
import { gatewayMessageCommand } from './gateway-message-command';
import { investorCommand } from './investor-command';
import type { LedgerCommandDeps } from './ledger-action';
import { legalCommand } from './legal-command';
import { policyCommand } from './policy-command';
import { roleCommand } from './role-command';
import { sanctionsWithLedgerCommand } from './screening-command';
import { spvCommand } from './spv-command';
import { transferCommand } from './transfer-command';

/**
 * Every command that reads or writes the Fabric ledger as a chosen identity (`--as org/user`).
 * main.ts adds them with fabric-network sessions; the tests add them over the in-process stub.
 * `bridge` is among them for its ledger half; its `status` and `in` reach the stack's EVM chain.
 */
export function ledgerCommands(deps: LedgerCommandDeps): Command[] {
  return [
    consortiumCommand(deps),
    roleCommand(deps),
    spvCommand(deps),
    assetCommand(deps),
    investorCommand(deps),
    transferCommand(deps),
    bridgeCommand(deps),
    ...controlCommands(deps),
    policyCommand(deps),
    auditCommand(deps),
    legalCommand(deps),
    gatewayMessageCommand(deps),
    sanctionsWithLedgerCommand(deps),
  ];
}
