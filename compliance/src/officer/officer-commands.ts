import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FileAccountStore } from './accounts/account-store';
import { addAccount } from './accounts/add-account';
import { readPassword } from './accounts/read-password';
import { startOfficerServer } from './http/officer-server';
import { fabricGatewayConnector } from './ledger/fabric-gateway-connector';
import { OFFICER_USAGE, type OfficerCommand } from './officer-usage';
import { sealEvidenceCommand } from './seal-evidence-command';
import { accountsFileFromEnv, serviceConfigFromEnv } from './service-config';
import { navReaderFromEnv } from './nav/nav-reader-from-env';
import { officerVaultFromEnv } from './vault/officer-vault-from-env';

async function serve(): Promise<void> {
  const config = serviceConfigFromEnv();
  const vault = officerVaultFromEnv(process.env);
  const nav = navReaderFromEnv(process.env);
  const ledger = fabricGatewayConnector(config.fabric);
  const server = await startOfficerServer({ accounts: new FileAccountStore(config.accountsFile), ledger, port: config.port, tls: config.tls, secureCookies: config.secureCookies, banks: config.banks, extraHosts: config.extraHosts, consoleDir: config.consoleDir, vault, nav });
  console.log(`[officer] listening on ${server.url} (accounts: ${config.accountsFile})`);
  console.log(vault === undefined ? '[officer] evidence vault not configured (OFFICER_VAULT_*): files cannot be opened' : `[officer] evidence vault: store ${process.env.OFFICER_VAULT_STORE_DIR ?? ''}, share services ${process.env.OFFICER_VAULT_SHARE_URLS ?? ''}`);
  console.log(nav === undefined ? '[officer] NAV view off (OFFICER_EVM_RPC_URL, OFFICER_EVM_CHAIN_ID unset): the asset page shows no oracle price' : `[officer] NAV view: chain ${nav.chainId} at ${process.env.OFFICER_EVM_RPC_URL ?? ''}`);
  console.log(config.consoleDir === undefined ? '[officer] no web console built (npm run console:build); serving the API only' : `[officer] web console at ${server.url}/ (from ${config.consoleDir})`);
  const stop = () => void server.close().then(() => ledger.close()).then(() => nav?.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function addAccountCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, role: { type: 'string' }, msp: { type: 'string' }, 'wallet-label': { type: 'string' }, 'display-name': { type: 'string' }, file: { type: 'string' } },
    strict: true,
  });
  if (values.username === undefined || values.role === undefined || values.msp === undefined) throw new Error(`--username, --role and --msp are required\n${OFFICER_USAGE}`);
  const file = values.file === undefined ? accountsFileFromEnv() : path.resolve(values.file);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const password = await readPassword(`Password for ${values.username}: `);
  const account = await addAccount(
    new FileAccountStore(file),
    { username: values.username, role: values.role, mspId: values.msp, walletLabel: values['wallet-label'] ?? values.username, displayName: values['display-name'] ?? values.username },
    password,
    new Date(),
  );
  console.log(`[officer] added ${account.username} (${account.role}, ${account.mspId}, wallet label ${account.walletLabel}) to ${file}`);
}

/** Runs one officer command with its arguments (main.ts checked the command's name). */
export async function runOfficerCommand(command: OfficerCommand, rest: string[]): Promise<void> {
  if (command === 'serve') return serve();
  if (command === 'add-account') return addAccountCommand(rest);
  if (command === 'seal-evidence') {
    const record = await sealEvidenceCommand(rest, { env: process.env, log: (line) => console.error(`[officer] ${line}`) });
    console.error(`[officer] sealed ${record.fileId} of ${record.investorId} (${record.kind}, ${record.size} bytes) and registered it as ${record.registeredBy} at ${record.registeredAt}`);
    // stdout carries the content hash alone, for scripts.
    console.log(record.contentHash);
    return;
  }
}

