#!/usr/bin/env node
import { rmSync } from 'node:fs';
import { Command } from 'commander';
import { deployAll } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { localProvider } from '@trestle/bridge/src/evm/provider';
import { DEVNET_PROCESS, devnetStatus, stopDevnet } from '../evm/devnet';
import { installedPin } from '../fabric/fabric-binaries';
import { fabricStatus } from '../fabric/fabric-status';
import { stopFabricProcesses } from '../fabric/fabric-processes';
import { fabricTopology } from '../fabric/topology';
import { networkCommand, printLog } from './network-command';
import { stopConsoles } from './consoles-up';
import { stopValidators } from './validators-up';
import { stackFromEnv } from '../stack/stack-config';
import { fabricLedgerSessions } from './ledger/fabric-ledger-session';
import { ledgerCommands } from './ledger/ledger-commands';
import { liquidatorCommandForStack } from './liquidator-command';
import { deployedChain } from './deployed-chain';
import { ownerCallCommand } from './owner-call/owner-call-command';
import { validatorCommand } from './validator-command';
import { printSummary } from './summary';
import { stackUp } from './stack-up';
import { superviseUntilSignal } from './supervise';
import { quietFabricClient } from './client-noise';

quietFabricClient((() => {
  try {
    return stackFromEnv().home;
  } catch {
    return undefined; // a bad TRESTLE_PORT_BASE is reported by the command that reads it
  }
})());

const program = new Command('trestle')
  .description('Run a local Trestle consortium (Fabric network, EVM devnet and contracts) and act on its ledger and bridge as one person\'s identity (--as org/user).')
  .showHelpAfterError();

program
  .command('up')
  .description('bring the whole local stack up, print where to look, and stay in the foreground until Ctrl-C')
  .option('--detach', 'return once everything is up and leave it running (stop with "trestle down")')
  .action(async (options: { detach?: boolean }) => {
    const stack = stackFromEnv();
    const result = await stackUp(stack);
    printSummary(stack, result);
    if (options.detach) return;
    console.log('\nRunning. Press Ctrl-C to stop (or run "npm run trestle -- down" from another shell).');
    await superviseUntilSignal(stack);
    console.log('\nStopping…');
    await stopConsoles(stack);
    await stopValidators(stack.home);
    await stopFabricProcesses(stack.home, fabricTopology(stack));
    await stopDevnet(stack);
    console.log('Stopped.');
  });

program
  .command('deploy')
  .description('deploy the EVM contracts onto the running devnet (a no-op when they are already there)')
  .action(async () => {
    const stack = stackFromEnv();
    const evm = await devnetStatus(stack);
    if (!evm.answering) throw new Error(`the EVM devnet does not answer at ${evm.url}; start it with "npm start"`);
    const result = await deployAll(localProvider(evm.url), stack, (line) => console.log(`[deploy] ${line}`));
    console.log(`${result.changed ? 'deployed' : 'already deployed'}: ${result.file}`);
  });

program
  .command('down')
  .description('stop every process of the local stack')
  .option('--purge', 'also delete ledgers, deployments and logs (binaries are kept)')
  .action(async (options: { purge?: boolean }) => {
    const stack = stackFromEnv();
    const consoles = await stopConsoles(stack);
    if (consoles.length) console.log(`stopped ${consoles.join(', ')}`);
    const validators = await stopValidators(stack.home);
    if (validators.length) console.log(`stopped ${validators.join(', ')}`);
    const fabric = await stopFabricProcesses(stack.home, fabricTopology(stack));
    console.log(fabric.length ? `stopped ${fabric.join(', ')}` : 'no Fabric process was running');
    const stopped = await stopDevnet(stack);
    console.log(stopped ? `stopped ${DEVNET_PROCESS}` : `${DEVNET_PROCESS} was not running`);
    if (options.purge) {
      rmSync(stack.home, { recursive: true, force: true });
      console.log(`purged ${stack.home}`);
    }
  });

program
  .command('status')
  .description('show what runs and where; exit code 1 when the EVM devnet or a Fabric process does not answer')
  .action(async () => {
    const stack = stackFromEnv();
    const pin = installedPin();
    const evm = await devnetStatus(stack);
    console.log(`state folder   ${stack.home}`);
    console.log(`fabric bins    ${pin ? `${pin.release} (${pin.commit})` : 'not built (see "trestle up" output)'}`);
    const fabric = await fabricStatus(stack);
    for (const row of fabric) console.log(`${row.name.padEnd(14)} ${row.pid === undefined ? 'down' : `${row.healthy ? 'up' : 'NOT HEALTHY'}, pid ${row.pid}, ${row.endpoint}`}`);
    console.log(`evm devnet     ${evm.answering ? `up, pid ${evm.pid}, ${evm.url}` : evm.pid ? `pid ${evm.pid} but not answering` : 'down'}`);
    process.exitCode = evm.answering && fabric.every((row) => row.healthy) ? 0 : 1;
  });

program
  .command('logs')
  .description('print the last lines of a process log')
  .argument('<process>', `process name: ${DEVNET_PROCESS}, peer-bankA, orderer-bankA, chaincode-bankA, validator-bankA, officer-bankA (and bankB, bankC), officer-regulator`)
  .option('-n, --lines <n>', 'number of lines', '50')
  .action((name: string, options: { lines: string }) => {
    process.exitCode = printLog(stackFromEnv(), name, Number(options.lines));
  });

program.addCommand(networkCommand());

program.addCommand(validatorCommand());
program.addCommand(liquidatorCommandForStack());
program.addCommand(ownerCallCommand({ chain: () => deployedChain(stackFromEnv()), out: (line) => console.log(line), err: (line) => console.error(line), setExitCode: (code) => (process.exitCode = code) }));
const ledgerDeps = {
  // The stack is read when a command runs, so a bad TRESTLE_PORT_BASE fails that command, not --help.
  open: (identity: Parameters<ReturnType<typeof fabricLedgerSessions>>[0]) => fabricLedgerSessions(stackFromEnv())(identity),
  out: (line: string) => console.log(line),
  err: (line: string) => console.error(line),
  setExitCode: (code: number) => (process.exitCode = code),
};
// The ledger commands include `sanctions` (import|screen from files, and screen-investors from the ledger)
// and `bridge` (its ledger half, and `status` and `in` on the stack's EVM chain).
for (const command of ledgerCommands(ledgerDeps)) program.addCommand(command);
// Commander ends a usage error (missing option, bad argument, unknown command) with exit code 1,
// which scripts would read as "the ledger could not be reached": the CLI's contract says 2.
for (const command of withSubcommands(program)) command.exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));
program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? `error: ${error.message}` : error);
  process.exit(1);
});

function* withSubcommands(command: Command): Generator<Command> {
  yield command;
  for (const child of command.commands) yield* withSubcommands(child);
}
