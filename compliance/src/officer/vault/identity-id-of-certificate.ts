import { X509Certificate } from 'node:crypto';
import { isIdentityId } from '../../identity/identity-id';

/**
 * The identity id the chaincode sees for a PEM certificate (`ctx.clientIdentity.getID()` in
 * fabric-shim 2.5: `x509::/<subject>::/<issuer>`, attributes in certificate order as
 * `short name=value`). Built from node's own DN lines, which agree with fabric-shim's for the plain
 * attributes Fabric CAs write (C, ST, L, O, OU, CN). A DN this cannot render the same way (an
 * attribute value with "/", an escaped or multi-valued one) is refused rather than guessed.
 */
export function identityIdOfCertificate(pem: string): string {
  const certificate = new X509Certificate(pem);
  const id = `x509::${dnPath(certificate.subject)}::${dnPath(certificate.issuer)}`;
  if (!isIdentityId(id)) throw new Error('the certificate does not give a valid identity id');
  return id;
}

function dnPath(lines: string): string {
  const attributes = lines.split('\n');
  for (const attribute of attributes) {
    if (!/^[A-Za-z][A-Za-z0-9.]*=[^/\\+"]*$/.test(attribute)) throw new Error('the certificate has a distinguished name whose identity id cannot be derived here');
  }
  return `/${attributes.join('/')}`;
}
