import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AFTER_LOCKUP, ledgerForTransfers } from '@trestle/chaincode/src/testing/transfer-story';
import type { WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { CLI_WALLET } from './cli-wallet';
import { inProcessSessions } from './in-process-sessions';
import { runCli, type CliRun } from './run-cli';

/** A CLI over the in-process stub (UNIT-TEST STUB) of the transfer story's ledger, with a clock the test moves. */
export interface TransferWorld {
  readonly worldState: WorldState;
  /** The transaction time of the next command; AFTER_LOCKUP to start with. */
  readonly clock: { now: Date };
  run(...argv: string[]): Promise<CliRun>;
  /** Writes `content` (JSON unless a string) to a fresh temporary file and returns its path. */
  file(name: string, content: unknown): string;
}

/**
 * The tokenized story (anna 600000 and ben 300000 at BankA, chloe 100000 at BankB) with both
 * banks' officers; the test's teardown removes the temporary files.
 */
export async function transferWorld(t: { teardown(fn: () => void): void }): Promise<TransferWorld> {
  const worldState = await ledgerForTransfers();
  const clock = { now: AFTER_LOCKUP };
  const open = inProcessSessions(worldState, CLI_WALLET, () => clock.now);
  const folder = mkdtempSync(path.join(tmpdir(), 'trestle-cli-transfer-'));
  t.teardown(() => rmSync(folder, { recursive: true, force: true }));
  return {
    worldState,
    clock,
    run: (...argv) => runCli(open, argv),
    file: (name, content) => {
      const file = path.join(folder, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
  };
}
