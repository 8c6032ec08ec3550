import { readFileSync } from 'node:fs';
import path from 'node:path';
import { identityIdOfCertificate } from '@trestle/compliance/src/officer/vault/identity-id-of-certificate';
import type { StackConfig } from '../stack/stack-config';
import { parseActingIdentity } from './ledger/acting-identity';
import { fabricClientFiles } from './ledger/fabric-client-files';
import type { LedgerSession } from './ledger/ledger-session';

/**
 * Grants `role` to `label` (an identity of the admin's org, `org/user`, by its certificate in the
 * stack's wallet) unless it already holds it: `up`'s steps run again on every start.
 */
export async function ensureRole(stack: StackConfig, admin: LedgerSession, label: string, role: string): Promise<void> {
  const identity = parseActingIdentity(label);
  const entry = JSON.parse(readFileSync(path.join(fabricClientFiles(stack, identity.org).wallet, `${identity.user}.id`), 'utf8')) as { credentials: { certificate: string } };
  const id = identityIdOfCertificate(entry.credentials.certificate);
  const held = Buffer.from(await admin.contract('RoleContract').evaluateTransaction('GetRoles', identity.mspId, id)).toString('utf8');
  if (!held.includes(`"${role}"`)) await admin.contract('RoleContract').submitTransaction('GrantRole', id, role);
}
