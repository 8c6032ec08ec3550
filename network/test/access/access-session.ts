import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Contract, X509Identity } from 'fabric-network';
import { COMMIT_SCOPE } from '@trestle/compliance/src/ledger-client/open-fabric-gateway';
import type { LedgerContract } from '@trestle/compliance/src/ledger-client/ledger-contract';
import type { OrgHandle } from '../../src/cli/ledger/acting-identity';
import { FABRIC_CLI_DEFAULTS } from '../../src/cli/ledger/fabric-ledger-session';
import { fabricClientFiles } from '../../src/cli/ledger/fabric-client-files';
import type { StackConfig } from '../../src/stack/stack-config';

// A gateway for an identity that is in no wallet file: the fresh identities issue-identity.ts makes
// (and the bring-up's wallet labels, read from their files), held in an in-memory wallet. Service
// discovery picks the endorsers of a submit, as in fabric-client.ts: the grants and the denied
// submits here need no endorsement plan, and the matrix's calls are evaluated on one peer.

/** Who signs: an org's member with its certificate and key. */
export type Signer = { readonly org: OrgHandle; readonly mspId: string; readonly certificate: string; readonly privateKey: string };

/** One identity's connection to channel rwa. */
export type AccessSession = { contract(name: string): LedgerContract; close(): void };

/** The bring-up's wallet identity `org/label` as a signer. */
export function walletSigner(stack: StackConfig, org: OrgHandle, label: string): Signer {
  const entry = JSON.parse(readFileSync(path.join(fabricClientFiles(stack, org).wallet, `${label}.id`), 'utf8')) as { mspId: string; credentials: { certificate: string; privateKey: string } };
  return { org, mspId: entry.mspId, certificate: entry.credentials.certificate, privateKey: entry.credentials.privateKey };
}

/** fabric-network's contract as the LedgerContract the CLI's sessions give, transient maps included. */
function asLedgerContract(contract: Contract): LedgerContract {
  return {
    submitTransaction: (name, ...args) => contract.submitTransaction(name, ...args),
    evaluateTransaction: (name, ...args) => contract.evaluateTransaction(name, ...args),
    createTransaction: (name) => {
      let transient: Record<string, Buffer> = {};
      const transaction = {
        setTransient: (map: Readonly<Record<string, Uint8Array>>) => {
          transient = Object.fromEntries(Object.entries(map).map(([key, value]) => [key, Buffer.from(value)]));
          return transaction;
        },
        submit: (...args: string[]) => contract.createTransaction(name).setTransient(transient).submit(...args),
        evaluate: (...args: string[]) => contract.createTransaction(name).setTransient(transient).evaluate(...args),
      };
      return transaction;
    },
  };
}

/** Connects `signer` to channel rwa through its org's connection profile, discovery on. */
export async function openAccessSession(stack: StackConfig, signer: Signer): Promise<AccessSession> {
  const { DefaultEventHandlerStrategies, Gateway, Wallets } = await import('fabric-network');
  const profile = JSON.parse(readFileSync(fabricClientFiles(stack, signer.org).connectionProfile, 'utf8')) as Record<string, unknown>;
  const wallet = await Wallets.newInMemoryWallet();
  const identity: X509Identity = { credentials: { certificate: signer.certificate, privateKey: signer.privateKey }, mspId: signer.mspId, type: 'X.509' };
  await wallet.put('signer', identity);
  const gateway = new Gateway();
  await gateway.connect(profile, {
    wallet,
    identity: 'signer',
    discovery: { enabled: true, asLocalhost: false },
    eventHandlerOptions: { strategy: DefaultEventHandlerStrategies[COMMIT_SCOPE], endorseTimeout: 60, commitTimeout: 90 },
    queryHandlerOptions: { timeout: 30 },
  });
  try {
    const network = await gateway.getNetwork(FABRIC_CLI_DEFAULTS.channel);
    return { contract: (name) => asLedgerContract(network.getContract(FABRIC_CLI_DEFAULTS.chaincode, name)), close: () => gateway.disconnect() };
  } catch (error) {
    gateway.disconnect();
    throw error;
  }
}
