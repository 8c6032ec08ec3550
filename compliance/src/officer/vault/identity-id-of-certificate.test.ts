import test from 'ava';
import { identityIdOf, type TestIdentity } from '@trestle/chaincode/src/testing/stub-context';
import * as identities from '@trestle/chaincode/src/testing/test-identities';
import { identityIdOfCertificate } from './identity-id-of-certificate';

// fabric-shim's own ClientIdentity (which the chaincode test context runs on these certificates)
// is the reference: the vault's requester must be the id the ledger knows the person by.

test('the identity id of every test certificate is the one fabric-shim gives the chaincode', (t) => {
  const all = Object.values(identities).filter((value: unknown): value is TestIdentity => typeof value === 'object' && value !== null && 'certificate' in value);
  t.true(all.length >= 10);
  for (const identity of all) t.is(identityIdOfCertificate(identity.certificate), identityIdOf(identity));
});

test('something that is not a certificate is refused', (t) => {
  t.throws(() => identityIdOfCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'));
});
