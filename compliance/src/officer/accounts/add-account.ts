import { TrestleError } from '../../errors/trestle-error';
import type { FileAccountStore } from './account-store';
import { readOfficerAccount, type OfficerAccount } from './officer-account';
import { DEFAULT_SCRYPT_COST, hashPassword, MAX_PASSWORD_BYTES, type ScryptCost } from './password-hash';

/** Shorter passwords are refused: twelve characters is the floor NIST SP 800-63B's successors and most bank policies ask for. */
export const MIN_PASSWORD_CHARS = 12;

/** What the person creating an account gives; the password is hashed here and never stored. */
export type NewAccount = { readonly username: string; readonly displayName: string; readonly role: string; readonly mspId: string; readonly walletLabel: string };

/** Hashes `password` with scrypt, checks every field (OFFICER_ACCOUNT_INVALID listing each problem) and adds the account. */
export async function addAccount(store: FileAccountStore, fields: NewAccount, password: string, now: Date, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<OfficerAccount> {
  if ([...password].length < MIN_PASSWORD_CHARS || Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new TrestleError('OFFICER_ACCOUNT_INVALID', `The password must have at least ${MIN_PASSWORD_CHARS} characters and at most ${MAX_PASSWORD_BYTES} bytes.`, { details: { problems: [{ path: 'password', problem: 'has the wrong length' }] } });
  }
  const account = readOfficerAccount({ ...fields, password: await hashPassword(password, cost), createdAt: now.toISOString() }, 'OFFICER_ACCOUNT_INVALID');
  await store.add(account);
  return account;
}
