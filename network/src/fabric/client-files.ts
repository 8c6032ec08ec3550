import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONSORTIUM_ORGS, type OrgHandle } from '../cli/ledger/acting-identity';
import { fabricClientFiles } from '../cli/ledger/fabric-client-files';
import type { StackConfig } from '../stack/stack-config';
import { BANK_USERS, orgCryptoDir, REGULATOR_USERS, tlsCaCert, type FabricTopology } from './topology';

/**
 * A common connection profile for one organisation's clients. It names every bank's peer (the
 * Regulator has none of its own); fabric-network asks them for service discovery, which then
 * finds endorsers and orderers from the channel itself.
 */
export function connectionProfile(topology: FabricTopology, org: OrgHandle): Record<string, unknown> {
  const own = topology.banks.find((bank) => bank.handle === org);
  const peers = Object.fromEntries(
    topology.banks.map((bank) => [
      bank.peer.name,
      {
        url: `grpcs://${topology.host}:${bank.peer.port}`,
        tlsCACerts: { pem: readFileSync(tlsCaCert(topology, bank.domain), 'utf8') },
        grpcOptions: { 'ssl-target-name-override': bank.peer.name, hostnameOverride: bank.peer.name },
      },
    ]),
  );
  const orgName = own?.name ?? topology.regulator.name;
  return {
    name: `trestle-${org}`,
    version: '1.0.0',
    client: { organization: orgName, connection: { timeout: { peer: { endorser: '30' } } } },
    organizations: {
      [orgName]: { mspid: CONSORTIUM_ORGS[org], peers: own ? [own.peer.name] : [] },
      ...Object.fromEntries(topology.banks.filter((bank) => bank !== own).map((bank) => [bank.name, { mspid: bank.mspId, peers: [bank.peer.name] }])),
    },
    peers,
  };
}

/** fabric-network's file-system wallet entry (`<label>.id`), version 1, for an X.509 identity. */
export function walletEntry(mspId: string, certificate: string, privateKey: string): Record<string, unknown> {
  return { credentials: { certificate, privateKey }, mspId, type: 'X.509', version: 1 };
}

function cryptoUser(topology: FabricTopology, domain: string, user: string): { certificate: string; privateKey: string } {
  const msp = path.join(orgCryptoDir(topology, domain), 'users', `${user}@${domain}`, 'msp');
  const certificate = readFileSync(path.join(msp, 'signcerts', `${user}@${domain}-cert.pem`), 'utf8');
  const keystore = path.join(msp, 'keystore');
  const [key] = readdirSync(keystore);
  return { certificate, privateKey: readFileSync(path.join(keystore, key as string), 'utf8') };
}

/** The wallet labels of an organisation: `admin`, then its people in cryptogen's user order. */
export function walletLabels(org: OrgHandle): readonly string[] {
  return ['admin', ...(org === 'regulator' ? REGULATOR_USERS : BANK_USERS)];
}

/** Writes each organisation's connection profile and wallet where the CLI and services look for them. */
export function writeClientFiles(stack: StackConfig, topology: FabricTopology): void {
  const orgs = [...topology.banks.map((bank) => ({ handle: bank.handle as OrgHandle, domain: bank.domain, mspId: bank.mspId })), { handle: 'regulator' as OrgHandle, domain: topology.regulator.domain, mspId: topology.regulator.mspId }];
  for (const org of orgs) {
    const files = fabricClientFiles(stack, org.handle);
    mkdirSync(files.wallet, { recursive: true });
    writeFileSync(files.connectionProfile, JSON.stringify(connectionProfile(topology, org.handle), null, 2));
    walletLabels(org.handle).forEach((label, index) => {
      const user = cryptoUser(topology, org.domain, index === 0 ? 'Admin' : `User${index}`);
      writeFileSync(path.join(files.wallet, `${label}.id`), JSON.stringify(walletEntry(org.mspId, user.certificate, user.privateKey)), { mode: 0o600 });
    });
  }
}
