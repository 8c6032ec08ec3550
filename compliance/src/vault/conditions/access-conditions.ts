import { TrestleError } from '../../errors/trestle-error';
import { isMspId } from '../../identity/identity-id';
import { isLedgerId } from '../../policy/ledger-id';
import { isRole, type Role } from '../../roles/roles';
import { sha256Hex } from '../sha256';

/** The `vault` field of every Trestle access condition, so no other Lit condition hashes the same. */
export const VAULT_NAME = 'trestle';

/**
 * Who may open one evidence file: an identity of `bankMsp` holding one of `allowedRoles`, or a
 * regulator when `regulator` is among them. Its canonical JSON's SHA-256 is the first half of the
 * Lit identity the file is encrypted to, so changing any field makes every old share useless.
 */
export type AccessConditions = {
  readonly vault: typeof VAULT_NAME;
  readonly fileId: string;
  readonly investorId: string;
  /** The MSP of the investor's bank, whose officers may open the file. */
  readonly bankMsp: string;
  /** Sorted, without repeats. */
  readonly allowedRoles: readonly Role[];
};

/**
 * Validates conditions from a caller or an envelope and returns them with `allowedRoles` sorted and
 * de-duplicated; unknown fields are refused because they would change the hash unseen.
 */
export function parseAccessConditions(value: unknown): AccessConditions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('are not a JSON object');
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !CONDITION_KEYS.has(key));
  if (extra.length > 0) throw invalid('have fields Trestle does not know', { fields: extra.sort() });
  const { vault, fileId, investorId, bankMsp, allowedRoles } = record;
  if (vault !== VAULT_NAME) throw invalid(`are not for the ${VAULT_NAME} vault`);
  if (!isLedgerId(fileId)) throw invalid('have a file id that is not 1 to 128 printable ASCII characters');
  if (!isLedgerId(investorId)) throw invalid('have an investor id that is not 1 to 128 printable ASCII characters');
  if (typeof bankMsp !== 'string' || !isMspId(bankMsp)) throw invalid('have a bank MSP id that cannot name an org');
  if (!Array.isArray(allowedRoles) || allowedRoles.length === 0 || !allowedRoles.every(isRole)) {
    throw invalid('need a non-empty list of known roles in allowedRoles');
  }
  return { vault, fileId, investorId, bankMsp, allowedRoles: [...new Set<Role>(allowedRoles)].sort() };
}

/**
 * The canonical JSON of conditions: keys in UTF-16 code-unit order, no whitespace, roles sorted.
 * Every value is a string or a list of strings, so `JSON.stringify` of an object built in key
 * order is already canonical.
 */
export function canonicalConditionsJson(conditions: AccessConditions): string {
  const { allowedRoles, bankMsp, fileId, investorId, vault } = parseAccessConditions(conditions);
  return JSON.stringify({ allowedRoles, bankMsp, fileId, investorId, vault });
}

/** SHA-256 of the canonical JSON, 64 lower-case hex digits: the conditions half of the Lit identity. */
export function accessConditionsHash(conditions: AccessConditions): string {
  return sha256Hex(canonicalConditionsJson(conditions));
}

const CONDITION_KEYS: ReadonlySet<string> = new Set(['vault', 'fileId', 'investorId', 'bankMsp', 'allowedRoles']);

function invalid(problem: string, details?: { fields: string[] }): TrestleError {
  return new TrestleError('VAULT_CONDITIONS_INVALID', `The access conditions ${problem}; fix them before sealing or opening the file.`, details === undefined ? {} : { details });
}
