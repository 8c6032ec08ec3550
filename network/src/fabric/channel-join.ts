import { check, osnadminAsAdmin, peerAsAdmin } from './admin-commands';
import { genesisBlockPath } from './channel-config';
import type { BankNode, FabricTopology } from './topology';

/** Joins the bank's orderer to the channel through its admin endpoint, unless it already serves it. */
export function joinOrderer(topology: FabricTopology, bank: BankNode): 'joined' | 'already' {
  const listed = check(osnadminAsAdmin(topology, bank, ['list']));
  if (listed.stdout.includes(`"name": "${topology.channel}"`) || listed.stdout.includes(`"name":"${topology.channel}"`)) return 'already';
  check(osnadminAsAdmin(topology, bank, ['join', '--channelID', topology.channel, '--config-block', genesisBlockPath(topology)]));
  return 'joined';
}

/** Joins the bank's peer to the channel from the genesis block, unless it already has it. */
export function joinPeer(topology: FabricTopology, bank: BankNode): 'joined' | 'already' {
  const listed = check(peerAsAdmin(topology, bank, ['channel', 'list']));
  if (listed.stdout.split('\n').some((line) => line.trim() === topology.channel)) return 'already';
  check(peerAsAdmin(topology, bank, ['channel', 'join', '-b', genesisBlockPath(topology)]));
  return 'joined';
}
