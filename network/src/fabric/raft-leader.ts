import type { FabricTopology } from './topology';

// After the orderers (re)start, the channel orders nothing until Raft has elected a leader: a
// submit in that window fails with SERVICE_UNAVAILABLE ("Failed to send transaction successfully
// to the committer"), seen on the bench stack when `network up` resumed a stopped consortium.
// Each orderer's operations endpoint publishes consensus_etcdraft_is_leader per channel.

const LEADER_METRIC = /^consensus_etcdraft_is_leader\{channel="([^"]+)"\}\s+1\s*$/m;

/** Whether one orderer's Prometheus metrics say it leads `channel`. */
export function leadsChannel(metrics: string, channel: string): boolean {
  return [...metrics.matchAll(new RegExp(LEADER_METRIC.source, 'gm'))].some((match) => match[1] === channel);
}

async function ordererLeads(url: string, channel: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok && leadsChannel(await response.text(), channel);
  } catch {
    return false;
  }
}

/** Waits until one bank's orderer leads the channel; fails naming the channel after `timeoutMs`. */
export async function awaitRaftLeader(topology: FabricTopology, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const bank of topology.banks) {
      if (await ordererLeads(`http://${topology.host}:${bank.orderer.operationsPort}/metrics`, topology.channel)) return bank.orderer.name;
    }
    if (Date.now() > deadline) throw new Error(`no orderer leads channel ${topology.channel} after ${timeoutMs / 1000} s (consensus_etcdraft_is_leader on each orderer's operations endpoint)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Waits for a Raft leader of the channel; when none is elected within `firstWaitMs`, restarts the
 * orderers one at a time and waits again. Seen once on a resumed consortium (all three orderers
 * restarted together): each replayed its WAL, stayed a follower at the old term and no election
 * followed for over ten minutes, so nothing was ordered (peers: SERVICE_UNAVAILABLE). Fails naming
 * the orderers' logs when even the restart elects nobody.
 */
export async function ensureRaftLeader(topology: FabricTopology, restartOrderers: () => Promise<void>, log: (line: string) => void, firstWaitMs = 30_000): Promise<string> {
  try {
    return await awaitRaftLeader(topology, firstWaitMs);
  } catch {
    log(`no Raft leader of ${topology.channel} after ${firstWaitMs / 1000} s: restarting the orderers one at a time`);
    await restartOrderers();
    try {
      return await awaitRaftLeader(topology, 60_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}; see the orderers' logs: ${topology.banks.map((bank) => `orderer-${bank.handle}`).join(', ')} ("trestle network logs orderer-bankA")`);
    }
  }
}
