import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { TrestleError } from '../../errors/trestle-error';
import type { JsonObject } from '../../json/json-value';
import { readOfficerAccount, type OfficerAccount } from './officer-account';

/** The first key of an account file, so a wrong file is refused rather than half read. */
export const ACCOUNT_FILE_FORMAT = 'trestle-officer-accounts/1';

/** Where the service finds accounts; a file by default, an OIDC provider could take its place. */
export interface AccountDirectory {
  /** The account with this username, or undefined. */
  find(username: string): Promise<OfficerAccount | undefined>;
}

type Loaded = { readonly stamp: string; readonly accounts: ReadonlyMap<string, OfficerAccount> };

/**
 * The local account store: one JSON file (mode 0600) holding every account with its scrypt hash.
 * The service re-reads it when its modification time or size changes, so an account added or
 * removed by the command line takes effect at the next request without a restart.
 */
export class FileAccountStore implements AccountDirectory {
  #loaded: Loaded | undefined;

  constructor(readonly path: string) {}

  async find(username: string): Promise<OfficerAccount | undefined> {
    return (await this.#load()).accounts.get(username);
  }

  /** Every account, in username order. */
  async list(): Promise<OfficerAccount[]> {
    return [...(await this.#load()).accounts.values()].sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Adds `account`; OFFICER_ACCOUNT_EXISTS when the username is taken. Writes a new file and renames it over the old one. */
  async add(account: OfficerAccount): Promise<void> {
    const accounts = await this.list();
    if (accounts.some((existing) => existing.username === account.username)) {
      throw new TrestleError('OFFICER_ACCOUNT_EXISTS', 'An account with this username exists already; choose another username.', { details: { username: account.username } });
    }
    const document = { format: ACCOUNT_FILE_FORMAT, accounts: [...accounts, account].sort((a, b) => a.username.localeCompare(b.username)) };
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, this.path);
    this.#loaded = undefined;
  }

  async #load(): Promise<Loaded> {
    const info = await stat(this.path).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (info === undefined) return { stamp: 'missing', accounts: new Map() };
    const stamp = `${info.mtimeMs}:${info.size}:${info.ino}`;
    if (this.#loaded?.stamp === stamp) return this.#loaded;
    this.#loaded = { stamp, accounts: parseAccountFile(await readFile(this.path, 'utf8')) };
    return this.#loaded;
  }
}

function corrupt(sentence: string, details?: JsonObject): TrestleError {
  return new TrestleError('OFFICER_ACCOUNT_STORE_CORRUPT', sentence, details === undefined ? {} : { details });
}

/** Reads an account file's text; OFFICER_ACCOUNT_STORE_CORRUPT naming the first bad account. */
export function parseAccountFile(text: string): Map<string, OfficerAccount> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw corrupt('The account file is not valid JSON; restore it from a backup.');
  }
  const document = value as { format?: unknown; accounts?: unknown };
  if (typeof value !== 'object' || value === null || document.format !== ACCOUNT_FILE_FORMAT || !Array.isArray(document.accounts)) {
    throw corrupt(`The account file must be an object with "format": "${ACCOUNT_FILE_FORMAT}" and an "accounts" list.`);
  }
  const accounts = new Map<string, OfficerAccount>();
  for (const [index, entry] of (document.accounts as unknown[]).entries()) {
    const account = readOfficerAccount(entry, 'OFFICER_ACCOUNT_STORE_CORRUPT');
    if (accounts.has(account.username)) throw corrupt('The account file lists a username twice.', { index });
    accounts.set(account.username, account);
  }
  return accounts;
}
