import test from 'ava';
import { stubContext } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_A_MALLORY, BANK_B_ADMIN } from '../testing/test-identities';
import { callerOf, callerOrganizationalUnits, isOrgAdmin } from './caller';

test('the caller is the MSP id and the fabric-shim identity id', (t) => {
  t.deepEqual(callerOf(stubContext({ identity: BANK_B_ADMIN }).ctx), {
    mspId: 'BankBMSP',
    identityId: 'x509::/C=CH/O=BankB/OU=admin/CN=Admin@bankb.trestle.test::/C=CH/O=BankB/CN=ca.bankb.trestle.test',
  });
});

test('an OU admin certificate makes an org admin; OU client does not', (t) => {
  t.deepEqual(callerOrganizationalUnits(stubContext({ identity: BANK_A_ADMIN }).ctx), ['admin']);
  t.true(isOrgAdmin(stubContext({ identity: BANK_A_ADMIN }).ctx));
  t.true(isOrgAdmin(stubContext({ identity: BANK_B_ADMIN }).ctx));
  t.false(isOrgAdmin(stubContext({ identity: BANK_A_ALICE }).ctx));
});

test('only the OU attribute counts, not text in the common name', (t) => {
  const { ctx } = stubContext({ identity: BANK_A_MALLORY });
  t.true(ctx.clientIdentity.getID().includes('CN=OU=admin'));
  t.deepEqual(callerOrganizationalUnits(ctx), ['client']);
  t.false(isOrgAdmin(ctx));
});

test('an identity whose bytes are not an X.509 certificate is not an admin', (t) => {
  const { ctx } = stubContext({ identity: BANK_A_ADMIN });
  const real = ctx.clientIdentity;
  ctx.clientIdentity = { ...real, getMSPID: () => real.getMSPID(), getID: () => real.getID(), getIDBytes: () => Buffer.from('idemix or garbage') };
  t.false(isOrgAdmin(ctx));
});
