import { ACCESS_IDENTITIES, type AccessColumn, type Side } from '@trestle/chaincode/src/access/access-identities';
import { isRole, type Role } from '@trestle/compliance/src/roles/roles';
import { identityIdOfCertificate } from '@trestle/compliance/src/officer/vault/identity-id-of-certificate';
import type { OrgHandle } from '../../src/cli/ledger/acting-identity';
import type { StackConfig } from '../../src/stack/stack-config';
import { openAccessSession, walletSigner, type AccessSession, type Signer } from './access-session';
import { issueIdentity } from './issue-identity';

// The matrix's identities (chaincode/src/access/access-identities.ts, read at run time) on the real
// network. The stub's BankA members are BankA members here and its BankC members BankC's; each
// role holder is a fresh identity issued by its org's CA and granted exactly that role by its
// org's admin, because other suites grant more roles to the bring-up's wallet labels on the shared
// network (vault to operator1, validator to validator1) and a second role would let a caller in
// where its column is denied. The org admins are the bring-up's `admin` wallet identities, and
// the member with no role is a fresh BankA identity no admin ever granted anything.

/** One matrix identity, connected. */
export type RealAccessIdentity = {
  readonly name: string;
  readonly column: AccessColumn;
  readonly side: Side;
  readonly org: OrgHandle;
  readonly mspId: string;
  readonly identityId: string;
  readonly signer: Signer;
  readonly session: AccessSession;
};

const ORG_OF_MSP: Readonly<Record<string, OrgHandle>> = { BankAMSP: 'bankA', BankBMSP: 'bankB', BankCMSP: 'bankC', RegulatorMSP: 'regulator' };

function orgOf(mspId: string): OrgHandle {
  const org = ORG_OF_MSP[mspId];
  if (org === undefined) throw new RangeError(`the matrix names an identity of ${mspId}, which the real network does not have`);
  return org;
}

/** Grants each `[identityId, role]` as `org`'s admin, all in one session. */
export async function grantAsAdmin(stack: StackConfig, org: OrgHandle, grants: ReadonlyArray<readonly [string, Role]>, transaction: 'GrantRole' | 'RevokeRole' = 'GrantRole'): Promise<void> {
  const admin = await openAccessSession(stack, walletSigner(stack, org, 'admin'));
  try {
    // One at a time: grants of one org share nothing, but two cores endorse and commit slowly anyway.
    for (const [identityId, role] of grants) await admin.contract('RoleContract').submitTransaction(transaction, identityId, role);
  } finally {
    admin.close();
  }
}

/** Issues, grants and connects every identity of the matrix. */
export async function realAccessIdentities(stack: StackConfig): Promise<RealAccessIdentity[]> {
  const planned = ACCESS_IDENTITIES.map((entry) => {
    const org = orgOf(entry.identity.mspId);
    const signer: Signer = entry.column === 'org-admin' ? walletSigner(stack, org, 'admin') : issueIdentity(stack, org, `access-${entry.column}`);
    return { entry, org, signer };
  });
  const grantsByOrg = new Map<OrgHandle, Array<readonly [string, Role]>>();
  for (const { entry, org, signer } of planned) {
    if (isRole(entry.column)) grantsByOrg.set(org, [...(grantsByOrg.get(org) ?? []), [identityIdOfCertificate(signer.certificate), entry.column]]);
  }
  await Promise.all([...grantsByOrg].map(([org, grants]) => grantAsAdmin(stack, org, grants)));
  return Promise.all(
    planned.map(async ({ entry, org, signer }) => ({
      name: entry.name,
      column: entry.column,
      side: entry.side,
      org,
      mspId: signer.mspId,
      identityId: identityIdOfCertificate(signer.certificate),
      signer,
      session: await openAccessSession(stack, signer),
    })),
  );
}
