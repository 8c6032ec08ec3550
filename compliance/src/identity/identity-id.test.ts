import test from 'ava';
import { isIdentityId, isMspId } from './identity-id';

const ALICE = 'x509::/C=CH/O=BankA/OU=client/CN=alice@banka.trestle.test::/C=CH/O=BankA/CN=ca.banka.trestle.test';

test('an id in the form fabric-shim getID() returns is accepted', (t) => {
  t.true(isIdentityId(ALICE));
  t.true(isIdentityId('x509::/CN=urn:bank:alice::/CN=ca'));
});

test('ids missing the x509 prefix, the subject or the issuer are refused', (t) => {
  for (const id of ['alice', 'CN=alice', '/C=CH/CN=alice::/CN=ca', 'x509::/CN=alice', 'x509::::/CN=ca', 'x509::/CN=alice::', 'x509::CN=alice::CN=ca', 'X509::/CN=a::/CN=ca']) {
    t.false(isIdentityId(id), id);
  }
});

test('ids with characters that would corrupt a composite key are refused', (t) => {
  t.false(isIdentityId(`${ALICE}\u0000x`));
  t.false(isIdentityId(`${ALICE}\n`));
  t.false(isIdentityId(`${ALICE}\u{10ffff}`));
  t.false(isIdentityId(`x509::/CN=${'a'.repeat(2048)}::/CN=ca`));
});

test('MSP ids must be non-empty, short and free of control characters', (t) => {
  t.true(isMspId('BankAMSP'));
  t.true(isMspId('Regulator.MSP-1'));
  t.false(isMspId(''));
  t.false(isMspId('Bank\u0000A'));
  t.false(isMspId('M'.repeat(257)));
});
