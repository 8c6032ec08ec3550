import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BANKS } from './http/officer-server';
import { FABRIC_DEFAULTS, type FabricGatewayOptions } from './ledger/fabric-gateway-connector';

// Defaults first: the repository's state folder, the stack's port base plus this offset.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DEFAULT_PORT_BASE = 27000;
/** The service's port is the stack's TRESTLE_PORT_BASE plus this (27080 for `npm start`'s stack). */
export const OFFICER_PORT_OFFSET = 80;

/** How `serve` runs, from the environment. */
export type ServiceConfig = {
  readonly accountsFile: string;
  readonly port: number;
  readonly tls: { readonly key: string; readonly cert: string } | undefined;
  readonly secureCookies: boolean;
  readonly banks: readonly string[];
  readonly extraHosts: readonly string[];
  /** The built console's folder, or undefined when it is not built (the API still runs). */
  readonly consoleDir: string | undefined;
  readonly fabric: FabricGatewayOptions;
};

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set; see compliance/src/officer/README.md`);
  return value;
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined || value === '' ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** The account file: OFFICER_ACCOUNTS_FILE, else officer/accounts.json in the stack's state folder (TRESTLE_HOME, default .trestle). */
export function accountsFileFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.OFFICER_ACCOUNTS_FILE ?? path.join(trestleHome(env), 'officer', 'accounts.json'));
}

// The stack's state folder: TRESTLE_HOME, default .trestle in the repository.
function trestleHome(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.TRESTLE_HOME ?? path.join(REPO_ROOT, '.trestle'));
}

/** OFFICER_CONSOLE_DIR, else the repository's console/dist, when it holds a built index.html. */
export function consoleDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = path.resolve(env.OFFICER_CONSOLE_DIR ?? path.join(REPO_ROOT, 'console', 'dist'));
  return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

/** Reads the service's configuration; throws naming the first variable that is missing or wrong. */
export function serviceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const port = Number(env.OFFICER_PORT ?? Number(env.TRESTLE_PORT_BASE ?? DEFAULT_PORT_BASE) + OFFICER_PORT_OFFSET);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error('OFFICER_PORT (or TRESTLE_PORT_BASE) does not give a port from 1 to 65535');
  const keyFile = env.OFFICER_TLS_KEY_FILE;
  const certFile = env.OFFICER_TLS_CERT_FILE;
  if ((keyFile === undefined) !== (certFile === undefined)) throw new Error('set both OFFICER_TLS_KEY_FILE and OFFICER_TLS_CERT_FILE, or neither');
  const tls = keyFile === undefined || certFile === undefined ? undefined : { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  return {
    accountsFile: accountsFileFromEnv(env),
    port,
    tls,
    secureCookies: tls !== undefined || env.OFFICER_SECURE_COOKIES === '1',
    banks: list(env.OFFICER_BANKS) ?? DEFAULT_BANKS,
    extraHosts: list(env.OFFICER_EXTRA_HOSTS) ?? [],
    consoleDir: consoleDirFromEnv(env),
    fabric: fabricOptionsFromEnv(env),
  };
}

/** The bank's Fabric gateway settings (FABRIC_CONNECTION_PROFILE, FABRIC_WALLET_DIR, FABRIC_CHANNEL, FABRIC_CHAINCODE), for `serve` and `seal-evidence`. */
export function fabricOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FabricGatewayOptions {
  return {
    connectionProfile: JSON.parse(readFileSync(required(env, 'FABRIC_CONNECTION_PROFILE'), 'utf8')) as Record<string, unknown>,
    walletPath: required(env, 'FABRIC_WALLET_DIR'),
    channel: env.FABRIC_CHANNEL ?? FABRIC_DEFAULTS.channel,
    chaincode: env.FABRIC_CHAINCODE ?? FABRIC_DEFAULTS.chaincode,
    endorseTimeoutSeconds: FABRIC_DEFAULTS.endorseTimeoutSeconds,
    commitTimeoutSeconds: FABRIC_DEFAULTS.commitTimeoutSeconds,
    queryTimeoutSeconds: FABRIC_DEFAULTS.queryTimeoutSeconds,
  };
}

/** A bank's envelope store for `seal-evidence`: OFFICER_VAULT_STORE_DIR, else vault/<bank MSP>/store in the stack's state folder. */
export function vaultStoreDirFromEnv(bankMsp: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.OFFICER_VAULT_STORE_DIR;
  return path.resolve(dir !== undefined && dir !== '' ? dir : path.join(trestleHome(env), 'vault', bankMsp, 'store'));
}
