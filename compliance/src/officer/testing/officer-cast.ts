import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import type { TestIdentity } from '@trestle/chaincode/src/testing/stub-context';
import { FileAccountStore } from '../accounts/account-store';
import type { OfficerAccount, ServiceRole } from '../accounts/officer-account';
import { hashPassword, type PasswordHash, type ScryptCost } from '../accounts/password-hash';

/** Cheap scrypt for tests (still scrypt, with its parameters recorded): the cost is not what they test. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/** Every test account's password. */
export const PASSWORD = 'correct horse battery staple';

type Person = { readonly role: ServiceRole; readonly mspId: string; readonly identity: TestIdentity; readonly displayName: string };

/** The people who log in, each with the ledger identity of the transfer story that signs for them. */
export const PEOPLE = {
  /** BankA officer who approves (DESK.officerA). */
  alice: { role: 'compliance-officer', mspId: 'BankAMSP', identity: DESK.officerA, displayName: 'Alice (BankA)' },
  /** BankA officer and operator who requests the story's transfers, so never approves them. */
  bob: { role: 'compliance-officer', mspId: 'BankAMSP', identity: DESK.requesterA, displayName: 'Bob (BankA)' },
  /** BankB officer and operator (DESK.officerB). */
  carol: { role: 'compliance-officer', mspId: 'BankBMSP', identity: DESK.officerB, displayName: 'Carol (BankB)' },
  /** BankB's second officer. */
  bert: { role: 'compliance-officer', mspId: 'BankBMSP', identity: DESK.secondOfficerB, displayName: 'Bert (BankB)' },
  /** The regulator. */
  rita: { role: 'regulator', mspId: 'RegulatorMSP', identity: DESK.regulator, displayName: 'Rita (Regulator)' },
} as const satisfies Readonly<Record<string, Person>>;

export type Username = keyof typeof PEOPLE;

let hash: Promise<PasswordHash> | undefined;

/** An account of the cast; its wallet label is the username. */
export async function castAccount(username: Username): Promise<OfficerAccount> {
  const person: Person = PEOPLE[username];
  return { username, displayName: person.displayName, role: person.role, mspId: person.mspId, walletLabel: username, password: await (hash ??= hashPassword(PASSWORD, TEST_SCRYPT_COST)), createdAt: '2026-03-01T00:00:00.000Z' };
}

/** A fresh account file in a temporary folder holding the whole cast. */
export async function castAccountStore(): Promise<FileAccountStore> {
  const store = new FileAccountStore(path.join(await mkdtemp(path.join(tmpdir(), 'trestle-officer-')), 'accounts.json'));
  for (const username of Object.keys(PEOPLE) as Username[]) await store.add(await castAccount(username));
  return store;
}

/** Wallet label to ledger identity, for the in-process stub. */
export const CAST_IDENTITIES: Readonly<Record<string, TestIdentity>> = Object.fromEntries(Object.entries(PEOPLE).map(([username, person]) => [username, person.identity]));
