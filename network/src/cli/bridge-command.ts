import { Command } from 'commander';
import { readDeployment } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { readBridgeStatus, renderBridgeStatus } from '@trestle/bridge/src/evm/status/bridge-status';
import { devnetStatus } from '../evm/devnet';
import { stackFromEnv } from '../stack/stack-config';

/**
 * `trestle bridge status`: the EVM half of the bridge as the local stack has it: whether the gateway
 * is paused, its validators, each asset's supply and legal state, its NAV and the days before the
 * next haircut step. The ledger half (escrow, pending bridge-outs) needs the Fabric network, which
 * this machine kind cannot run (see the README).
 */
export function bridgeCommand(): Command {
  const command = new Command('bridge').description('the bridge between the ledger and the EVM chain');
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
  return command;
}
