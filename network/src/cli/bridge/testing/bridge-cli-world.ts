import { BridgeContract } from '@trestle/chaincode/src/bridge/bridge-contract';
import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import type { TestIdentity, WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { CLI_WALLET } from '../../ledger/testing/cli-wallet';
import { inProcessSessions } from '../../ledger/testing/in-process-sessions';
import { runCli, type CliRun } from '../../ledger/testing/run-cli';

/** The `trestle` CLI over the in-process stub (UNIT-TEST STUB) of the bridge story's ledger, with a clock the test moves. */
export interface BridgeCliWorld {
  readonly worldState: WorldState;
  /** The transaction time of the next command or chaincode call; AFTER_LOCKUP to start with. */
  readonly clock: { now: Date };
  run(...argv: string[]): Promise<CliRun>;
  /**
   * Runs one BridgeContract transaction as `identity` at the clock's time, for what a bank's
   * validator does off the CLI (record a Mint signature, attest a burn).
   */
  asValidator(identity: TestIdentity, act: (bridge: BridgeContract, ctx: ReturnType<typeof tx>['ctx']) => Promise<void>): Promise<void>;
}

/**
 * The bridge story (chaincode/src/testing/bridge-story.ts): the tokenized asset ZOB with anna
 * (BankA, 600000 units) and chloe (BankB), one validator per bank (the banks' admins), chain 31337
 * in force at 2 of 3, and anna's and chloe's wallets bound. Labels as in cli-wallet.ts: bankA/bob
 * requests, bankA/alice and bankA/admin are BankA's officers, bankB/carol BankB's, regulator/rita reads.
 */
export async function bridgeCliWorld(): Promise<BridgeCliWorld> {
  const worldState = await ledgerForBridge();
  const clock = { now: AFTER_LOCKUP };
  const open = inProcessSessions(worldState, CLI_WALLET, () => clock.now);
  const bridge = new BridgeContract();
  return {
    worldState,
    clock,
    run: (...argv) => runCli(open, argv),
    asValidator: (identity, act) => act(bridge, tx(identity, worldState, { at: clock.now }).ctx),
  };
}
