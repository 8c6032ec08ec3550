import { readFileSync } from 'node:fs';
import { openFabricGateway } from '@trestle/compliance/src/ledger-client/open-fabric-gateway';
import { fabricClientFiles } from '../cli/ledger/fabric-client-files';
import type { OrgHandle } from '../cli/ledger/acting-identity';
import type { StackConfig } from '../stack/stack-config';
import { endpoint, type FabricTopology } from './topology';

/** The peers service discovery names to `org`'s admin (host:port), as fabric-network sees them. */
async function discoveredPeers(stack: StackConfig, topology: FabricTopology, org: OrgHandle): Promise<string[]> {
  const files = fabricClientFiles(stack, org);
  const { network, close } = await openFabricGateway(
    { connectionProfile: JSON.parse(readFileSync(files.connectionProfile, 'utf8')) as Record<string, unknown>, walletPath: files.wallet, label: 'admin', channel: topology.channel },
    (sentence) => new Error(sentence),
  );
  try {
    return network.getChannel().getEndorsers().map((peer) => peer.name);
  } finally {
    close();
  }
}

/**
 * Waits until service discovery names every bank's peer to every organisation's clients. Peers
 * learn of the other banks' peers by gossip from the anchor peers, seconds after they join; a
 * transaction that needs a bank discovery does not know yet fails ("did not find any peers active
 * for BankAMSP"), as the consortium's founding did right after a fresh `up` in CI.
 */
export async function awaitDiscoveryComplete(stack: StackConfig, topology: FabricTopology, log: (line: string) => void, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  const wanted = topology.banks.map((bank) => endpoint(topology, bank.peer.port));
  const orgs: OrgHandle[] = [...topology.banks.map((bank) => bank.handle), topology.regulator.handle];
  for (const org of orgs) {
    for (;;) {
      const found = await discoveredPeers(stack, topology, org).catch(() => [] as string[]);
      const missing = wanted.filter((peer) => !found.includes(peer));
      if (missing.length === 0) break;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`service discovery for ${org} still misses ${missing.join(', ')} after ${timeoutMs / 1000} s; see the peers' logs ("trestle network logs peer-bankA")`);
      }
      log(`discovery for ${org}: waiting for ${missing.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  return (Date.now() - started) / 1000;
}
