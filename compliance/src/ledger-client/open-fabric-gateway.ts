import type { Network } from 'fabric-network';
import { guardFabricListenerUnregister } from './fabric-listener-guard';

// Exercised against the real three-bank network by `trestle` ledger commands and the integration
// suites (network/test); unit tests run the chaincode in process on the stubbed context instead.
//
// fabric-network is imported when a gateway opens, not when this module loads: its configuration
// reads the process's command line through nconf and yargs when it loads, and would answer a CLI's
// `--version` itself.

/** How long each kind of call may take, in seconds. */
export type GatewayDeadlines = { readonly endorseTimeout: number; readonly commitTimeout: number; readonly queryTimeout: number };

/** Who connects to which channel: one identity of a file-system wallet, checked against its MSP when given. */
export type FabricGatewayOptions = {
  /** A common connection profile (JSON) naming the org's peers and orderers. */
  readonly connectionProfile: Record<string, unknown>;
  readonly walletPath: string;
  readonly label: string;
  /** The MSP the identity must belong to; unchecked when absent. */
  readonly mspId?: string;
  readonly channel: string;
  /** fabric-network's defaults when absent. */
  readonly deadlines?: GatewayDeadlines;
};

/**
 * Which peers' commit a submit waits for: every peer of the channel that is connected (one that is
 * down is not waited for). fabric-network's default waits for the caller's own org's peers only, so
 * the next transaction, endorsed by the caller's peer and another bank's (endorsement-plan.ts), could
 * reach that other peer before it committed the last one. Seen on the three-bank network: a bank
 * officer's approval right after the other bank's failed with "Peer endorsements do not match"
 * (one peer read the transfer before the first approval, the other after). The Regulator's org has
 * no peer, so under the default its submits waited for none at all.
 */
export const COMMIT_SCOPE = 'NETWORK_SCOPE_ALLFORTX' as const;

/** A connected channel, the MSP ids of the organisations whose peers the profile names, and how to let it go. */
export type OpenFabricGateway = { readonly network: Network; readonly peerOrgs: readonly string[]; close(): void };

/** MSP ids of the profile's organisations that list at least one peer (the banks; not the Regulator). */
export function peerOrgsOf(connectionProfile: Record<string, unknown>): string[] {
  const organizations = (connectionProfile.organizations ?? {}) as Record<string, { mspid?: unknown; peers?: unknown }>;
  return Object.values(organizations)
    .filter((org) => typeof org.mspid === 'string' && Array.isArray(org.peers) && org.peers.length > 0)
    .map((org) => org.mspid as string)
    .sort();
}

/**
 * Connects `label`'s identity through fabric-network with discovery on, so every transaction is
 * signed by that identity. `refuse` turns a wallet problem (no such identity, another MSP's) into
 * the caller's own typed error; connection failures pass through as fabric-network raised them.
 */
export async function openFabricGateway(options: FabricGatewayOptions, refuse: (sentence: string) => Error): Promise<OpenFabricGateway> {
  const { DefaultEventHandlerStrategies, Gateway, Wallets } = await import('fabric-network');
  // Before any submit can wait on a peer that dies: see fabric-listener-guard.ts.
  await guardFabricListenerUnregister();
  const wallet = await Wallets.newFileSystemWallet(options.walletPath);
  const identity = await wallet.get(options.label);
  if (identity === undefined) throw refuse(`No identity labelled ${options.label} in the wallet at ${options.walletPath}.`);
  if (options.mspId !== undefined && identity.mspId !== options.mspId) throw refuse(`The wallet identity ${options.label} belongs to ${identity.mspId}, not ${options.mspId}.`);
  const gateway = new Gateway();
  const deadlines = options.deadlines;
  await gateway.connect(options.connectionProfile, {
    wallet,
    identity: options.label,
    discovery: { enabled: true, asLocalhost: false },
    eventHandlerOptions: { strategy: DefaultEventHandlerStrategies[COMMIT_SCOPE], ...(deadlines === undefined ? {} : { endorseTimeout: deadlines.endorseTimeout, commitTimeout: deadlines.commitTimeout }) },
    ...(deadlines === undefined ? {} : { queryHandlerOptions: { timeout: deadlines.queryTimeout } }),
  });
  return { network: await gateway.getNetwork(options.channel), peerOrgs: peerOrgsOf(options.connectionProfile), close: () => gateway.disconnect() };
}
