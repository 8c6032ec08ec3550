import { readFileSync } from 'node:fs';
import type { Requester } from '../../vault/access/access-gate';
import { ConsortiumVault } from '../../vault/backends/consortium-vault';
import { parsePublicKeyFile } from '../../vault/keys/public-key-file';
import { HttpShareSource } from '../../vault/share-service/http/http-share-source';
import { FileVaultStore } from '../../vault/store/file-vault-store';
import type { OfficerAccount } from '../accounts/officer-account';
import { locateRegisteredFile } from './locate-registered-file';
import type { OfficerVault } from './officer-vault';
import { walletRequesterOf } from './wallet-requester';

/**
 * The variables that connect `serve` to the evidence vault: all of them, or none (the evidence
 * route then answers OFFICER_VAULT_NOT_CONFIGURED). The store has no default here, unlike
 * `seal-evidence`'s: the service's accounts may be of several orgs, so it has no one bank to name it by.
 */
export const OFFICER_VAULT_VARIABLES = [
  'OFFICER_VAULT_STORE_DIR',
  'OFFICER_VAULT_SHARE_URLS',
  'OFFICER_VAULT_CLIENT_KEY_FILE',
  'OFFICER_VAULT_CLIENT_CERT_FILE',
  'OFFICER_VAULT_SERVER_CA_FILE',
  'OFFICER_VAULT_PUBLIC_KEY_FILE',
] as const;

/** What the environment does not say. */
export type OfficerVaultEnvOptions = {
  /** Who an account is to the share services; default: its certificate in FABRIC_WALLET_DIR (`walletRequesterOf`). */
  readonly requesterOf?: (account: OfficerAccount) => Requester | Promise<Requester>;
  /** How long one share service may take; HttpShareSource's default otherwise. */
  readonly shareTimeoutMs?: number;
};

const README = 'see compliance/src/officer/README.md';

/**
 * The officer service's evidence vault from the environment: undefined when no OFFICER_VAULT_*
 * variable is set, and an Error naming what is missing or wrong when only some are (a service that
 * silently ran without the vault it was meant to have would only show it at the first KYC file).
 */
export function officerVaultFromEnv(env: NodeJS.ProcessEnv, options: OfficerVaultEnvOptions = {}): OfficerVault | undefined {
  const set = OFFICER_VAULT_VARIABLES.filter((name) => (env[name] ?? '') !== '');
  if (set.length === 0) return undefined;
  const missing = OFFICER_VAULT_VARIABLES.filter((name) => !set.includes(name));
  if (missing.length > 0) throw new Error(`the evidence vault is half configured: set ${missing.join(', ')} too, or none of ${OFFICER_VAULT_VARIABLES.join(', ')}; ${README}`);
  const value = (name: (typeof OFFICER_VAULT_VARIABLES)[number]) => env[name] as string;
  const key = parsePublicKeyFile(readVariableFile(value('OFFICER_VAULT_PUBLIC_KEY_FILE'), 'OFFICER_VAULT_PUBLIC_KEY_FILE'));
  const urls = shareUrls(value('OFFICER_VAULT_SHARE_URLS'));
  if (urls.length < key.threshold) throw new Error(`OFFICER_VAULT_SHARE_URLS names ${urls.length} share service(s) but opening a file takes ${key.threshold}; ${README}`);
  const tls = {
    key: readVariableFile(value('OFFICER_VAULT_CLIENT_KEY_FILE'), 'OFFICER_VAULT_CLIENT_KEY_FILE'),
    cert: readVariableFile(value('OFFICER_VAULT_CLIENT_CERT_FILE'), 'OFFICER_VAULT_CLIENT_CERT_FILE'),
    ca: list(value('OFFICER_VAULT_SERVER_CA_FILE')).map((file) => readVariableFile(file, 'OFFICER_VAULT_SERVER_CA_FILE')),
  };
  const vault = new ConsortiumVault({
    key,
    store: new FileVaultStore(value('OFFICER_VAULT_STORE_DIR')),
    shareSources: urls.map((url) => new HttpShareSource({ url, tls, ...(options.shareTimeoutMs === undefined ? {} : { timeoutMs: options.shareTimeoutMs }) })),
  });
  return {
    open: (contentHash, requester) => vault.open(contentHash, requester),
    locate: locateRegisteredFile,
    requesterOf: options.requesterOf ?? walletRequesterOf(requiredWallet(env)),
  };
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

// HTTPS only: the share services answer nothing else, and mutual TLS is what names this bank to them.
function shareUrls(value: string): string[] {
  return list(value).map((text) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error(`OFFICER_VAULT_SHARE_URLS holds "${text.slice(0, 80)}", which is not a URL; ${README}`);
    }
    if (url.protocol !== 'https:') throw new Error(`OFFICER_VAULT_SHARE_URLS holds ${url.origin}, which is not https://; ${README}`);
    return url.origin;
  });
}

function readVariableFile(file: string, name: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`${name} names ${file}, which cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}); ${README}`, { cause });
  }
}

function requiredWallet(env: NodeJS.ProcessEnv): string {
  const wallet = env.FABRIC_WALLET_DIR;
  if (wallet === undefined || wallet === '') throw new Error(`FABRIC_WALLET_DIR is not set: the vault names each officer by their wallet certificate; ${README}`);
  return wallet;
}
