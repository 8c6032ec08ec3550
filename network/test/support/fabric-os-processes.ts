import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { binaryPath } from '../../src/fabric/fabric-binaries';
import type { FabricTopology } from '../../src/fabric/topology';

/** A process the operating system runs that belongs to one stack's Fabric network. */
export interface StackProcess {
  readonly pid: number;
  readonly commandLine: string;
}

function readProc(pid: string, entry: 'cmdline' | 'cwd' | 'exe'): string | undefined {
  try {
    const file = path.join('/proc', pid, entry);
    return entry === 'cmdline' ? readFileSync(file, 'utf8').split('\0').join(' ').trim() : readlinkSync(file);
  } catch {
    // Gone between the listing and the read, or not ours to inspect.
    return undefined;
  }
}

/**
 * Every process of the stack's network as `ps` would find it, independent of our pid files: a
 * peer or orderer binary running in one of the stack's node folders, or a fabric-shim chaincode
 * server listening on one of the stack's chaincode ports.
 */
export function stackFabricProcesses(topology: FabricTopology): StackProcess[] {
  const binaries = [binaryPath('peer'), binaryPath('orderer')];
  const nodesFolder = path.join(topology.root, 'nodes') + path.sep;
  const chaincodeAddresses = topology.banks.map((bank) => `--chaincode-address ${topology.host}:${bank.chaincodeServer.port}`);
  const found: StackProcess[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const commandLine = readProc(pid, 'cmdline');
    if (!commandLine) continue;
    const exe = readProc(pid, 'exe');
    const fabricNode = exe !== undefined && binaries.includes(exe) && (readProc(pid, 'cwd') ?? '').concat(path.sep).startsWith(nodesFolder);
    const chaincodeServer = commandLine.includes('fabric-shim') && chaincodeAddresses.some((address) => commandLine.includes(address));
    if (fabricNode || chaincodeServer) found.push({ pid: Number(pid), commandLine });
  }
  return found;
}
