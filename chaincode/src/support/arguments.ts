import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { isIdentityId, isMspId, MAX_MSP_ID_LENGTH } from '@trestle/compliance/src/identity/identity-id';
import { MAX_REASON_CHARS } from '@trestle/compliance/src/ledger/ledger-limits';
import { isLedgerId, LEDGER_ID_FORM } from '@trestle/compliance/src/policy/ledger-id';
import { isRole, ROLES, type Role } from '@trestle/compliance/src/roles/roles';
import { isPlainText } from '@trestle/compliance/src/rules/plain-text';

// Transaction arguments arrive as strings from the client; these checks run before any state is
// read or written, so bad input gets a typed error and changes nothing. User input goes into
// `details`, never into the sentence (see TrestleError's wire format).

/** A transaction argument that must be a non-empty string. */
export function requiredArgument(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    // Fabric hands every argument over as a string; anything else comes from a direct call.
    throw new TrestleError('ARGUMENT_EMPTY', `The ${argument} argument is empty or not text; pass a value.`, { details: { argument } });
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

/** An argument naming an SPV, asset or investor by its ledger id. */
export function ledgerIdArgument(value: unknown, argument: string): string {
  const id = requiredArgument(value, argument);
  // Only the length goes into the details: a malformed id may hold characters that break a log line.
  const length = id.length;
  if (!isLedgerId(id)) throw new TrestleError('LEDGER_ID_MALFORMED', `The ${argument} argument is not a ledger id; pass ${LEDGER_ID_FORM}.`, { details: { argument, length } });
  return id;
}

/** The reason for a status change or an erasure: free text, kept on the record. */
export function reasonArgument(value: unknown, argument = 'reason'): string {
  const reason = requiredArgument(value, argument);
  if (!isPlainText(reason, 1, MAX_REASON_CHARS)) {
    throw new TrestleError('REASON_INVALID', `The ${argument} argument must be 1 to ${MAX_REASON_CHARS} characters without control characters.`, {
      details: { argument, length: reason.length },
    });
  }
  return reason;
}
