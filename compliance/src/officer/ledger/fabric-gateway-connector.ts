import { openFabricGateway, type OpenFabricGateway } from '../../ledger-client/open-fabric-gateway';
import type { OfficerAccount } from '../accounts/officer-account';
import { adaptFabricContract } from '../../ledger-client/adapt-fabric-contract';
import { investorBankByQuery, submitEndorsers } from '../../ledger-client/transfer-endorsers';
import type { LedgerConnector, OfficerLedger } from './ledger-contract';

// Runs against the real three-bank network in console/test/console-real-network.test.ts (BankA's,
// BankB's and the regulator's services, driven in Chromium and over HTTP); the unit tests use
// testing/in-process-ledger.ts, a stub, in its place.

/** Where the bank's Fabric network is and how long each kind of call may take. */
export type FabricGatewayOptions = {
  /** A common connection profile (JSON) naming the bank's peers and orderers. */
  readonly connectionProfile: Record<string, unknown>;
  /** The bank's file-system wallet, holding one identity per officer under the account's walletLabel. */
  readonly walletPath: string;
  readonly channel: string;
  readonly chaincode: string;
  /** Deadlines in seconds: endorsement, commit (submit waits for it), query. */
  readonly endorseTimeoutSeconds: number;
  readonly commitTimeoutSeconds: number;
  readonly queryTimeoutSeconds: number;
};

/** Channel "rwa", chaincode "trestle" (DESIGN.md §2); fabric-network's endorse default, shorter commit and query deadlines for people waiting at a screen. */
export const FABRIC_DEFAULTS = { channel: 'rwa', chaincode: 'trestle', endorseTimeoutSeconds: 30, commitTimeoutSeconds: 60, queryTimeoutSeconds: 15 } as const;

/**
 * One fabric-network Gateway per officer, connected with that officer's own wallet identity, so
 * every transaction is endorsed and ordered as signed by the officer (the chaincode checks their
 * role and bank). Connections open on first use and stay open until `close`. An identity whose
 * MSP is not the account's is refused before connecting.
 */
export function fabricGatewayConnector(options: FabricGatewayOptions): LedgerConnector {
  const gateways = new Map<string, Promise<OpenFabricGateway>>();

  const deadlines = { endorseTimeout: options.endorseTimeoutSeconds, commitTimeout: options.commitTimeoutSeconds, queryTimeout: options.queryTimeoutSeconds };
  const connect = (account: OfficerAccount): Promise<OpenFabricGateway> =>
    openFabricGateway({ connectionProfile: options.connectionProfile, walletPath: options.walletPath, label: account.walletLabel, mspId: account.mspId, channel: options.channel, deadlines }, (sentence) => new Error(sentence));

  return {
    async ledgerFor(account: OfficerAccount): Promise<OfficerLedger> {
      let pending = gateways.get(account.walletLabel);
      if (pending === undefined) {
        pending = connect(account);
        gateways.set(account.walletLabel, pending);
        // A failed connection is retried at the next request rather than cached.
        pending.catch(() => gateways.delete(account.walletLabel));
      }
      const { network, peerOrgs } = await pending;
      const endorsers = submitEndorsers(account.mspId, peerOrgs, investorBankByQuery((name, ...args) => network.getContract(options.chaincode, 'InvestorContract').evaluateTransaction(name, ...args)));
      return { contract: (name) => adaptFabricContract(network.getContract(options.chaincode, name), endorsers) };
    },
    async close(): Promise<void> {
      const open = [...gateways.values()];
      gateways.clear();
      for (const result of await Promise.allSettled(open)) if (result.status === 'fulfilled') result.value.close();
    },
  };
}
