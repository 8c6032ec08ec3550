import { runningPid } from '../process/managed-process';
import type { StackConfig } from '../stack/stack-config';
import { healthy, listening } from './fabric-processes';
import { awaitRaftLeader } from './raft-leader';
import { endpoint, fabricTopology, processName, type FabricTopology } from './topology';

/** One Fabric process as `trestle network status` shows it. */
export interface FabricProcessStatus {
  readonly name: string;
  readonly endpoint: string;
  readonly pid?: number;
  /** Fabric's /healthz for peers and orderers; the listening port for chaincode servers. */
  readonly healthy: boolean;
}

export async function fabricStatus(stack: StackConfig, topology: FabricTopology = fabricTopology(stack)): Promise<FabricProcessStatus[]> {
  const rows: Promise<FabricProcessStatus>[] = [];
  for (const bank of topology.banks) {
    const row = async (name: string, port: number, probe: () => Promise<boolean>): Promise<FabricProcessStatus> => {
      const pid = runningPid(stack.home, name);
      return { name, endpoint: endpoint(topology, port), ...(pid === undefined ? {} : { pid }), healthy: pid !== undefined && (await probe().catch(() => false)) };
    };
    rows.push(row(processName.orderer(bank), bank.orderer.port, () => healthy(topology, bank.orderer.operationsPort)));
    rows.push(row(processName.peer(bank), bank.peer.port, () => healthy(topology, bank.peer.operationsPort)));
    rows.push(row(processName.chaincode(bank), bank.chaincodeServer.port, () => listening(topology.host, bank.chaincodeServer.port)));
  }
  return Promise.all(rows);
}

/** Whether the channel orders transactions, and the sentence `trestle network status` prints about it. */
export interface OrderingStatus {
  readonly ordering: boolean;
  readonly sentence: string;
}

/** The orderers Raft needs up to elect a leader and commit: a strict majority of its members. */
export function raftQuorum(members: number): number {
  return Math.floor(members / 2) + 1;
}

/**
 * What the orderers' rows and the Raft leader probe say about ordering on `channel`. Below a
 * majority nothing is ordered (a submit fails at the orderer), whatever the survivors' metrics
 * still claim; with a majority up but no leader elected yet, ordering waits for the election.
 */
export function orderingStatus(orderers: readonly FabricProcessStatus[], leader: string | undefined, channel: string): OrderingStatus {
  const needed = raftQuorum(orderers.length);
  const down = orderers.filter((row) => !row.healthy).map((row) => row.name);
  const up = orderers.length - down.length;
  if (up < needed) {
    return { ordering: false, sentence: `ordering stopped on ${channel}: ${down.length} of ${orderers.length} orderers down (${down.join(', ')}), Raft needs ${needed} of ${orderers.length}; start one again ("trestle network up")` };
  }
  if (leader === undefined) {
    return { ordering: false, sentence: `ordering stalled on ${channel}: ${up} of ${orderers.length} orderers up but no Raft leader elected (see "trestle network logs orderer-<bank>")` };
  }
  return { ordering: true, sentence: `ordering on ${channel}: ${up} of ${orderers.length} orderers up, ${leader} leads` };
}

/** The orderer that leads the channel now, by one probe of each orderer's metrics; undefined when none does. */
export async function raftLeaderNow(topology: FabricTopology): Promise<string | undefined> {
  return awaitRaftLeader(topology, 0).catch(() => undefined);
}

/** `fabricStatus` with the verdict on ordering, for `trestle network status`. */
export async function fabricOrderingStatus(stack: StackConfig, topology: FabricTopology = fabricTopology(stack)): Promise<{ rows: FabricProcessStatus[]; ordering: OrderingStatus }> {
  const [rows, leader] = await Promise.all([fabricStatus(stack, topology), raftLeaderNow(topology)]);
  const orderers = new Set(topology.banks.map((bank) => processName.orderer(bank)));
  return { rows, ordering: orderingStatus(rows.filter((row) => orderers.has(row.name)), leader, topology.channel) };
}
