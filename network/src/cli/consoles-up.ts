import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileAccountStore } from '@trestle/compliance/src/officer/accounts/account-store';
import { addAccount } from '@trestle/compliance/src/officer/accounts/add-account';
import type { ServiceRole } from '@trestle/compliance/src/officer/accounts/officer-account';
import { verifyPassword } from '@trestle/compliance/src/officer/accounts/password-hash';
import { startProcess, stopProcess, waitUntilReady } from '../process/managed-process';
import { REPO_ROOT, type StackConfig } from '../stack/stack-config';
import { CONSORTIUM_ORGS, parseActingIdentity, type OrgHandle } from './ledger/acting-identity';
import { fabricClientFiles } from './ledger/fabric-client-files';
import { fabricLedgerSessions } from './ledger/fabric-ledger-session';
import { ensureRole } from './ensure-role';

// `npm start`'s officers' consoles: one detached `officer serve` per bank and one for the
// regulator, each with its own wallet folder (copies of its people's identities) and accounts file
// under <stack home>/officer/<org>/, serving the built console/dist. One generated password per
// stack (officer/passwords, 0600) opens every account; it is made once and kept, so re-running
// `up` restarts the processes (new code, new wallets after a purge) and logs nobody out of habit.
// The evidence vault's share services are not started: the service runs without them and says so.

/** One person who logs in to a console: the username is their wallet label in their org's wallet. */
export interface ConsolePerson {
  readonly label: string;
  readonly role: ServiceRole;
}

/** One org's console as `up` runs it. */
export interface OfficerConsole {
  readonly org: OrgHandle;
  /** The org's display name (BankA, Regulator). */
  readonly name: string;
  readonly mspId: string;
  readonly port: number;
  readonly url: string;
  readonly people: readonly ConsolePerson[];
  /** `<stack home>/officer/<org>`: wallet/ and accounts.json. */
  readonly folder: string;
}

/**
 * Port offsets in the stack's range: 81–84, next to `officer serve`'s own default (80, left free
 * for a hand-started service) and below the share services' 90; Fabric takes 100–126, the devnet 545.
 */
export const CONSOLE_PORT_OFFSETS: Readonly<Record<OrgHandle, number>> = { bankA: 81, bankB: 82, bankC: 83, regulator: 84 };

const OFFICERS: readonly ConsolePerson[] = [
  { label: 'officer1', role: 'compliance-officer' },
  { label: 'officer2', role: 'compliance-officer' },
];
const PEOPLE: Readonly<Record<OrgHandle, readonly ConsolePerson[]>> = { bankA: OFFICERS, bankB: OFFICERS, bankC: OFFICERS, regulator: [{ label: 'rita', role: 'regulator' }] };
const NAMES: Readonly<Record<OrgHandle, string>> = { bankA: 'BankA', bankB: 'BankB', bankC: 'BankC', regulator: 'Regulator' };
const READY_TIMEOUT_MS = 90_000;

/** The consoles of a stack, banks first, with their ports, people and folders. */
export function officerConsoles(stack: StackConfig): OfficerConsole[] {
  return (Object.keys(CONSORTIUM_ORGS) as OrgHandle[]).map((org) => {
    const port = stack.portBase + CONSOLE_PORT_OFFSETS[org];
    return { org, name: NAMES[org], mspId: CONSORTIUM_ORGS[org], port, url: `http://${stack.host}:${port}`, people: PEOPLE[org], folder: path.join(officerHome(stack), org) };
  });
}

/** The file holding the stack's console password (one line). */
export function consolePasswordFile(stack: StackConfig): string {
  return path.join(officerHome(stack), 'passwords');
}

/** A console's process name (`trestle logs officer-bankA`). */
export const consoleProcessName = (org: OrgHandle): string => `officer-${org}`;

/** What `up` reports: where each console answers and where its password is. */
export interface ConsolesUpResult {
  readonly consoles: readonly OfficerConsole[];
  readonly passwordFile: string;
}

/** Optional NAV view: the devnet's JSON-RPC URL and chain id, when contracts are deployed. */
export interface ConsoleEvm {
  readonly rpcUrl: string;
  readonly chainId: number;
}

/** Builds the console if needed, grants the people their roles, writes accounts and wallets, and (re)starts one service per org. */
export async function consolesUp(stack: StackConfig, say: (line: string) => void, evm?: ConsoleEvm): Promise<ConsolesUpResult> {
  const consoleDir = ensureConsoleBuilt(say);
  const consoles = officerConsoles(stack);
  say('roles: compliance-officer for each bank\'s officer1 and officer2, regulator for rita');
  for (const officerConsole of consoles) await ensureRoles(stack, officerConsole);

  mkdirSync(officerHome(stack), { recursive: true, mode: 0o700 });
  const passwordFile = consolePasswordFile(stack);
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  for (const officerConsole of consoles) {
    say(`wallet and accounts of ${officerConsole.name}`);
    writeWallet(stack, officerConsole);
    await ensureAccounts(officerConsole, password);
  }

  for (const officerConsole of consoles) {
    const name = consoleProcessName(officerConsole.org);
    say(`starting ${name}`);
    await stopProcess(stack.home, name);
    if (await answers(officerConsole.url)) throw new Error(`port ${officerConsole.port} (${name}) is taken by a process this stack did not start; stop it and run up again.`);
    const files = fabricClientFiles(stack, officerConsole.org);
    startProcess(stack.home, {
      name,
      command: process.execPath,
      args: ['--import', 'tsx', path.join(REPO_ROOT, 'compliance', 'src', 'officer', 'main.ts'), 'serve'],
      cwd: REPO_ROOT,
      env: {
        TRESTLE_HOME: stack.home,
        OFFICER_PORT: String(officerConsole.port),
        OFFICER_ACCOUNTS_FILE: path.join(officerConsole.folder, 'accounts.json'),
        OFFICER_CONSOLE_DIR: consoleDir,
        FABRIC_CONNECTION_PROFILE: files.connectionProfile,
        FABRIC_WALLET_DIR: path.join(officerConsole.folder, 'wallet'),
        OFFICER_EVM_RPC_URL: evm?.rpcUrl ?? '',
        OFFICER_EVM_CHAIN_ID: evm === undefined ? '' : String(evm.chainId),
      },
    });
  }
  for (const officerConsole of consoles) await waitUntilReady(stack.home, consoleProcessName(officerConsole.org), () => answers(officerConsole.url), READY_TIMEOUT_MS);
  return { consoles, passwordFile };
}

/** Stops every org's console process; the names of those that ran. */
export async function stopConsoles(stack: StackConfig): Promise<string[]> {
  const stopped: string[] = [];
  for (const { org } of officerConsoles(stack)) if (await stopProcess(stack.home, consoleProcessName(org))) stopped.push(consoleProcessName(org));
  return stopped;
}

function officerHome(stack: StackConfig): string {
  return path.join(stack.home, 'officer');
}

/** console/dist, built with `npm run console:build` when it holds no index.html. */
function ensureConsoleBuilt(say: (line: string) => void): string {
  const dist = path.join(REPO_ROOT, 'console', 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;
  say('building the web console (npm run console:build)');
  const built = spawnSync('npm', ['run', '-s', 'console:build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0 || !existsSync(path.join(dist, 'index.html'))) throw new Error(`npm run console:build failed (exit ${built.status}):\n${built.stdout}\n${built.stderr}`);
  return dist;
}

/** Grants each person of the console their role, by their org's admin, unless held. */
async function ensureRoles(stack: StackConfig, officerConsole: OfficerConsole): Promise<void> {
  const admin = await fabricLedgerSessions(stack)(parseActingIdentity(`${officerConsole.org}/admin`));
  try {
    for (const person of officerConsole.people) await ensureRole(stack, admin, `${officerConsole.org}/${person.label}`, person.role);
  } finally {
    await admin.close();
  }
}

/** Copies the people's identities from the org's wallet each time: a purged and rebuilt network issues new ones. */
function writeWallet(stack: StackConfig, officerConsole: OfficerConsole): void {
  const wallet = path.join(officerConsole.folder, 'wallet');
  mkdirSync(wallet, { recursive: true, mode: 0o700 });
  for (const person of officerConsole.people) copyFileSync(path.join(fabricClientFiles(stack, officerConsole.org).wallet, `${person.label}.id`), path.join(wallet, `${person.label}.id`));
}

/** Keeps the accounts file when it holds every person with the stack's password; otherwise writes it anew. */
async function ensureAccounts(officerConsole: OfficerConsole, password: string): Promise<void> {
  const file = path.join(officerConsole.folder, 'accounts.json');
  const kept = existsSync(file) ? await new FileAccountStore(file).list() : [];
  const current = await Promise.all(
    officerConsole.people.map(async (person) => {
      const account = kept.find((entry) => entry.username === person.label);
      return account !== undefined && account.role === person.role && account.mspId === officerConsole.mspId && (await verifyPassword(password, account.password));
    }),
  );
  if (kept.length === officerConsole.people.length && current.every(Boolean)) return;
  rmSync(file, { force: true });
  const store = new FileAccountStore(file);
  for (const person of officerConsole.people) {
    const displayName = `${person.label} (${officerConsole.name})`;
    await addAccount(store, { username: person.label, displayName, role: person.role, mspId: officerConsole.mspId, walletLabel: person.label }, password, new Date());
  }
}

/** Whether an HTTP server answers at `url` (the service's OpenAPI document needs no login). */
async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v1/openapi.json`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
