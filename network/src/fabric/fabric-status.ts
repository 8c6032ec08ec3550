import { runningPid } from '../process/managed-process';
import type { StackConfig } from '../stack/stack-config';
import { healthy, listening } from './fabric-processes';
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
