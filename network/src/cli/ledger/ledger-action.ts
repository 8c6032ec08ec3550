import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { JsonObject } from '@trestle/compliance/src/json/json-value';
import { isTrestleError, parseTrestleError, TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseActingIdentity, type ActingIdentity } from './acting-identity';
import type { LedgerSession, OpenLedgerSession } from './ledger-session';

/** Where a command prints and how it sets its exit code; tests capture both. */
export interface CommandOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly setExitCode: (code: number) => void;
}

/** What a ledger command needs from the outside world; tests pass an in-process ledger and capture the output. */
export interface LedgerCommandDeps extends CommandOutput {
  readonly open: OpenLedgerSession;
}

/** A command's answer: the value `--json` prints, and the lines a person reads. */
export interface CommandResult {
  readonly json: unknown;
  readonly text: readonly string[];
}

/** What a handler gets: the open session, who it acts as, the positional arguments and the options. */
export interface LedgerCall<O> {
  readonly session: LedgerSession;
  readonly identity: ActingIdentity;
  readonly args: readonly string[];
  readonly options: O;
}

/** Exit codes of the ledger commands, so scripts can tell a refusal from an outage. */
export const EXIT = { ok: 0, unavailable: 1, usage: 2, refused: 3 } as const;

const USAGE_CODES: ReadonlySet<string> = new Set(['CLI_IDENTITY_UNKNOWN', 'CLI_INPUT_INVALID']);

/** Adds the options every ledger command has: `--as org/user` (required) and `--json`. */
export function ledgerCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .requiredOption('--as <org/user>', 'act as this identity of the org\'s wallet, e.g. bankA/officer1 (orgs: bankA, bankB, bankC, regulator)')
    .option('--json', 'print the answer (or the error) as JSON, for scripts');
}

/**
 * Wraps a handler as a commander action: parses `--as`, opens the session, prints the answer and
 * closes the session. Every failure is one line on stderr (`error: [CODE] sentence`, or JSON with
 * `--json`) and an exit code: 2 for how the command was called, 3 for the ledger's typed refusal,
 * 1 when the ledger could not be reached.
 */
export function ledgerAction<O extends { as: string; json?: boolean }>(deps: LedgerCommandDeps, handler: (call: LedgerCall<O>) => Promise<CommandResult>) {
  return async (...actionArgs: unknown[]): Promise<void> => {
    const command = actionArgs[actionArgs.length - 1] as Command;
    const options = command.opts<O>();
    const args = actionArgs.slice(0, -2).flatMap((value) => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]));
    let session: LedgerSession | undefined;
    try {
      const identity = parseActingIdentity(options.as);
      session = await deps.open(identity);
      const result = await handler({ session, identity, args, options });
      if (options.json) deps.out(JSON.stringify(result.json, null, 2));
      else for (const line of result.text) deps.out(line);
    } catch (error) {
      reportFailure(deps, error, options.json === true);
    } finally {
      await session?.close();
    }
  };
}

/**
 * Prints a failure as one line on stderr (`error: [CODE] sentence`, or `{"error": …}` JSON) and sets
 * the exit code: 2 for how the command was called, 3 for a typed refusal, 1 when the ledger or node
 * could not be reached.
 */
export function reportFailure(output: CommandOutput, error: unknown, json: boolean): void {
  const failure = asTrestleError(error);
  if (json) output.err(JSON.stringify({ error: { code: failure.code, message: failure.sentence, ...(failure.details === undefined ? {} : { details: failure.details }) } }));
  else output.err(`error: [${failure.code}] ${failure.sentence}`);
  output.setExitCode(failure.code === 'CLI_LEDGER_UNAVAILABLE' ? EXIT.unavailable : USAGE_CODES.has(failure.code) ? EXIT.usage : EXIT.refused);
}

/** A chaincode refusal comes back as the TrestleError it was; anything else is the ledger being out of reach. */
function asTrestleError(error: unknown): TrestleError {
  if (isTrestleError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return parseTrestleError(message) ?? new TrestleError('CLI_LEDGER_UNAVAILABLE', `The ledger call failed: ${message.split('\n')[0]}`);
}

/** Reads a JSON document from a file, or from stdin when the path is `-`; CLI_INPUT_INVALID names the file and the problem. */
export function readJsonDocument(file: string, what: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new TrestleError('CLI_INPUT_INVALID', `Cannot read the ${what} from ${file === '-' ? 'stdin' : file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, { details: { file } });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TrestleError('CLI_INPUT_INVALID', `The ${what} in ${file === '-' ? 'stdin' : file} is not JSON.`, { details: { file } });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TrestleError('CLI_INPUT_INVALID', `The ${what} in ${file === '-' ? 'stdin' : file} must be a JSON object.`, { details: { file } });
  }
  return value as JsonObject;
}

/** Parses a ledger answer that must be JSON (a query's result). */
export function ledgerJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    throw new TrestleError('CLI_LEDGER_UNAVAILABLE', `The ledger's answer for ${what} is not JSON; tell the node operator.`);
  }
}
