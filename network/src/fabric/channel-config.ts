import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { binaryPath } from './fabric-binaries';
import { nodeCryptoDir, orgCryptoDir, type BankNode, type FabricTopology } from './topology';

const PROFILE = 'TrestleChannel';

const signature = (rule: string) => ({ Type: 'Signature', Rule: rule });
const implicitMeta = (rule: string) => ({ Type: 'ImplicitMeta', Rule: rule });

function orgPolicies(mspId: string, writers: string) {
  return {
    Readers: signature(`OR('${mspId}.admin', '${mspId}.peer', '${mspId}.client')`),
    Writers: signature(writers),
    Admins: signature(`OR('${mspId}.admin')`),
    Endorsement: signature(`OR('${mspId}.peer')`),
  };
}

/** A bank as a member of the application group: its clients write, its peer endorses and is the anchor. */
function applicationOrg(topology: FabricTopology, bank: BankNode) {
  return {
    Name: bank.mspId,
    ID: bank.mspId,
    MSPDir: path.join(orgCryptoDir(topology, bank.domain), 'msp'),
    Policies: orgPolicies(bank.mspId, `OR('${bank.mspId}.admin', '${bank.mspId}.client')`),
    AnchorPeers: [{ Host: topology.host, Port: bank.peer.port }],
  };
}

/**
 * The same bank as a member of the ordering service. Its orderer's certificate comes from the
 * bank's CA with the `peer` node OU (cryptogen issues node certificates from one template), and
 * the orderer signs blocks as a Writer of its organisation: Writers here is any member.
 */
function ordererOrg(topology: FabricTopology, bank: BankNode) {
  return {
    Name: bank.mspId,
    ID: bank.mspId,
    MSPDir: path.join(orgCryptoDir(topology, bank.domain), 'msp'),
    Policies: orgPolicies(bank.mspId, `OR('${bank.mspId}.member')`),
    OrdererEndpoints: [`${topology.host}:${bank.orderer.port}`],
  };
}

/** configtx.yaml for the channel's genesis block: Raft over the three banks' orderers, Application capability V2_5. */
export function channelConfigtx(topology: FabricTopology): Record<string, unknown> {
  const standard = { Readers: implicitMeta('ANY Readers'), Writers: implicitMeta('ANY Writers'), Admins: implicitMeta('MAJORITY Admins') };
  const regulator = topology.regulator;
  return {
    Profiles: {
      [PROFILE]: {
        Policies: standard,
        Capabilities: { V2_0: true },
        Orderer: {
          OrdererType: 'etcdraft',
          // Short batches keep a person's command snappy on a local network.
          BatchTimeout: '250ms',
          BatchSize: { MaxMessageCount: 100, AbsoluteMaxBytes: '10 MB', PreferredMaxBytes: '2 MB' },
          EtcdRaft: {
            Consenters: topology.banks.map((bank) => {
              const tls = path.join(nodeCryptoDir(topology, bank.domain, bank.orderer.name), 'tls', 'server.crt');
              return { Host: topology.host, Port: bank.orderer.port, ClientTLSCert: tls, ServerTLSCert: tls };
            }),
            Options: { TickInterval: '500ms', ElectionTick: 10, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: '16 MB' },
          },
          Organizations: topology.banks.map((bank) => ordererOrg(topology, bank)),
          Policies: { ...standard, BlockValidation: implicitMeta('ANY Writers') },
          Capabilities: { V2_0: true },
        },
        Application: {
          Organizations: [
            ...topology.banks.map((bank) => applicationOrg(topology, bank)),
            {
              Name: regulator.mspId,
              ID: regulator.mspId,
              MSPDir: path.join(orgCryptoDir(topology, regulator.domain), 'msp'),
              // The Regulator runs no peer: its Endorsement policy can never be met, by design.
              Policies: orgPolicies(regulator.mspId, `OR('${regulator.mspId}.admin', '${regulator.mspId}.client')`),
            },
          ],
          Policies: { ...standard, LifecycleEndorsement: implicitMeta('MAJORITY Endorsement'), Endorsement: implicitMeta('MAJORITY Endorsement') },
          // V2_5 enables PurgePrivateData, which erasing an investor's PII needs.
          Capabilities: { V2_5: true },
        },
      },
    },
  };
}

export function genesisBlockPath(topology: FabricTopology): string {
  return path.join(topology.root, 'channel', `${topology.channel}.block`);
}

/** Writes the channel's genesis block once; orderers and peers join from it. */
export function ensureGenesisBlock(topology: FabricTopology): 'generated' | 'kept' {
  const block = genesisBlockPath(topology);
  if (existsSync(block)) return 'kept';
  const dir = path.dirname(block);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'configtx.yaml'), stringify(channelConfigtx(topology)));
  const result = spawnSync(binaryPath('configtxgen'), ['-configPath', dir, '-profile', PROFILE, '-channelID', topology.channel, '-outputBlock', block], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`configtxgen failed: ${result.stderr || result.error?.message}`);
  return 'generated';
}
