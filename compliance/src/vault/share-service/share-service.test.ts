import { bls12_381 } from '@noble/curves/bls12-381.js';
import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { accessConditionsHash } from '../conditions/access-conditions';
import { litIdentity } from '../conditions/lit-identity';
import { LIT_SIGNATURE_DST } from '../keys/bls12-381';
import { sha256Hex } from '../sha256';
import { FIXED_TIME, kycConditions, makeVaultFixture, OFFICER_A, OFFICER_B } from '../testing/vault-fixture';
import type { DecryptionShareRequest } from './decryption-share-request';

const dataHash = sha256Hex('passport scan');

async function setUp() {
  const fixture = await makeVaultFixture();
  const request = (requester = OFFICER_A): DecryptionShareRequest => ({ requester, publicKey: fixture.key.publicKey.publicKey, conditions: kycConditions(), dataHash });
  return { ...fixture, request, service: fixture.services[0]! };
}

test('an allowed access is recorded with requester, file, outcome and the injected time', async (t) => {
  const { gate, service, request } = await setUp();
  await service.signDecryptionShare(request());
  t.deepEqual(gate.entries, [
    {
      requester: OFFICER_A,
      conditions: kycConditions(),
      fileId: 'kyc-0001',
      investorId: 'inv-0042',
      conditionsHash: accessConditionsHash(kycConditions()),
      dataHash,
      outcome: 'granted',
      reason: 'A compliance-officer of BankAMSP may open file kyc-0001.',
      shareIndex: 1,
      at: FIXED_TIME.toISOString(),
    },
  ]);
});

test('a refused access is recorded and throws VAULT_ACCESS_DENIED without a share', async (t) => {
  const { gate, service, request } = await setUp();
  const error = await t.throwsAsync(service.signDecryptionShare(request(OFFICER_B)));
  t.true(isTrestleError(error, 'VAULT_ACCESS_DENIED'));
  t.is(gate.entries.length, 1);
  t.like(gate.entries[0], { requester: OFFICER_B, fileId: 'kyc-0001', outcome: 'refused', at: FIXED_TIME.toISOString() });
  t.regex(gate.entries[0]!.reason, /Only BankAMSP or a regulator/);
});

test('a requester claiming a role they do not hold is refused and recorded', async (t) => {
  const { gate, service, request } = await setUp();
  const impostor = { ...OFFICER_A, identityId: 'x509::/CN=mallory::/CN=ca' };
  await t.throwsAsync(service.signDecryptionShare(request(impostor)), { instanceOf: Error, message: /VAULT_ACCESS_DENIED/ });
  t.like(gate.entries[0], { requester: impostor, outcome: 'refused' });
});

test('the share is Lit 7.4 ProofOfPossession hex: the share index byte then a G2 signature under the share key', async (t) => {
  const { service, request, key } = await setUp();
  const share = await service.signDecryptionShare(request());
  const identity = litIdentity(accessConditionsHash(kycConditions()), dataHash);
  t.is(share.identity, identity);
  t.is(share.shareIndex, 1);
  t.regex(share.signatureShare.ProofOfPossession, /^01[0-9a-f]{192}$/);
  const signature = bls12_381.G2.Point.fromHex(share.signatureShare.ProofOfPossession.slice(2));
  const hashed = bls12_381.longSignatures.hash(new TextEncoder().encode(identity), LIT_SIGNATURE_DST);
  t.true(bls12_381.longSignatures.verify(signature, hashed, bls12_381.G1.Point.fromHex(key.keyShares[0]!.verificationKey)));
  t.false(bls12_381.longSignatures.verify(signature, hashed, bls12_381.G1.Point.fromHex(key.keyShares[1]!.verificationKey)));
});

test('a ledger that cannot record makes VAULT_ACCESS_NOT_RECORDED and releases no share', async (t) => {
  const { gate, service, request } = await setUp();
  gate.recordFailure = new Error('ledger unreachable');
  const error = await t.throwsAsync(service.signDecryptionShare(request()));
  t.true(isTrestleError(error, 'VAULT_ACCESS_NOT_RECORDED'));
});

test('a gate that cannot answer makes VAULT_ACCESS_CHECK_FAILED and records nothing', async (t) => {
  const { gate, service, request } = await setUp();
  gate.authorize = async () => {
    throw new Error('peer down');
  };
  const error = await t.throwsAsync(service.signDecryptionShare(request()));
  t.true(isTrestleError(error, 'VAULT_ACCESS_CHECK_FAILED'));
  t.is(gate.entries.length, 0);
});

test('a gate answering anything but allowed: true grants nothing', async (t) => {
  const { gate, service, request } = await setUp();
  gate.authorize = async () => ({ allowed: 'yes' as unknown as boolean, reason: 'odd gate' });
  await t.throwsAsync(service.signDecryptionShare(request()), { message: /VAULT_ACCESS_DENIED/ });
  t.like(gate.entries[0], { outcome: 'refused' });
});

test('a request for another consortium key is VAULT_KEY_MISMATCH and records nothing', async (t) => {
  const { gate, service, request } = await setUp();
  const other = await makeVaultFixture();
  const error = await t.throwsAsync(service.signDecryptionShare({ ...request(), publicKey: other.key.publicKey.publicKey }));
  t.true(isTrestleError(error, 'VAULT_KEY_MISMATCH'));
  t.is(gate.entries.length, 0);
});

test('malformed requests are refused with typed errors and record nothing', async (t) => {
  const { gate, service, request } = await setUp();
  const good = request();
  const cases: [unknown, string][] = [
    [{ ...good, dataHash: 'abc' }, 'VAULT_REQUEST_MALFORMED'],
    [{ ...good, publicKey: 'ab' }, 'VAULT_REQUEST_MALFORMED'],
    [{ ...good, requester: null }, 'VAULT_REQUEST_MALFORMED'],
    [{ ...good, requester: { ...OFFICER_A, identityId: 'alice' } }, 'IDENTITY_ID_MALFORMED'],
    [{ ...good, requester: { ...OFFICER_A, mspId: '' } }, 'MSP_ID_MALFORMED'],
    [{ ...good, requester: { ...OFFICER_A, role: 'boss' } }, 'ROLE_UNKNOWN'],
    [{ ...good, conditions: { ...good.conditions, vault: 'x' } }, 'VAULT_CONDITIONS_INVALID'],
  ];
  for (const [value, code] of cases) {
    const error = await t.throwsAsync(service.signDecryptionShare(value as DecryptionShareRequest));
    t.is((error as { code?: string }).code, code);
  }
  t.is(gate.entries.length, 0);
});
