import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { binaryPath } from './fabric-binaries';
import { BANK_USERS, orgCryptoDir, REGULATOR_USERS, type FabricTopology } from './topology';

// Every endpoint is 127.0.0.1, and clients (fabric-network, peers dialling orderers, orderers
// dialling each other) check TLS names against the address they dialled: each node's TLS
// certificate names the loopback address and localhost besides its own host name.
const LOOPBACK_SANS = ['localhost', '127.0.0.1'];

/** cryptogen's input: the three banks (a peer and an orderer each, NodeOUs on), the Regulator (clients only) and one TLS-only CA per bank for its chaincode server. */
export function cryptogenConfig(topology: FabricTopology): Record<string, unknown> {
  const hostOf = (node: string, domain: string) => node.slice(0, node.length - domain.length - 1);
  return {
    PeerOrgs: [
      ...topology.banks.map((bank) => ({
        Name: bank.name,
        Domain: bank.domain,
        EnableNodeOUs: true,
        Specs: [
          { Hostname: hostOf(bank.peer.name, bank.domain), SANS: LOOPBACK_SANS },
          { Hostname: hostOf(bank.orderer.name, bank.domain), SANS: LOOPBACK_SANS },
        ],
        Users: { Count: BANK_USERS.length },
      })),
      { Name: topology.regulator.name, Domain: topology.regulator.domain, EnableNodeOUs: true, Template: { Count: 0 }, Users: { Count: REGULATOR_USERS.length } },
      ...topology.banks.map((bank) => ({
        Name: `${bank.name}Chaincode`,
        Domain: bank.chaincodeServer.domain,
        EnableNodeOUs: false,
        Specs: [{ Hostname: hostOf(bank.chaincodeServer.name, bank.chaincodeServer.domain), SANS: LOOPBACK_SANS }],
        Users: { Count: 0 },
      })),
    ],
  };
}

/** Generates the crypto material once; a stack that already has it keeps it (its ledgers depend on it). */
export function ensureCryptoMaterial(topology: FabricTopology): 'generated' | 'kept' {
  const out = path.join(topology.root, 'crypto');
  const domains = [...topology.banks.map((b) => b.domain), topology.regulator.domain, ...topology.banks.map((b) => b.chaincodeServer.domain)];
  const present = domains.filter((domain) => existsSync(orgCryptoDir(topology, domain)));
  if (present.length === domains.length) return 'kept';
  // New CAs for some orgs would no longer match the channel's genesis block and the ledgers.
  if (present.length > 0) {
    const missing = domains.filter((domain) => !present.includes(domain));
    throw new Error(`crypto material of ${missing.join(', ')} is missing under ${out} while the others' exists; the channel and ledgers were made with it. Start afresh with "trestle network down --purge".`);
  }
  mkdirSync(topology.root, { recursive: true });
  const config = path.join(topology.root, 'crypto-config.yaml');
  writeFileSync(config, stringify(cryptogenConfig(topology)));
  const result = spawnSync(binaryPath('cryptogen'), ['generate', `--config=${config}`, `--output=${out}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cryptogen generate failed: ${result.stderr || result.error?.message}`);
  return 'generated';
}
