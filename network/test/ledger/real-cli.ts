import type { ExecutionContext } from 'ava';
import { fabricLedgerSessions } from '../../src/cli/ledger/fabric-ledger-session';
import { runCli, type CliRun } from '../../src/cli/ledger/testing/run-cli';
import type { StackConfig } from '../../src/stack/stack-config';

// The project's own `trestle` ledger commands, run in process over the real network: each run opens
// a fabric-network gateway as the `--as` identity, exactly as the installed CLI does.

/** The CLI over `stack`'s real Fabric network. */
export interface RealCli {
  /** Runs `trestle <argv…>` and returns what it printed and its exit code. */
  run(...argv: string[]): Promise<CliRun>;
  /** Runs `trestle <argv…>`, asserting exit code 0; returns stdout. */
  ok(t: ExecutionContext, ...argv: string[]): Promise<string>;
  /** Runs `trestle <argv…> --json`, asserting exit code 0; returns the parsed answer. */
  json<T>(t: ExecutionContext, ...argv: string[]): Promise<T>;
  /**
   * Runs `trestle <argv…>`, asserting it was refused: exit 3, nothing on stdout, one line on stderr
   * naming `code`. Returns stderr.
   */
  refused(t: ExecutionContext, code: string, ...argv: string[]): Promise<string>;
}

/** The CLI over the real network of `stack`. */
export function realCli(stack: StackConfig): RealCli {
  const open = fabricLedgerSessions(stack);
  const run = (...argv: string[]) => runCli(open, argv);
  const ok = async (t: ExecutionContext, ...argv: string[]) => {
    const done = await run(...argv);
    t.is(done.exitCode, 0, `${argv.join(' ')}: ${done.stderr}`);
    return done.stdout;
  };
  return {
    run,
    ok,
    json: async <T>(t: ExecutionContext, ...argv: string[]) => JSON.parse(await ok(t, ...argv, '--json')) as T,
    refused: async (t, code, ...argv) => {
      const done = await run(...argv);
      t.is(done.exitCode, 3, `${argv.join(' ')} exits 3: ${done.stderr}`);
      t.is(done.stdout, '', `${argv.join(' ')} prints nothing on stdout`);
      t.regex(done.stderr, new RegExp(`^error: \\[${code}\\] [^\\n]+$`), argv.join(' '));
      return done.stderr;
    },
  };
}
