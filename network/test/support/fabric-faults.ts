import { check, osnadminAsAdmin, peerAsAdmin } from '../../src/fabric/admin-commands';
import { CHAINCODE_LABEL } from '../../src/fabric/chaincode-package';
import type { BankNode, FabricTopology } from '../../src/fabric/topology';
import { isZombie, runningPid } from '../../src/process/managed-process';
import { pollUntil } from './fabric-poll';

/** Whether a pid is alive (signal 0 reaches it); a reaped pid is not. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // An exited process its parent has not reaped yet still answers signal 0; it runs nothing.
  return !isZombie(pid);
}

/** kill -9 of a managed process, as a crash would end it; resolves once it is gone. Returns its pid. */
export async function killHard(home: string, name: string): Promise<number> {
  const pid = runningPid(home, name);
  if (pid === undefined) throw new Error(`${name} is not running on the stack at ${home}`);
  process.kill(pid, 'SIGKILL');
  await pollUntil(`${name} (pid ${pid}) gone after SIGKILL`, 10_000, async () => (alive(pid) ? undefined : true), 50);
  return pid;
}

/** The block height of channel `rwa` on the bank's orderer, from its channel participation API. */
export function ordererChannelHeight(topology: FabricTopology, bank: BankNode): number {
  const listed = check(osnadminAsAdmin(topology, bank, ['list', '--channelID', topology.channel], 15_000));
  // osnadmin prints "Status: 200" before the JSON body.
  const body = listed.stdout.slice(listed.stdout.indexOf('{'));
  const { height } = JSON.parse(body) as { height?: unknown };
  if (typeof height !== 'number') throw new Error(`osnadmin gave no height for ${bank.orderer.name}: ${listed.stdout}`);
  return height;
}

/** The package id the bank's peer has installed for the chaincode (what its chaincode server must serve). */
export function installedPackageId(topology: FabricTopology, bank: BankNode): string {
  const listed = check(peerAsAdmin(topology, bank, ['lifecycle', 'chaincode', 'queryinstalled', '--output', 'json'], 30_000));
  const installed = (JSON.parse(listed.stdout) as { installed_chaincodes?: { package_id: string; label: string }[] }).installed_chaincodes ?? [];
  const ours = installed.filter((entry) => entry.label === CHAINCODE_LABEL);
  if (ours.length !== 1) throw new Error(`${bank.peer.name} has ${ours.length} packages labelled ${CHAINCODE_LABEL} installed, expected 1`);
  return (ours[0] as { package_id: string }).package_id;
}
