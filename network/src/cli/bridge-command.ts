import { Command } from 'commander';
import { readDeployment } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { readBridgeStatus, renderBridgeStatus } from '@trestle/bridge/src/evm/status/bridge-status';
import { devnetStatus } from '../evm/devnet';
import { stackFromEnv } from '../stack/stack-config';
import { bridgeInCommand } from './bridge/bridge-in-command';
import { deployedChain, type DeployedChain } from './deployed-chain';
import { bridgeConfigCommands } from './ledger/bridge-config-command';
import { bridgeOutCommands } from './ledger/bridge-out-command';
import { bridgeReadCommands } from './ledger/bridge-read-command';
import type { LedgerCommandDeps } from './ledger/ledger-action';

/** What `trestle bridge` needs: the ledger as a chosen identity, and the stack's deployed chain for `bridge in`. */
export interface BridgeCommandDeps extends LedgerCommandDeps {
  /** The EVM chain `bridge in` burns on; the stack's deployment (TRESTLE_HOME) unless a caller says otherwise. */
  readonly chain?: () => Promise<DeployedChain>;
}

/**
 * `trestle bridge …`: both halves of the bridge. The ledger half as a chosen identity (`--as`):
 * bridge-outs requested, dry-run, decided and followed (out, check, approve, reject, cancel,
 * expire, show, pending), the escrow and the burns coming home (escrow, burn). The EVM half from
 * the stack's deployment: `status` (no identity) and `in` (a wallet burns units for redemption).
 */
export function bridgeCommand(deps: BridgeCommandDeps): Command {
  const command = new Command('bridge').description('the bridge between the ledger and the EVM chain: bridge-outs on the ledger, chain configurations and validator addresses, burns home from a wallet, the EVM side\'s status');
  command
    .command('status')
    .description("show the gateway, each asset's supply and legal state, its NAV and the next haircut step")
    .option('--json', 'print JSON instead of text')
    .action(async (options: { json?: boolean }) => {
      const stack = stackFromEnv();
      const deployment = readDeployment(stack.home);
      if (deployment === undefined) {
        console.error(`No deployment under ${stack.home}; run "npm start" (or "npm run trestle -- deploy") first.`);
        process.exitCode = 2;
        return;
      }
      const devnet = await devnetStatus(stack);
      if (!devnet.answering) {
        console.error(`The EVM devnet of ${stack.home} is not answering; start it with "npm start".`);
        process.exitCode = 1;
        return;
      }
      const provider = localProvider(devnet.url);
      try {
        const status = await readBridgeStatus(provider, deployment);
        if (options.json === true) console.log(JSON.stringify(status, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2));
        else for (const line of renderBridgeStatus(status)) console.log(line);
      } finally {
        provider.destroy();
      }
    });
  for (const sub of [...bridgeOutCommands(deps), ...bridgeReadCommands(deps), ...bridgeConfigCommands(deps)]) command.addCommand(sub);
  command.addCommand(bridgeInCommand({ ...deps, chain: deps.chain ?? (() => deployedChain(stackFromEnv())) }));
  return command;
}
