import { ROLES, type Role } from '@trestle/compliance/src/roles/roles';
import type { TestIdentity } from '../testing/stub-context';
import { BANK_A_MALLORY, REGULATOR_RITA } from '../testing/test-identities';
import {
  BANK_A_APPRAISER,
  BANK_A_OFFICER,
  BANK_A_OPERATOR,
  BANK_A_ORG_ADMIN,
  BANK_A_SPV_ADMIN,
  BANK_A_VALIDATOR,
  BANK_A_VAULT,
  BANK_C_APPRAISER,
  BANK_C_OFFICER,
  BANK_C_OPERATOR,
  BANK_C_ORG_ADMIN,
  BANK_C_SPV_ADMIN,
  BANK_C_VALIDATOR,
  BANK_C_VAULT,
} from './access-certificates';

/** A column of the matrix: a role held in the caller's own org, an org admin holding no role, or a member holding none. */
export type AccessColumn = Role | 'org-admin' | 'no-role';

/** The columns in the order the matrix shows them. */
export const ACCESS_COLUMNS: readonly AccessColumn[] = [...ROLES, 'org-admin', 'no-role'];

/**
 * Where a caller stands to the record its case acts on. Every case acts on BankA's records (the
 * story's SPV, asset, investors anna and ben, requests made by BankA), so `home` is a BankA
 * identity and `other` one of BankC, party to none of them, or of the Regulator's org.
 */
export type Side = 'home' | 'other';

/** One identity every transaction is called as. */
export type AccessIdentity = {
  readonly name: string;
  readonly column: AccessColumn;
  readonly side: Side;
  readonly identity: TestIdentity;
  /** The admin who grants it its role when the world is built; none when the story already has (the regulator) or it holds none. */
  readonly grantedBy?: TestIdentity;
};

function holder(role: Role, side: Side, identity: TestIdentity): AccessIdentity {
  return side === 'home'
    ? { name: `${role}@BankA`, column: role, side, identity, grantedBy: BANK_A_ORG_ADMIN }
    : { name: `${role}@BankC`, column: role, side, identity, grantedBy: BANK_C_ORG_ADMIN };
}

/** Each role a bank's member may hold, with its BankA and its BankC holder. */
const HOLDERS: ReadonlyArray<readonly [Role, TestIdentity, TestIdentity]> = [
  ['compliance-officer', BANK_A_OFFICER, BANK_C_OFFICER],
  ['operator', BANK_A_OPERATOR, BANK_C_OPERATOR],
  ['spv-admin', BANK_A_SPV_ADMIN, BANK_C_SPV_ADMIN],
  ['appraiser', BANK_A_APPRAISER, BANK_C_APPRAISER],
  ['validator', BANK_A_VALIDATOR, BANK_C_VALIDATOR],
  ['vault', BANK_A_VAULT, BANK_C_VAULT],
];

/**
 * Each bank role held at BankA and at BankC, the regulator (the story's, in the Regulator org, with
 * no bank of its own), each bank's org admin holding no role, and Mallory: a BankA member with no
 * role whose common name imitates "OU=admin".
 */
export const ACCESS_IDENTITIES: readonly AccessIdentity[] = [
  ...HOLDERS.flatMap(([role, home, other]) => [holder(role, 'home', home), holder(role, 'other', other)]),
  { name: 'regulator@Regulator', column: 'regulator', side: 'other', identity: REGULATOR_RITA },
  { name: 'org-admin@BankA', column: 'org-admin', side: 'home', identity: BANK_A_ORG_ADMIN },
  { name: 'org-admin@BankC', column: 'org-admin', side: 'other', identity: BANK_C_ORG_ADMIN },
  { name: 'no-role@BankA', column: 'no-role', side: 'home', identity: BANK_A_MALLORY },
];

/** The BankA or BankC identity holding `role`, for cases whose arguments name someone of the caller's side. */
export function holderOf(role: Role, side: Side): TestIdentity {
  const found = ACCESS_IDENTITIES.find((entry) => entry.column === role && entry.side === side);
  if (found === undefined) throw new RangeError(`no ${role} on the ${side} side`);
  return found.identity;
}
