import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { FileAccountStore } from '@trestle/compliance/src/officer/accounts/account-store';
import { addAccount } from '@trestle/compliance/src/officer/accounts/add-account';
import type { ServiceRole } from '@trestle/compliance/src/officer/accounts/officer-account';
import { startOfficerServer, type RunningOfficerServer } from '@trestle/compliance/src/officer/http/officer-server';
import { fabricGatewayConnector } from '@trestle/compliance/src/officer/ledger/fabric-gateway-connector';
import { fabricOptionsFromEnv } from '@trestle/compliance/src/officer/service-config';
import { PASSWORD, TEST_SCRYPT_COST } from '@trestle/compliance/src/officer/testing/officer-cast';
import { officerVaultFromEnv } from '@trestle/compliance/src/officer/vault/officer-vault-from-env';
import { parseActingIdentity, type OrgHandle } from '@trestle/network/src/cli/ledger/acting-identity';
import { fabricClientFiles } from '@trestle/network/src/cli/ledger/fabric-client-files';
import type { StackConfig } from '@trestle/network/src/stack/stack-config';
import type { ClientFiles, RealShareServices } from './real-share-services';

// TEST-ONLY: one org's officer service composed as `npm run officer -- serve` composes it
// (officer-commands.ts): accounts from a file, the fabric-network gateway connector on the bank's
// connection profile and a wallet, the evidence vault from the OFFICER_VAULT_* variables, the
// built console; in this process, on 127.0.0.1 port 0, against the REAL network.

/** A person who logs in: a username and password here, their own wallet identity (`org/label`) on the ledger. */
export type RealAccount = { readonly username: string; readonly displayName: string; readonly role: ServiceRole; readonly identity: string };

/** A running service and the environment it was configured from (seal-evidence reads the same). */
export type RealOfficerService = {
  readonly server: RunningOfficerServer;
  readonly env: NodeJS.ProcessEnv;
  /** What the service logged (internal errors). */
  readonly logs: readonly string[];
  close(): Promise<void>;
};

export type RealOfficerServiceOptions = {
  readonly stack: StackConfig;
  /** The org (a bank, or the regulator's) whose connection profile and vault client the service uses. */
  readonly org: OrgHandle;
  readonly accounts: readonly RealAccount[];
  readonly consoleDir: string;
  readonly shares: RealShareServices;
  /** This service's own folder (wallet, accounts, envelope store). */
  readonly folder: string;
  /** Another service's envelope store to read (the regulator's reads the banks'); default its own. */
  readonly storeDir?: string;
};

/**
 * Starts the service. Its wallet holds a copy of each account's identity from its org's wallet
 * (the bring-up writes one wallet per org; a bank's service also serves the regulator), under the
 * label that follows the slash; labels must therefore differ between the accounts.
 */
export async function startRealOfficerService(options: RealOfficerServiceOptions): Promise<RealOfficerService> {
  const { stack, org, folder, shares } = options;
  const wallet = path.join(folder, 'wallet');
  mkdirSync(wallet, { recursive: true });
  const accountsFile = path.join(folder, 'accounts.json');
  const accounts = new FileAccountStore(accountsFile);
  for (const account of options.accounts) {
    const identity = parseActingIdentity(account.identity);
    copyFileSync(path.join(fabricClientFiles(stack, identity.org).wallet, `${identity.user}.id`), path.join(wallet, `${identity.user}.id`));
    await addAccount(accounts, { username: account.username, displayName: account.displayName, role: account.role, mspId: identity.mspId, walletLabel: identity.user }, PASSWORD, new Date(), TEST_SCRYPT_COST);
  }
  const client: ClientFiles = shares.clientOf(org);
  const env: NodeJS.ProcessEnv = {
    FABRIC_CONNECTION_PROFILE: fabricClientFiles(stack, org).connectionProfile,
    FABRIC_WALLET_DIR: wallet,
    OFFICER_ACCOUNTS_FILE: accountsFile,
    OFFICER_VAULT_STORE_DIR: options.storeDir ?? path.join(folder, 'store'),
    OFFICER_VAULT_SHARE_URLS: shares.urls.join(','),
    OFFICER_VAULT_CLIENT_KEY_FILE: client.keyFile,
    OFFICER_VAULT_CLIENT_CERT_FILE: client.certFile,
    OFFICER_VAULT_SERVER_CA_FILE: shares.serverCaFile,
    OFFICER_VAULT_PUBLIC_KEY_FILE: shares.publicKeyFile,
  };
  const ledger = fabricGatewayConnector(fabricOptionsFromEnv(env));
  const vault = officerVaultFromEnv(env);
  const logs: string[] = [];
  const server = await startOfficerServer({ accounts, ledger, consoleDir: options.consoleDir, vault, log: (line) => logs.push(line) });
  return {
    server,
    env,
    logs,
    async close() {
      await server.close();
      await ledger.close();
    },
  };
}
