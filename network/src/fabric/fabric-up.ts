import type { StackConfig } from '../stack/stack-config';
import { chaincodeBuiltAt, ensureChaincodeBuild } from './chaincode-build';
import { ensureChaincodeDefinition } from './chaincode-lifecycle';
import { writeChaincodePackage } from './chaincode-package';
import { joinOrderer, joinPeer } from './channel-join';
import { ensureGenesisBlock } from './channel-config';
import { writeClientFiles } from './client-files';
import { ensureCryptoMaterial } from './crypto-config';
import { awaitDiscoveryComplete } from './discovery-ready';
import { ensureConsortiumFounded } from './found-consortium';
import { startChaincodeServer, startOrderer, startPeer } from './fabric-processes';
import { writeNodeConfigs } from './node-config';
import { ensureRaftLeader } from './raft-leader';
import { fabricTopology, processName, type FabricTopology } from './topology';
import { stopIfStartedBefore, stopProcess } from '../process/managed-process';

/** One step of the Fabric bring-up, as the task list shows it. */
export interface FabricUpStep {
  readonly title: string;
  run(log: (line: string) => void): Promise<string | void>;
}

/**
 * The consortium's bring-up, in order. Every step is idempotent: on a stack that ran before it
 * keeps the crypto material, genesis block, ledgers and chaincode definition, so `up` after a crash
 * or `down` resumes with the ledger intact. Each process start waits for Fabric's own health
 * check and, on timeout, names the process and its log file.
 */
export function fabricUpSteps(stack: StackConfig, topology: FabricTopology = fabricTopology(stack)): FabricUpStep[] {
  const packageIds = new Map<string, string>();
  return [
    {
      title: 'Crypto material, channel genesis block and node configs',
      run: async () => {
        const crypto = ensureCryptoMaterial(topology);
        const block = ensureGenesisBlock(topology);
        writeNodeConfigs(topology);
        return `crypto ${crypto}, genesis block ${block}`;
      },
    },
    {
      title: 'Orderers (Raft, one per bank) joined to channel rwa',
      run: async (log) => {
        await Promise.all(topology.banks.map((bank) => startOrderer(stack.home, topology, bank)));
        for (const bank of topology.banks) log(`${bank.orderer.name}: ${joinOrderer(topology, bank)}`);
        const restartOneByOne = async () => {
          for (const bank of topology.banks) await stopProcess(stack.home, processName.orderer(bank), 10_000);
          for (const bank of topology.banks) await startOrderer(stack.home, topology, bank);
        };
        return `Raft leader ${await ensureRaftLeader(topology, restartOneByOne, log)}`;
      },
    },
    {
      title: 'Peers (one per bank) joined to channel rwa',
      run: async (log) => {
        await Promise.all(topology.banks.map((bank) => startPeer(stack.home, topology, bank)));
        for (const bank of topology.banks) log(`${bank.peer.name}: ${joinPeer(topology, bank)}`);
      },
    },
    {
      title: 'Chaincode servers (fabric-chaincode-node, TLS, one per bank)',
      run: async (log) => {
        log('compiling chaincode/dist when stale');
        const build = ensureChaincodeBuild();
        for (const bank of topology.banks) packageIds.set(bank.handle, writeChaincodePackage(topology, bank));
        // The package names only the server's address, so a rebuilt chaincode/dist reaches the peers
        // only through a restarted server.
        const builtAt = chaincodeBuiltAt();
        for (const bank of topology.banks) {
          if (await stopIfStartedBefore(stack.home, processName.chaincode(bank), builtAt)) log(`${processName.chaincode(bank)}: restarted, it served an older chaincode/dist`);
        }
        await Promise.all(topology.banks.map((bank) => startChaincodeServer(stack.home, topology, bank, packageIds.get(bank.handle) as string)));
        return `chaincode/dist ${build}`;
      },
    },
    {
      title: 'Chaincode "trestle": install, approve by every bank, commit (majority of banks endorses)',
      run: async (log) => ensureChaincodeDefinition(topology, packageIds, log),
    },
    {
      title: 'Client connection profiles and wallets',
      run: async () => {
        writeClientFiles(stack, topology);
      },
    },
    {
      title: 'Service discovery: every organisation sees every bank\'s peer',
      run: async (log) => `complete after ${(await awaitDiscoveryComplete(stack, topology, log)).toFixed(1)} s`,
    },
    {
      title: 'Consortium membership (3 banks, Regulator) proposed and confirmed by every admin',
      run: async (log) => ensureConsortiumFounded(stack, topology, log),
    },
  ];
}
