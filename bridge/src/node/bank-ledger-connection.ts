import { existsSync, readFileSync } from 'node:fs';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { openFabricGateway } from '@trestle/compliance/src/ledger-client/open-fabric-gateway';
import type { LedgerContract } from '../validator/ledger-call';

// Run against the real three-bank network by network/test/bridge/bridge-real.test.ts (each bank's
// validator1, discovery choosing the endorsers: the bridge's transactions write no implicit
// collection, so no bank's own peer is needed); the devnet tests under bridge/test run the same
// validator code with the chaincode in process.
//
// fabric-network is loaded only when a validator connects: fabric-common's configuration reads the
// process's command line through nconf and yargs when it loads, and would answer `trestle … --version`
// (an option of `trestle sanctions`) with a package version instead of letting the CLI parse it.

/** Where a bank's validator finds its Fabric network and identity. */
export interface BankLedgerOptions {
  /** A common connection profile (JSON file) naming the bank's peers and orderers. */
  readonly connectionProfile: string;
  /** The bank's file-system wallet. */
  readonly walletPath: string;
  /** The label of the validator's identity in that wallet (it must hold the `validator` role). */
  readonly identity: string;
  readonly channel: string;
  readonly chaincode: string;
}

/** The validator's two contracts of the `trestle` chaincode, and how to disconnect. */
export interface BankLedgerConnection {
  readonly bridge: LedgerContract;
  readonly messages: LedgerContract;
  close(): void;
}

/** Connects the validator's identity through fabric-network; typed errors for what an operator can fix. */
export async function connectBankLedger(options: BankLedgerOptions): Promise<BankLedgerConnection> {
  if (!existsSync(options.connectionProfile)) {
    throw new TrestleError('BRIDGE_LEDGER_CONFIG_INVALID', `No connection profile at ${options.connectionProfile}; pass the bank's common connection profile (JSON).`, { details: { argument: 'connection-profile' } });
  }
  const profile = JSON.parse(readFileSync(options.connectionProfile, 'utf8')) as Record<string, unknown>;
  const { network, close } = await openFabricGateway({ connectionProfile: profile, walletPath: options.walletPath, label: options.identity, channel: options.channel }, (sentence) =>
    new TrestleError('BRIDGE_LEDGER_CONFIG_INVALID', sentence, { details: { argument: 'identity' } }),
  );
  return {
    bridge: network.getContract(options.chaincode, 'BridgeContract'),
    messages: network.getContract(options.chaincode, 'GatewayMessageContract'),
    close,
  };
}
