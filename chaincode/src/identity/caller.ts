import type { Context } from 'fabric-contract-api';
import { Certificate } from '@fidm/x509';

/** Who submitted the transaction: the MSP that vouched for them and their identity id in it. */
export type Caller = { readonly mspId: string; readonly identityId: string };

// X.509 attribute type organizationalUnitName.
const ORGANIZATIONAL_UNIT_OID = '2.5.4.11';

/**
 * With NodeOUs enabled, Fabric classifies an identity as its org's admin when its certificate
 * carries this OU (`AdminOUIdentifier` in the MSP's config.yaml; `admin` is what cryptogen and
 * fabric-ca write, and what this consortium's MSPs must use).
 */
export const ADMIN_ORGANIZATIONAL_UNIT = 'admin';

/** The transaction's submitter as the peer authenticated it. */
export function callerOf(ctx: Context): Caller {
  return { mspId: ctx.clientIdentity.getMSPID(), identityId: ctx.clientIdentity.getID() };
}

/**
 * The OUs of the caller's certificate subject, in certificate order. Read from the certificate
 * itself (the peer has already validated it against the caller's MSP) rather than from the id
 * string, in which a crafted common name could imitate an OU.
 */
export function callerOrganizationalUnits(ctx: Context): string[] {
  const certificate = Certificate.fromPEM(Buffer.from(ctx.clientIdentity.getIDBytes()));
  return certificate.subject.attributes.filter((attribute) => attribute.oid === ORGANIZATIONAL_UNIT_OID).map((attribute) => String(attribute.value));
}

/** Whether the caller is an admin of its org; an identity whose certificate cannot be read is not. */
export function isOrgAdmin(ctx: Context): boolean {
  try {
    return callerOrganizationalUnits(ctx).includes(ADMIN_ORGANIZATIONAL_UNIT);
  } catch {
    return false;
  }
}
