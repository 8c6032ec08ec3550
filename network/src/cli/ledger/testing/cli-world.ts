import type { ExecutionContext } from 'ava';
import { T0, unixSeconds } from '@trestle/chaincode/src/testing/ledger-cast';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { assetCommand } from '../asset-command';
import { investorCommand } from '../investor-command';
import type { LedgerCommandDeps } from '../ledger-action';
import type { OpenLedgerSession } from '../ledger-session';
import { spvCommand } from '../spv-command';
import { CLI_WALLET } from './cli-wallet';
import { documentFolder } from './document-files';
import { inProcessSessions } from './in-process-sessions';
import { runCli, type CliRun } from './run-cli';

/**
 * The CLI checks investor documents against the wall clock (as the officer service does) while the
 * in-process stub runs at T0: a KYC expiry this far ahead satisfies both whenever the tests run.
 */
export const FAR_KYC_EXPIRY = unixSeconds('2036-01-01T00:00:00.000Z');

/** The spv, asset and investor commands over `worldState` through the in-process chaincode stub, at T0. */
export type CliWorld = {
  readonly worldState: WorldState;
  readonly open: OpenLedgerSession;
  /** A fresh folder for the test's input files. */
  readonly folder: string;
  /** Runs `trestle <argv…>`. */
  cli(...argv: string[]): Promise<CliRun>;
  /** Runs `trestle <argv…>`, asserting exit code 0. */
  ok(t: ExecutionContext, ...argv: string[]): Promise<CliRun>;
};

const commands = (deps: LedgerCommandDeps) => [spvCommand(deps), assetCommand(deps), investorCommand(deps)];

/** A CLI world over `worldState` (UNIT-TEST STUB ledger: no peer, no endorsement). */
export function cliWorld(worldState: WorldState): CliWorld {
  const open = inProcessSessions(worldState, CLI_WALLET, () => T0);
  const cli = (...argv: string[]) => runCli(open, argv, commands);
  return {
    worldState,
    open,
    folder: documentFolder(),
    cli,
    ok: async (t, ...argv) => {
      const run = await cli(...argv);
      t.is(run.exitCode, 0, `${argv.join(' ')}: ${run.stderr}`);
      return run;
    },
  };
}
