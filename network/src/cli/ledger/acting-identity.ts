import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';

/** The organisations of the local consortium (DESIGN.md §4), by the handle people type, with their MSP ids. */
export const CONSORTIUM_ORGS = { bankA: 'BankAMSP', bankB: 'BankBMSP', bankC: 'BankCMSP', regulator: 'RegulatorMSP' } as const;

export type OrgHandle = keyof typeof CONSORTIUM_ORGS;

/** Who a ledger command acts as: one person's own Fabric identity in their organisation's wallet. */
export interface ActingIdentity {
  readonly org: OrgHandle;
  /** The identity's label in the organisation's wallet. */
  readonly user: string;
  readonly mspId: string;
  /** `org/user`, as given to `--as`. */
  readonly label: string;
}

// A wallet label becomes a file name (<label>.id) in fabric-network's file-system wallet.
const USER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function isOrgHandle(value: string): value is OrgHandle {
  return Object.hasOwn(CONSORTIUM_ORGS, value);
}

/** Reads `--as bankA/officer1`; CLI_IDENTITY_UNKNOWN names what is wrong and what would do. */
export function parseActingIdentity(value: string): ActingIdentity {
  const slash = value.indexOf('/');
  const org = slash < 0 ? value : value.slice(0, slash);
  const user = slash < 0 ? '' : value.slice(slash + 1);
  if (!isOrgHandle(org)) {
    throw new TrestleError('CLI_IDENTITY_UNKNOWN', `--as takes org/user, with org one of ${Object.keys(CONSORTIUM_ORGS).join(', ')} (for example bankA/officer1).`, { details: { argument: 'as' } });
  }
  if (!USER.test(user)) {
    throw new TrestleError('CLI_IDENTITY_UNKNOWN', 'The user after the slash in --as is a wallet label: letters, digits, dot, dash or underscore, at most 64.', { details: { argument: 'as' } });
  }
  return { org, user, mspId: CONSORTIUM_ORGS[org], label: `${org}/${user}` };
}
