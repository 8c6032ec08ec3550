import { isMspId } from '../../identity/identity-id';
import { readJsonValue } from '../../ledger/read-json-document';
import { readText } from '../../ledger/record-fields';
import type { RecordReader } from '../../policy/record-reader';
import { oneOf } from '../../rules/read-investor';
import type { Role } from '../../roles/roles';
import { isScryptCost, type PasswordHash } from './password-hash';

/** The roles a person can log in to the officer service with; every other ledger role uses other tools. */
export const SERVICE_ROLES = ['compliance-officer', 'regulator'] as const satisfies readonly Role[];

export type ServiceRole = (typeof SERVICE_ROLES)[number];

/**
 * One person's login: who they are, which bank (MSP) they act for, and which Fabric identity in the
 * bank's wallet signs their transactions. The service never signs with another identity: the
 * chaincode sees the officer, not the service.
 */
export type OfficerAccount = {
  /** Lower-case login name, 2 to 64 of a-z, 0-9, dot, underscore, hyphen. */
  readonly username: string;
  readonly displayName: string;
  readonly role: ServiceRole;
  readonly mspId: string;
  /** The label of the officer's identity in the bank's Fabric wallet. */
  readonly walletLabel: string;
  readonly password: PasswordHash;
  /** ISO 8601. */
  readonly createdAt: string;
};

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const WALLET_LABEL = /^[A-Za-z0-9][A-Za-z0-9@._-]{0,127}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const FIELDS = ['username', 'displayName', 'role', 'mspId', 'walletLabel', 'password', 'createdAt'] as const;
const HASH_FIELDS = ['algorithm', 'N', 'r', 'p', 'keyLength', 'salt', 'hash'] as const;

/** Whether `value` can be a username. */
export function isUsername(value: string): boolean {
  return USERNAME.test(value);
}

/** Whether `value` can be a wallet label. */
export function isWalletLabel(value: string): boolean {
  return WALLET_LABEL.test(value);
}

function isServiceRole(value: unknown): value is ServiceRole {
  return (SERVICE_ROLES as readonly unknown[]).includes(value);
}

function readHash(reader: RecordReader): PasswordHash {
  const hash: PasswordHash = {
    algorithm: reader.member('algorithm', (value): value is 'scrypt' => value === 'scrypt', '"scrypt"', 'scrypt'),
    N: reader.integer('N', 2),
    r: reader.integer('r', 1),
    p: reader.integer('p', 1),
    keyLength: reader.integer('keyLength', 32, 128),
    salt: reader.string('salt', (value) => BASE64.test(value) && Buffer.from(value, 'base64').length >= 16, 'base64 of at least 16 bytes'),
    hash: reader.string('hash', (value) => BASE64.test(value), 'base64'),
  };
  if (!isScryptCost(hash)) reader.problems.add(reader.path, 'has scrypt parameters outside the accepted bounds');
  return hash;
}

/** Reads one account (from the store file, or built by the add-account command); `code` lists every problem. */
export function readOfficerAccount(value: unknown, code: 'OFFICER_ACCOUNT_INVALID' | 'OFFICER_ACCOUNT_STORE_CORRUPT'): OfficerAccount {
  return readJsonValue(value, {
    code,
    name: 'officer account',
    fields: FIELDS,
    read: (reader) => ({
      username: reader.string('username', isUsername, 'a username of 2 to 64 lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit'),
      displayName: readText(reader, 'displayName', 1, 200, 'a display name'),
      role: reader.member('role', isServiceRole, oneOf(SERVICE_ROLES), 'compliance-officer'),
      mspId: reader.string('mspId', isMspId, 'an MSP id'),
      walletLabel: reader.string('walletLabel', isWalletLabel, 'a wallet label of 1 to 128 letters, digits, @, dots, underscores or hyphens'),
      password: readHash(reader.record('password', HASH_FIELDS)),
      createdAt: reader.string('createdAt', (text) => !Number.isNaN(Date.parse(text)), 'an ISO 8601 instant'),
    }),
  });
}
