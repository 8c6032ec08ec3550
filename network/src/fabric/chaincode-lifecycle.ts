import { check, ordererFlags, peerAsAdmin } from './admin-commands';
import { CHAINCODE_LABEL, packageFile } from './chaincode-package';
import { endpoint, tlsCaCert, type BankNode, type FabricTopology } from './topology';

/**
 * The chaincode's endorsement policy: a majority of the banks' peers. Stated as a signature policy
 * because the channel's implicit MAJORITY would count the Regulator, which runs no peer.
 */
export function bankMajorityPolicy(topology: FabricTopology): string {
  const majority = Math.floor(topology.banks.length / 2) + 1;
  return `OutOf(${majority},${topology.banks.map((bank) => `'${bank.mspId}.peer'`).join(',')})`;
}

/** The definition every bank approves: name, version, sequence, policy. */
export function chaincodeDefinitionFlags(topology: FabricTopology, sequence: number): string[] {
  return ['--channelID', topology.channel, '--name', topology.chaincode, '--version', '1', '--sequence', String(sequence), '--signature-policy', bankMajorityPolicy(topology)];
}

export function installPackage(topology: FabricTopology, bank: BankNode, packageId: string): 'installed' | 'already' {
  const installed = check(peerAsAdmin(topology, bank, ['lifecycle', 'chaincode', 'queryinstalled', '--output', 'json']));
  if (installed.stdout.includes(packageId)) return 'already';
  check(peerAsAdmin(topology, bank, ['lifecycle', 'chaincode', 'install', packageFile(topology, bank)], 300_000));
  return 'installed';
}

/** The committed sequence of the chaincode on the channel, or 0 when none is committed. */
export function committedSequence(topology: FabricTopology, bank: BankNode): number {
  const result = peerAsAdmin(topology, bank, ['lifecycle', 'chaincode', 'querycommitted', '--channelID', topology.channel, '--name', topology.chaincode, '--output', 'json']);
  if (!result.ok) {
    if (/status: 404|not found|does not exist|is not defined/i.test(result.output)) return 0;
    check(result);
  }
  return (JSON.parse(result.stdout) as { sequence: number }).sequence;
}

function approvals(topology: FabricTopology, bank: BankNode, sequence: number): Record<string, boolean> {
  const result = check(peerAsAdmin(topology, bank, ['lifecycle', 'chaincode', 'checkcommitreadiness', ...chaincodeDefinitionFlags(topology, sequence), '--output', 'json']));
  return (JSON.parse(result.stdout) as { approvals: Record<string, boolean> }).approvals;
}

/**
 * Installs each bank's package on its peer, has every bank approve the definition with its own
 * package id, and commits it endorsed by every bank's peer. Idempotent: a committed definition
 * is left alone, and a bank that already approved is not asked again.
 */
export function ensureChaincodeDefinition(topology: FabricTopology, packageIds: ReadonlyMap<string, string>, log: (line: string) => void): 'committed' | 'already' {
  for (const bank of topology.banks) {
    log(`install ${CHAINCODE_LABEL} on ${bank.peer.name}`);
    installPackage(topology, bank, packageIds.get(bank.handle) as string);
  }
  const [first] = topology.banks as [BankNode];
  if (committedSequence(topology, first) > 0) return 'already';
  const sequence = 1;
  const approved = approvals(topology, first, sequence);
  for (const bank of topology.banks) {
    if (approved[bank.mspId]) continue;
    log(`approve for ${bank.mspId}`);
    check(peerAsAdmin(topology, bank, ['lifecycle', 'chaincode', 'approveformyorg', ...ordererFlags(topology, bank), ...chaincodeDefinitionFlags(topology, sequence), '--package-id', packageIds.get(bank.handle) as string, '--waitForEvent']));
  }
  log('commit the definition, endorsed by every bank');
  const peers = topology.banks.flatMap((bank) => ['--peerAddresses', endpoint(topology, bank.peer.port), '--tlsRootCertFiles', tlsCaCert(topology, bank.domain)]);
  check(peerAsAdmin(topology, first, ['lifecycle', 'chaincode', 'commit', ...ordererFlags(topology, first), ...chaincodeDefinitionFlags(topology, sequence), ...peers, '--waitForEvent']));
  return 'committed';
}
