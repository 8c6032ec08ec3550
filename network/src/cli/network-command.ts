import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Command } from 'commander';
import { Listr } from 'listr2';
import { ensureFabricBinaries } from '../fabric/fabric-binaries';
import { fabricOrderingStatus } from '../fabric/fabric-status';
import { fabricUpSteps } from '../fabric/fabric-up';
import { fabricProcessNames, stopFabricProcesses } from '../fabric/fabric-processes';
import { fabricTopology } from '../fabric/topology';
import { DEVNET_PROCESS } from '../evm/devnet';
import { logFileOf } from '../process/managed-process';
import { stackFromEnv, type StackConfig } from '../stack/stack-config';

/** The Fabric bring-up as a task list (also a part of `trestle up`). */
export function fabricUpTasks(stack: StackConfig): Listr {
  return new Listr(
    [
      { title: 'Fabric binaries (go build from the Go module proxy; reused when the pin matches)', task: (_ctx, task) => void ensureFabricBinaries((line) => (task.output = line)) },
      ...fabricUpSteps(stack).map((step) => ({
        title: step.title,
        task: async (_ctx: unknown, task: { output: string; title: string }) => {
          const note = await step.run((line) => (task.output = line));
          if (typeof note === 'string') task.title += ` (${note})`;
        },
      })),
    ],
    { rendererOptions: { collapseSubtasks: false }, fallbackRendererCondition: () => !process.stdout.isTTY },
  );
}

/** Every process name `trestle logs` knows for the stack. */
export function knownProcessNames(stack: StackConfig): string[] {
  return [DEVNET_PROCESS, ...fabricProcessNames(fabricTopology(stack))];
}

export function printLog(stack: StackConfig, name: string, lines: number): number {
  const file = logFileOf(stack.home, name);
  if (!existsSync(file)) {
    console.error(`No log for "${name}" at ${file}. Known: ${knownProcessNames(stack).join(', ')}.`);
    return 2;
  }
  console.log(readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'));
  return 0;
}

/** `trestle network up | down [--purge] | status | logs <process>`: the Fabric consortium alone. */
export function networkCommand(): Command {
  const network = new Command('network').description('the Fabric consortium alone: three banks (peer, Raft orderer, chaincode server each), the Regulator, channel rwa');
  network
    .command('up')
    .description('build the binaries if needed and bring the consortium up; resumes with the ledgers intact after a crash or "down"')
    .action(async () => {
      const stack = stackFromEnv();
      const started = Date.now();
      await fabricUpTasks(stack).run();
      console.log(`Fabric consortium up in ${((Date.now() - started) / 1000).toFixed(1)} s (state in ${fabricTopology(stack).root}).`);
    });
  network
    .command('down')
    .description('stop every Fabric process of the stack')
    .option('--purge', 'also delete crypto material, ledgers and client wallets (binaries are kept)')
    .action(async (options: { purge?: boolean }) => {
      const stack = stackFromEnv();
      const topology = fabricTopology(stack);
      const stopped = await stopFabricProcesses(stack.home, topology);
      console.log(stopped.length ? `stopped ${stopped.join(', ')}` : 'no Fabric process was running');
      if (options.purge) {
        rmSync(topology.root, { recursive: true, force: true });
        console.log(`purged ${topology.root}`);
      }
    });
  network
    .command('status')
    .description('each Fabric process with its pid and health, and whether the channel orders; exit code 1 when one is down or unhealthy or ordering stopped')
    .action(async () => {
      const { rows, ordering } = await fabricOrderingStatus(stackFromEnv());
      for (const row of rows) console.log(`${row.name.padEnd(18)} ${row.endpoint.padEnd(17)} ${row.pid === undefined ? 'down' : `pid ${row.pid}`.padEnd(10)} ${row.pid === undefined ? '' : row.healthy ? 'healthy' : 'NOT HEALTHY'}`);
      console.log(ordering.sentence);
      process.exitCode = rows.every((row) => row.healthy) && ordering.ordering ? 0 : 1;
    });
  network
    .command('logs')
    .description('print the last lines of a process log')
    .argument('<process>', 'process name, e.g. peer-bankA, orderer-bankB, chaincode-bankC')
    .option('-n, --lines <n>', 'number of lines', '50')
    .action((name: string, options: { lines: string }) => {
      process.exitCode = printLog(stackFromEnv(), name, Number(options.lines));
    });
  return network;
}
