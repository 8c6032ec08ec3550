import { TrestleError } from '../../errors/trestle-error';
import { isIdentityId, isMspId } from '../../identity/identity-id';
import { isRole } from '../../roles/roles';
import type { Requester } from './access-gate';

/** Validates a requester that may come off the network; unknown fields are dropped. */
export function parseRequester(value: unknown): Requester {
  if (typeof value !== 'object' || value === null) {
    throw new TrestleError('VAULT_REQUEST_MALFORMED', 'The request names no requester; send their identity id, MSP id and role.');
  }
  const { identityId, mspId, role } = value as Record<string, unknown>;
  if (typeof identityId !== 'string' || !isIdentityId(identityId)) throw new TrestleError('IDENTITY_ID_MALFORMED', 'The requester needs an x509:: identity id.');
  if (typeof mspId !== 'string' || !isMspId(mspId)) throw new TrestleError('MSP_ID_MALFORMED', 'The requester needs an MSP id that names an org.');
  if (!isRole(role)) throw new TrestleError('ROLE_UNKNOWN', 'The requester must act in one of the consortium roles.');
  return { identityId, mspId, role };
}
