import { Command } from 'commander';
import type { LedgerCommandDeps } from '../ledger-action';
import { ledgerCommands } from '../ledger-commands';
import type { OpenLedgerSession } from '../ledger-session';

/** What one CLI run printed and how it exited. */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs `trestle <argv…>` in process with the ledger commands over `open` (the in-process stub in
 * tests), capturing output. Commander's own usage errors (missing --as, unknown option) end with
 * exit code 2 here instead of exiting the test process, and name the problem on stderr.
 */
export async function runCli(open: OpenLedgerSession, argv: readonly string[], build: (deps: LedgerCommandDeps) => Command[] = ledgerCommands): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  let exitCode = 0;
  const deps: LedgerCommandDeps = { open, out: (line) => out.push(line), err: (line) => err.push(line), setExitCode: (code) => (exitCode = code) };
  const program = new Command('trestle').exitOverride().configureOutput({ writeOut: (text) => out.push(text.trimEnd()), writeErr: (text) => err.push(text.trimEnd()) });
  for (const command of build(deps)) program.addCommand(command);
  for (const command of walk(program)) command.exitOverride().configureOutput({ writeOut: (text) => out.push(text.trimEnd()), writeErr: (text) => err.push(text.trimEnd()) });
  try {
    await program.parseAsync(['node', 'trestle', ...argv]);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    // --help exits 0 through exitOverride; every other commander error is a usage error.
    exitCode = code === 0 ? 0 : 2;
  }
  return { stdout: out.join('\n'), stderr: err.join('\n'), exitCode };
}

function* walk(command: Command): Generator<Command> {
  for (const child of command.commands) {
    yield child;
    yield* walk(child);
  }
}
