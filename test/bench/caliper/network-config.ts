import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { OrgHandle } from '@trestle/network/src/cli/ledger/acting-identity';
import { connectionProfile, walletLabels } from '@trestle/network/src/fabric/client-files';
import { orgCryptoDir, type BankNode, type FabricTopology } from '@trestle/network/src/fabric/topology';

// Caliper's network configuration (format 2.0.0, fabric connector) for one stack's consortium:
// each bank as an organisation with the identities the workloads sign as, read from the crypto
// material cryptogen wrote (key files by path: no private key is copied into the bench's output
// folder), and the bank's connection profile (its peers at grpcs://127.0.0.1 with their TLS CAs).
// The Regulator is left out: Caliper's Peer Gateway connector connects each organisation's
// identities to that organisation's first peer, and the Regulator runs none.

/** The wallet labels whose identities Caliper loads, per bank (the workloads sign as no other). */
export const CALIPER_IDENTITIES = ['admin', 'officer1', 'officer2', 'operator1'] as const;

export type CaliperIdentityLabel = (typeof CALIPER_IDENTITIES)[number];

/** An identity as a workload names it in a request (invokerMspId, invokerIdentity). */
export interface CaliperInvoker {
  readonly mspId: string;
  readonly identity: CaliperIdentityLabel;
}

/** The invoker for `bank`'s wallet label. */
export function invokerOf(bank: BankNode, label: CaliperIdentityLabel): CaliperInvoker {
  return { mspId: bank.mspId, identity: label };
}

/** The cryptogen user folder name behind a wallet label (client-files.ts numbers them in label order). */
function cryptoUserName(bank: BankNode, label: string): string {
  const index = walletLabels(bank.handle).indexOf(label);
  if (index < 0) throw new Error(`${label} is not a wallet label of ${bank.handle}`);
  return index === 0 ? 'Admin' : `User${index}`;
}

/** The signing certificate and private key files of `label` at `bank`. */
export function identityFiles(topology: FabricTopology, bank: BankNode, label: string): { readonly certificate: string; readonly privateKey: string } {
  const user = `${cryptoUserName(bank, label)}@${bank.domain}`;
  const msp = path.join(orgCryptoDir(topology, bank.domain), 'users', user, 'msp');
  const keystore = path.join(msp, 'keystore');
  const keys = readdirSync(keystore);
  if (keys.length !== 1) throw new Error(`expected one private key in ${keystore}, found ${keys.length}`);
  return { certificate: path.join(msp, 'signcerts', `${user}-cert.pem`), privateKey: path.join(keystore, keys[0] as string) };
}

/** The network configuration object, with each bank's connection profile at `profilePath(bank)`. */
export function caliperNetworkConfig(topology: FabricTopology, profilePath: (bank: BankNode) => string): Record<string, unknown> {
  return {
    name: `trestle-${path.basename(path.dirname(topology.root))}`,
    version: '2.0.0',
    caliper: { blockchain: 'fabric', sutOptions: { mutualTls: false } },
    channels: [{ channelName: topology.channel, contracts: [{ id: topology.chaincode }] }],
    organizations: topology.banks.map((bank) => ({
      mspid: bank.mspId,
      identities: {
        certificates: CALIPER_IDENTITIES.map((label) => {
          const files = identityFiles(topology, bank, label);
          return { name: label, clientPrivateKey: { path: files.privateKey }, clientSignedCert: { path: files.certificate } };
        }),
      },
      connectionProfile: { path: profilePath(bank), discover: true },
    })),
  };
}

/** Writes `network.yaml` and one connection profile per bank into `folder`; returns the network file. */
export function writeCaliperNetworkConfig(topology: FabricTopology, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const profilePath = (bank: BankNode) => path.join(folder, `connection-${bank.handle}.json`);
  for (const bank of topology.banks) writeFileSync(profilePath(bank), `${JSON.stringify(connectionProfile(topology, bank.handle as OrgHandle), null, 2)}\n`);
  const file = path.join(folder, 'network.yaml');
  writeFileSync(file, stringify(caliperNetworkConfig(topology, profilePath)));
  return file;
}
