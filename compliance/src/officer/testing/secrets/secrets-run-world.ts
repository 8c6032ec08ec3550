import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { identityIdOf, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import type { Requester } from '../../../vault/access/access-gate';
import { PUBLIC_KEY_FILE_NAME, shareFileName } from '../../../vault/ceremony/key-ceremony';
import { publicKeyOf, scalarField, scalarToBytes } from '../../../vault/keys/bls12-381';
import { readKeyShareFile } from '../../../vault/keys/key-share-file-io';
import { grantVaultRoles } from '../../../vault/testing/ledger-vault-world';
import { makeTestCa, type KeyPair, type TestCa } from '../../../vault/testing/vault-tls';
import { FileAccountStore } from '../../accounts/account-store';
import { addAccount } from '../../accounts/add-account';
import type { OfficerAccount } from '../../accounts/officer-account';
import { CAST_IDENTITIES, PEOPLE, type Username } from '../officer-cast';
import { startLoggingShareServices, type LoggingShareServices } from './logging-share-services';
import type { HexSecret, PemSecret } from './officer-run-secrets';

// TEST-ONLY: the world of the secrets run, built the way operators build it: the key ceremony's
// own command, one test CA per org (openssl), three share services over HTTPS with mutual TLS,
// officer accounts added with `add-account`'s function, all on ONE IN-PROCESS STUB LEDGER (the real
// contracts on a stubbed chaincode context).

const CEREMONY_MAIN = path.resolve(__dirname, '../../../vault/ceremony/main.ts');
const ORGS = ['BankA', 'BankB', 'BankC', 'Regulator'] as const;
export type Org = (typeof ORGS)[number];
const BANKS = ['BankA', 'BankB', 'BankC'] as const;

/** The run's world and the secrets it was built with. */
export type SecretsRunWorld = {
  readonly worldState: WorldState;
  readonly shares: LoggingShareServices;
  readonly accountsFile: string;
  readonly publicKeyFile: string;
  readonly storeDir: string;
  /** Each org's OFFICER_VAULT_* variables, as `serve` reads them. */
  readonly vaultEnv: Readonly<Record<Org, NodeJS.ProcessEnv>>;
  readonly clients: Readonly<Record<Org, KeyPair>>;
  readonly serverCas: readonly string[];
  readonly passwords: Readonly<Record<Username, string>>;
  /** The three key shares and the consortium secret key they make. */
  readonly keys: readonly HexSecret[];
  readonly tlsKeys: readonly PemSecret[];
  close(): Promise<void>;
};

/** The stub ledger's identity of each cast account, as a bank's wallet would name it. */
export function castRequesterOf(account: OfficerAccount): Requester {
  const identity = CAST_IDENTITIES[account.walletLabel];
  if (identity === undefined) throw new Error(`no stub identity for ${account.walletLabel}`);
  return { identityId: identityIdOf(identity), mspId: account.mspId, role: account.role };
}

/** Builds the world in `folder`; every service it starts logs to the console. */
export async function buildSecretsRunWorld(folder: string): Promise<SecretsRunWorld> {
  const ceremonyDir = path.join(folder, 'ceremony');
  // `npm run vault -- keygen` in a process of its own, its output on this process's output.
  const ceremony = spawnSync(process.execPath, ['--import', 'tsx', CEREMONY_MAIN, 'keygen', '--threshold', '2', '--shares', '3', '--out', ceremonyDir], { stdio: 'inherit' });
  if (ceremony.status !== 0) throw new Error(`the key ceremony failed with status ${String(ceremony.status)}`);
  const shareFiles = [1, 2, 3].map((index) => path.join(ceremonyDir, shareFileName(index)));
  const keyShares = await Promise.all(shareFiles.map((file) => readKeyShareFile(file)));
  const shareSecrets = await Promise.all(shareFiles.map(async (file) => (JSON.parse(await readFile(file, 'utf8')) as { secretShare: string }).secretShare));
  const keys: HexSecret[] = shareSecrets.map((hex, index) => ({ name: `key share ${index + 1}`, hex }));
  keys.push({ name: 'consortium secret key', hex: consortiumSecretHex(shareSecrets, keyShares[0]?.publicKey ?? '') });

  const cas = {} as Record<Org, TestCa>;
  for (const org of ORGS) cas[org] = await makeTestCa(org);
  const tlsKeys: PemSecret[] = ORGS.map((org) => ({ name: `${org} vault CA key`, pem: cas[org].key }));
  const serverPairs = await Promise.all(BANKS.map((bank) => cas[bank].issue(`share-service.${bank.toLowerCase()}`, 'server')));
  serverPairs.forEach((pair, index) => tlsKeys.push({ name: `${BANKS[index] ?? ''} share service TLS key`, pem: pair.key }));
  const clients = {} as Record<Org, KeyPair>;
  for (const org of ORGS) {
    clients[org] = await cas[org].issue(`vault-client.${org.toLowerCase()}`, 'client');
    tlsKeys.push({ name: `${org} vault client TLS key`, pem: clients[org].key });
  }

  const worldState = await grantVaultRoles(await ledgerForBridge());
  const clientAuthorities = ORGS.map((org) => ({ mspId: `${org}MSP`, ca: cas[org].cert }));
  const shares = await startLoggingShareServices(worldState, keyShares.map((keyShare, index) => ({ keyShare, tls: serverPairs[index] as KeyPair })), clientAuthorities);

  const write = async (name: string, text: string) => {
    const file = path.join(folder, name);
    await writeFile(file, text, { mode: 0o600 });
    return file;
  };
  const storeDir = path.join(folder, 'store');
  await mkdir(storeDir, { recursive: true });
  const publicKeyFile = path.join(ceremonyDir, PUBLIC_KEY_FILE_NAME);
  const serverCas = BANKS.map((bank) => cas[bank].cert);
  const caFiles = await Promise.all(serverCas.map((ca, index) => write(`server-ca-${index + 1}.pem`, ca)));
  const vaultEnv = {} as Record<Org, NodeJS.ProcessEnv>;
  for (const org of ORGS) {
    vaultEnv[org] = {
      OFFICER_VAULT_STORE_DIR: storeDir,
      OFFICER_VAULT_SHARE_URLS: shares.servers.map((server) => server.url).join(','),
      OFFICER_VAULT_CLIENT_KEY_FILE: await write(`${org}-client.key`, clients[org].key),
      OFFICER_VAULT_CLIENT_CERT_FILE: await write(`${org}-client.pem`, clients[org].cert),
      OFFICER_VAULT_SERVER_CA_FILE: caFiles.join(','),
      OFFICER_VAULT_PUBLIC_KEY_FILE: publicKeyFile,
    };
  }

  const accountsFile = path.join(folder, 'accounts.json');
  const passwords = await addCastAccounts(new FileAccountStore(accountsFile));
  return {
    worldState,
    shares,
    accountsFile,
    publicKeyFile,
    storeDir,
    vaultEnv,
    clients,
    serverCas,
    passwords,
    keys,
    tlsKeys,
    async close() {
      await shares.close();
      await Promise.all(ORGS.map((org) => cas[org].dispose()));
    },
  };
}

// The secret the shares were split from, by Lagrange interpolation at 0 of shares 1 and 2 (any two
// of a 2-of-3 key), checked against the published key: the parent searches for it in every spelling.
function consortiumSecretHex(shareSecrets: readonly string[], publicKey: string): string {
  const points = [1n, 2n].map((x) => ({ x, y: BigInt(`0x${shareSecrets[Number(x) - 1] ?? ''}`) }));
  let secret = 0n;
  for (const { x, y } of points) {
    let lambda = 1n;
    for (const other of points) if (other.x !== x) lambda = scalarField.mul(lambda, scalarField.div(other.x, scalarField.sub(other.x, x)));
    secret = scalarField.add(secret, scalarField.mul(lambda, y));
  }
  const bytes = scalarToBytes(secret);
  if (Buffer.from(publicKeyOf(bytes)).toString('hex') !== publicKey) throw new Error('the shares do not interpolate to the published key');
  return Buffer.from(bytes).toString('hex');
}

// Each person of the cast with a password of their own, added as `officer add-account` adds it
// (scrypt at the service's default cost), with the command's own line.
async function addCastAccounts(store: FileAccountStore): Promise<Record<Username, string>> {
  const passwords = {} as Record<Username, string>;
  for (const username of Object.keys(PEOPLE) as Username[]) {
    const person = PEOPLE[username];
    passwords[username] = `Pw-${randomBytes(15).toString('base64url')}`;
    const account = await addAccount(store, { username, displayName: person.displayName, role: person.role, mspId: person.mspId, walletLabel: username }, passwords[username], new Date());
    console.log(`[officer] added ${account.username} (${account.role}, ${account.mspId}, wallet label ${account.walletLabel}) to ${store.path}`);
  }
  return passwords;
}
