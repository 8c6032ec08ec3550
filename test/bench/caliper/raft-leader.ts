import type { FabricTopology } from '@trestle/network/src/fabric/topology';

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
