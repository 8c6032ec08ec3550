import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isIdentityId, isMspId, MAX_MSP_ID_LENGTH } from '@trestle/compliance/src/identity/identity-id';
import { isRole, ROLES, type Role } from '@trestle/compliance/src/roles/roles';

// Transaction arguments arrive as strings from the client; these checks run before any state is
// read or written, so bad input gets a typed error and changes nothing. User input goes into
// `details`, never into the sentence (see TrestleError's wire format).

/** A transaction argument that must be a non-empty string. */
export function requiredArgument(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TrestleError('ARGUMENT_EMPTY', `The ${argument} argument is empty; pass a value.`, { details: { argument } });
  }
  return value;
}

/** An argument naming an identity, in the `x509::<subject>::<issuer>` form of `getID()`. */
export function identityIdArgument(value: unknown, argument: string): string {
  const id = requiredArgument(value, argument);
  if (!isIdentityId(id)) {
    throw new TrestleError(
      'IDENTITY_ID_MALFORMED',
      `The ${argument} argument is not an identity id; pass the x509::<subject DN>::<issuer DN> string that the identity's getID() returns.`,
      { details: { argument, value: id } },
    );
  }
  return id;
}

/** An argument naming an org by MSP id. */
export function mspIdArgument(value: unknown, argument: string): string {
  const mspId = requiredArgument(value, argument);
  if (!isMspId(mspId)) {
    throw new TrestleError('MSP_ID_MALFORMED', `The ${argument} argument is not an MSP id; pass at most ${MAX_MSP_ID_LENGTH} characters without control characters.`, {
      details: { argument, value: mspId },
    });
  }
  return mspId;
}

/** An argument naming one of the consortium roles. */
export function roleArgument(value: unknown, argument: string): Role {
  const role = requiredArgument(value, argument);
  if (!isRole(role)) {
    throw new TrestleError('ROLE_UNKNOWN', `The ${argument} argument is not a known role; pass one of ${ROLES.join(', ')}.`, {
      details: { argument, value: role },
    });
  }
  return role;
}
