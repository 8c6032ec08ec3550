import { openFabricGateway } from '../../ledger-client/open-fabric-gateway';
import type { LedgerAccessGateOptions } from '../access/ledger-access-gate';

// Runs against the real three-bank network in console/test/console-real-network.test.ts (three
// share services, each bank's operator1 holding `vault`); the unit tests use
// testing/ledger-vault-world.ts, an in-process stub, in its place.

/** Where the bank's Fabric network is, and which wallet identity (holding `vault`) the share service signs as. */
export type FabricVaultLedgerOptions = {
  /** A common connection profile (JSON) naming the bank's peers and orderers. */
  readonly connectionProfile: Record<string, unknown>;
  readonly walletPath: string;
  readonly walletLabel: string;
  /** The MSP the identity must belong to: the bank running this share service. */
  readonly mspId: string;
  readonly channel: string;
  readonly chaincode: string;
};

/** Deadlines in seconds: a person waits for the file, so they are shorter than fabric-network's defaults. */
const DEADLINES = { endorseTimeout: 15, commitTimeout: 30, queryTimeout: 10 } as const;

/** The gate's two contracts on one gateway connection, and how to close it. */
export type FabricVaultLedger = LedgerAccessGateOptions & { close(): void };

/** Connects the share service's own identity to its bank's gateway; refuses an identity of another MSP. */
export async function connectFabricVaultLedger(options: FabricVaultLedgerOptions): Promise<FabricVaultLedger> {
  const { network, close } = await openFabricGateway(
    { connectionProfile: options.connectionProfile, walletPath: options.walletPath, label: options.walletLabel, mspId: options.mspId, channel: options.channel, deadlines: DEADLINES },
    (sentence) => new Error(sentence),
  );
  const contract = (name: string) => {
    const fabric = network.getContract(options.chaincode, name);
    return { submitTransaction: (tx: string, ...args: string[]) => fabric.submitTransaction(tx, ...args), evaluateTransaction: (tx: string, ...args: string[]) => fabric.evaluateTransaction(tx, ...args) };
  };
  return { roles: contract('RoleContract'), evidence: contract('EvidenceContract'), close };
}
