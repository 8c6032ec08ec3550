import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { litEncrypt } from '../lit/lit-crypto';
import { sha256Hex } from '../sha256';
import { kycConditions, makeVaultFixture, OFFICER_A, type VaultFixture } from '../testing/vault-fixture';
import type { DecryptionShare } from './decryption-share';
import type { ConsortiumEnvelope } from './envelope';
import { openEnvelope } from './open-envelope';
import { sealEnvelope } from './seal-envelope';

const file = new TextEncoder().encode('%PDF-1.7 passport of investor inv-0042');

async function sharesFor(fixture: VaultFixture, envelope: ConsortiumEnvelope, indexes: readonly number[]): Promise<DecryptionShare[]> {
  const request = { requester: OFFICER_A, publicKey: envelope.publicKey, conditions: envelope.conditions, dataHash: envelope.dataHash };
  return Promise.all(indexes.map((index) => fixture.services[index - 1]!.signDecryptionShare(request)));
}

async function sealed() {
  const fixture = await makeVaultFixture();
  const envelope = await sealEnvelope(file, kycConditions(), fixture.key.publicKey);
  return { fixture, envelope };
}

function codeOf(error: unknown): string | undefined {
  return isTrestleError(error) ? error.code : undefined;
}

test('a sealed envelope carries the key, threshold, conditions and the SHA-256 of the file, not the file', async (t) => {
  const { fixture, envelope } = await sealed();
  t.like(envelope, { format: 'trestle-evidence-envelope/1', backend: 'consortium', publicKey: fixture.key.publicKey.publicKey, threshold: 2, dataHash: sha256Hex(file) });
  t.false(Buffer.from(envelope.ciphertext, 'base64').includes(Buffer.from('passport')));
});

test('any 2 of 3 shares open the envelope, and so do all 3', async (t) => {
  const { fixture, envelope } = await sealed();
  for (const indexes of [[1, 2], [1, 3], [3, 2], [1, 2, 3]]) {
    t.deepEqual(await openEnvelope(envelope, await sharesFor(fixture, envelope, indexes)), file, indexes.join(','));
  }
});

test('a larger file (1 MiB) round-trips', async (t) => {
  const fixture = await makeVaultFixture();
  const big = new Uint8Array(1 << 20).map((_, i) => (i * 31) & 0xff);
  const envelope = await sealEnvelope(big, kycConditions(), fixture.key.publicKey);
  t.deepEqual(await openEnvelope(envelope, await sharesFor(fixture, envelope, [2, 3])), big);
});

test('1 of 3 shares is VAULT_NOT_ENOUGH_SHARES', async (t) => {
  const { fixture, envelope } = await sealed();
  const error = await t.throwsAsync(openEnvelope(envelope, await sharesFor(fixture, envelope, [2])));
  t.is(codeOf(error), 'VAULT_NOT_ENOUGH_SHARES');
  t.is(codeOf(await t.throwsAsync(openEnvelope(envelope, []))), 'VAULT_NOT_ENOUGH_SHARES');
});

test('the same share twice is refused, not counted as two', async (t) => {
  const { fixture, envelope } = await sealed();
  const [share] = await sharesFor(fixture, envelope, [1]);
  t.is(codeOf(await t.throwsAsync(openEnvelope(envelope, [share!, share!]))), 'VAULT_SHARES_INVALID');
});

test('shares from a different key are refused, even relabelled with this key', async (t) => {
  const { envelope } = await sealed();
  const other = await makeVaultFixture();
  const foreign = await sharesFor(other, { ...envelope, publicKey: other.key.publicKey.publicKey }, [1, 2]);
  t.is(codeOf(await t.throwsAsync(openEnvelope(envelope, foreign))), 'VAULT_SHARES_INVALID');
  // Lying metadata only gets past the label check; Lit's signature check still refuses.
  const relabelled = foreign.map((share) => ({ ...share, publicKey: envelope.publicKey }));
  const error = await t.throwsAsync(openEnvelope(envelope, relabelled));
  t.is(codeOf(error), 'VAULT_SHARES_INVALID');
  t.regex(String((error as Error).message), /do not combine/);
});

test('shares signed for another file identity are refused, even relabelled with this identity', async (t) => {
  const { fixture, envelope } = await sealed();
  const otherFile = await sealEnvelope(new TextEncoder().encode('another file'), kycConditions('kyc-0002'), fixture.key.publicKey);
  const wrong = await sharesFor(fixture, otherFile, [1, 3]);
  t.is(codeOf(await t.throwsAsync(openEnvelope(envelope, wrong))), 'VAULT_SHARES_INVALID');
  const [right] = await sharesFor(fixture, envelope, [1]);
  const relabelled = wrong.map((share) => ({ ...share, identity: right!.identity }));
  const error = await t.throwsAsync(openEnvelope(envelope, relabelled));
  t.is(codeOf(error), 'VAULT_SHARES_INVALID');
  t.regex(String((error as Error).message), /do not combine/);
});

test('one good share with one share of another file is refused', async (t) => {
  const { fixture, envelope } = await sealed();
  const otherFile = await sealEnvelope(new TextEncoder().encode('another file'), kycConditions('kyc-0002'), fixture.key.publicKey);
  const [good] = await sharesFor(fixture, envelope, [1]);
  const [bad] = await sharesFor(fixture, otherFile, [2]);
  const error = await t.throwsAsync(openEnvelope(envelope, [good!, { ...bad!, identity: good!.identity }]));
  t.is(codeOf(error), 'VAULT_SHARES_INVALID');
});

test('a tampered ciphertext is VAULT_ENVELOPE_CORRUPT', async (t) => {
  const { fixture, envelope } = await sealed();
  const shares = await sharesFor(fixture, envelope, [1, 2]);
  const bytes = Buffer.from(envelope.ciphertext, 'base64');
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  const error = await t.throwsAsync(openEnvelope({ ...envelope, ciphertext: bytes.toString('base64') }, shares));
  t.is(codeOf(error), 'VAULT_ENVELOPE_CORRUPT');
});

// Lit 7.4's ciphertext pads short messages to 31 bytes and ends in a variant byte, neither of which
// it authenticates: flipping those still decrypts to the sealed file. What must hold is that no flip
// anywhere yields other data; the store's content hash refuses any changed byte before this point.
test('a bit flipped anywhere in the ciphertext either is VAULT_ENVELOPE_CORRUPT or still yields the sealed file', async (t) => {
  const { fixture, envelope } = await sealed();
  const shares = await sharesFor(fixture, envelope, [1, 2]);
  const original = Buffer.from(envelope.ciphertext, 'base64');
  let refused = 0;
  for (let index = 0; index < original.length; index += 1) {
    const bytes = Buffer.from(original);
    bytes[index]! ^= 0x01;
    try {
      t.deepEqual(await openEnvelope({ ...envelope, ciphertext: bytes.toString('base64') }, shares), file, `byte ${index}`);
    } catch (error) {
      t.is(codeOf(error), 'VAULT_ENVELOPE_CORRUPT', `byte ${index}`);
      refused += 1;
    }
  }
  t.true(refused >= original.length - 32, `${refused} of ${original.length} flips refused`);
});

test('a ciphertext of another file under the same identity is VAULT_ENVELOPE_CORRUPT by the data hash check', async (t) => {
  const { fixture, envelope } = await sealed();
  const shares = await sharesFor(fixture, envelope, [1, 2]);
  const identity = new TextEncoder().encode(shares[0]!.identity);
  const swapped = await litEncrypt(envelope.publicKey, new TextEncoder().encode('not the sealed file'), identity);
  const error = await t.throwsAsync(openEnvelope({ ...envelope, ciphertext: swapped }, shares));
  t.is(codeOf(error), 'VAULT_ENVELOPE_CORRUPT');
});

test('an envelope whose conditions were changed is refused: the shares no longer match its identity', async (t) => {
  const { fixture, envelope } = await sealed();
  const shares = await sharesFor(fixture, envelope, [1, 2]);
  const widened = { ...envelope, conditions: { ...envelope.conditions, bankMsp: 'BankBMSP' } };
  t.is(codeOf(await t.throwsAsync(openEnvelope(widened, shares))), 'VAULT_SHARES_INVALID');
  const relabelled = shares.map((share) => ({ ...share, identity: share.identity.replace(/\/\/[0-9a-f]{64}/, '//' + '0'.repeat(64)) }));
  t.is(codeOf(await t.throwsAsync(openEnvelope(envelope, relabelled))), 'VAULT_SHARES_INVALID');
});

test('lowering the threshold in the envelope does not let fewer shares decrypt', async (t) => {
  const { fixture, envelope } = await sealed();
  const [one] = await sharesFor(fixture, envelope, [3]);
  t.is(codeOf(await t.throwsAsync(openEnvelope({ ...envelope, threshold: 1 }, [one!]))), 'VAULT_SHARES_INVALID');
});
