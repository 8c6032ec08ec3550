import { readFileSync } from 'node:fs';
import type { FabricVaultLedgerOptions } from '../../ledger/fabric-vault-ledger';
import type { ClientAuthority } from './caller-msp';

// Defaults first: the stack's port base plus this offset, channel and chaincode of DESIGN.md §2.
const DEFAULT_PORT_BASE = 27000;
/** The share service's port is the stack's TRESTLE_PORT_BASE plus this, unless VAULT_SHARE_PORT says. */
export const SHARE_SERVICE_PORT_OFFSET = 90;
const FABRIC_DEFAULTS = { channel: 'rwa', chaincode: 'trestle' } as const;

/** How one bank's share service runs, from the environment. */
export type ShareServiceConfig = {
  readonly keyShareFile: string;
  readonly port: number;
  readonly tls: { readonly key: string; readonly cert: string; readonly clients: readonly ClientAuthority[] };
  readonly fabric: FabricVaultLedgerOptions;
};

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set; see compliance/src/vault/README.md`);
  return value;
}

/** VAULT_SHARE_CLIENT_CAS: `MSPID=/path/ca.pem` pairs separated by commas, one CA per org. */
export function parseClientCas(value: string, read: (file: string) => string = (file) => readFileSync(file, 'utf8')): ClientAuthority[] {
  return value
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1 || at === pair.length - 1) throw new Error('VAULT_SHARE_CLIENT_CAS must be MSPID=/path/ca.pem pairs separated by commas');
      return { mspId: pair.slice(0, at), ca: read(pair.slice(at + 1)) };
    });
}

/** Reads the configuration; throws naming the first variable that is missing or wrong. */
export function shareServiceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ShareServiceConfig {
  const port = Number(env.VAULT_SHARE_PORT ?? Number(env.TRESTLE_PORT_BASE ?? DEFAULT_PORT_BASE) + SHARE_SERVICE_PORT_OFFSET);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error('VAULT_SHARE_PORT (or TRESTLE_PORT_BASE) does not give a port from 1 to 65535');
  const clients = parseClientCas(required(env, 'VAULT_SHARE_CLIENT_CAS'));
  if (clients.length === 0) throw new Error('VAULT_SHARE_CLIENT_CAS names no org');
  return {
    keyShareFile: required(env, 'VAULT_SHARE_KEY_FILE'),
    port,
    tls: { key: readFileSync(required(env, 'VAULT_SHARE_TLS_KEY_FILE'), 'utf8'), cert: readFileSync(required(env, 'VAULT_SHARE_TLS_CERT_FILE'), 'utf8'), clients },
    fabric: {
      connectionProfile: JSON.parse(readFileSync(required(env, 'FABRIC_CONNECTION_PROFILE'), 'utf8')) as Record<string, unknown>,
      walletPath: required(env, 'FABRIC_WALLET_DIR'),
      walletLabel: required(env, 'VAULT_SHARE_WALLET_LABEL'),
      mspId: required(env, 'VAULT_SHARE_MSP'),
      channel: env.FABRIC_CHANNEL ?? FABRIC_DEFAULTS.channel,
      chaincode: env.FABRIC_CHAINCODE ?? FABRIC_DEFAULTS.chaincode,
    },
  };
}
