import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { identityIdOfCertificate } from '@trestle/compliance/src/officer/vault/identity-id-of-certificate';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { parseActingIdentity } from '../../src/cli/ledger/acting-identity';
import { fabricClientFiles } from '../../src/cli/ledger/fabric-client-files';
import { fabricLedgerSessions } from '../../src/cli/ledger/fabric-ledger-session';
import type { LedgerSession } from '../../src/cli/ledger/ledger-session';
import type { StackConfig } from '../../src/stack/stack-config';

/** The channel and chaincode a session talks to (fabric-ledger-session.ts; default rwa and trestle). */
type ChaincodeNames = { readonly channel: string; readonly chaincode: string };

// The people of the real test network (wallets written by the bring-up, network/src/fabric/client-files.ts)
// and the roles integration suites give them. Suites share one network, so grants are idempotent
// and ids a suite creates carry a fresh suffix.

/** The roles each person holds in the integration suites (`org/label`). */
export const PEOPLE_ROLES: Readonly<Record<string, readonly Role[]>> = {
  'bankA/officer1': ['compliance-officer'],
  'bankA/officer2': ['compliance-officer'],
  'bankA/operator1': ['operator'],
  'bankA/spvadmin1': ['spv-admin'],
  'bankA/appraiser1': ['appraiser'],
  'bankB/officer1': ['compliance-officer'],
  'bankB/officer2': ['compliance-officer'],
  'bankB/operator1': ['operator'],
  'bankB/appraiser1': ['appraiser'],
  'bankC/officer1': ['compliance-officer'],
  'bankC/appraiser1': ['appraiser'],
  'regulator/rita': ['regulator'],
};

/** The identity id the chaincode sees for `org/label`, from the certificate in the org's wallet. */
export function identityIdOf(stack: StackConfig, label: string): string {
  const identity = parseActingIdentity(label);
  const entry = JSON.parse(readFileSync(path.join(fabricClientFiles(stack, identity.org).wallet, `${identity.user}.id`), 'utf8')) as { credentials: { certificate: string } };
  return identityIdOfCertificate(entry.credentials.certificate);
}

/** A session signed by `org/label`'s own identity (on chaincode `trestle` unless `names` says another); close it when done. */
export function sessionOf(stack: StackConfig, label: string, names?: ChaincodeNames): Promise<LedgerSession> {
  return fabricLedgerSessions(stack, names)(parseActingIdentity(label));
}

/** Grants every role of PEOPLE_ROLES that is not held yet, each by the admin of the person's org. */
export async function ensurePeopleRoles(stack: StackConfig, people: Readonly<Record<string, readonly Role[]>> = PEOPLE_ROLES, names?: ChaincodeNames): Promise<void> {
  const byOrg = new Map<string, Array<[string, Role]>>();
  for (const [label, roles] of Object.entries(people)) for (const role of roles) byOrg.set(parseActingIdentity(label).org, [...(byOrg.get(parseActingIdentity(label).org) ?? []), [label, role]]);
  for (const [org, grants] of byOrg) {
    const admin = await sessionOf(stack, `${org}/admin`, names);
    try {
      const roles = admin.contract('RoleContract');
      for (const [label, role] of grants) {
        const identity = parseActingIdentity(label);
        const id = identityIdOf(stack, label);
        const held = JSON.parse(Buffer.from(await roles.evaluateTransaction('GetRoles', identity.mspId, id)).toString('utf8')) as unknown;
        if (JSON.stringify(held).includes(`"${role}"`)) continue;
        await roles.submitTransaction('GrantRole', id, role);
      }
    } finally {
      await admin.close();
    }
  }
}

/** A fresh suffix for ids a suite creates, so reruns on one network never collide. */
export function uniqueSuffix(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}
