import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { snapshotLedger, type LedgerSnapshot, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import type { FileAccountStore } from '../accounts/account-store';
import { startOfficerServer, type OfficerServerOptions, type RunningOfficerServer } from '../http/officer-server';
import { FakeClock } from './fake-clock';
import { CAST_IDENTITIES, castAccountStore, type Username } from './officer-cast';
import { OfficerClient } from './officer-client';
import { inProcessLedger } from './in-process-ledger';

/** A service under test, on 127.0.0.1 port 0, over the bridge story's ledger run by the in-process stub. */
export type Harness = {
  readonly server: RunningOfficerServer;
  readonly worldState: WorldState;
  readonly accounts: FileAccountStore;
  /** Drives the service's sessions and throttles and the ledger's transaction time alike. */
  readonly clock: FakeClock;
  /** What the service logged. */
  readonly logs: string[];
  /** A client not logged in. */
  client(): OfficerClient;
  /** A client logged in as `username` (the login is asserted to succeed). */
  as(username: Username): Promise<OfficerClient>;
  /** The ledger (world state, private data, history) now, to compare later. */
  snapshot(): LedgerSnapshot;
  close(): Promise<void>;
};

/**
 * Starts the service over a fresh copy of the bridge story (the transfer story's tokenized asset,
 * investors at BankA and BankB, officers of both banks, chain configured, wallets bound), with the
 * clock at the end of the lockup. `options` override the server's (a spec variant, policies);
 * `worldState` runs it on a ledger another service (a second bank's, share services) shares.
 */
export async function startHarness(options: Partial<OfficerServerOptions> = {}, worldState?: WorldState): Promise<Harness> {
  worldState ??= await ledgerForBridge();
  const clock = new FakeClock(AFTER_LOCKUP);
  const accounts = await castAccountStore();
  const logs: string[] = [];
  const server = await startOfficerServer({
    accounts,
    ledger: inProcessLedger(worldState, CAST_IDENTITIES, () => new Date(clock.now())),
    clock,
    log: (line) => logs.push(line),
    ...options,
  });
  return {
    server,
    worldState,
    accounts,
    clock,
    logs,
    client: () => new OfficerClient(server.url),
    async as(username) {
      const client = new OfficerClient(server.url);
      const answer = await client.login(username);
      if (answer.status !== 200) throw new Error(`login as ${username} failed: ${answer.text}`);
      return client;
    },
    snapshot: () => snapshotLedger(worldState),
    close: () => server.close(),
  };
}
