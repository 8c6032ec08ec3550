import test from 'ava';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sha256Hex } from '../sha256';
import { findKeyMaterial, type Secret } from '../testing/find-key-material';
import { sealEnvelope } from '../envelope/seal-envelope';
import { FileVaultStore } from '../store/file-vault-store';
import { kycConditions, makeVaultFixture, OFFICER_A } from '../testing/vault-fixture';
import { litCombineSignatureShares } from './lit-crypto';
import { runTsxChild } from '../../testing/run-tsx-child';

const CHILD = resolve(__dirname, '../testing/decrypt-in-child.ts');
const file = new TextEncoder().encode('KYC file of inv-0042');

type Setup = { readonly directory: string; readonly secrets: readonly Secret[] };

// Key shares on disk for the child, an envelope in the store, and every secret a decrypt touches:
// the three key shares, the two signature shares the child will ask for, and their combination.
async function setUp(): Promise<Setup> {
  const fixture = await makeVaultFixture();
  const directory = await mkdtemp(join(tmpdir(), 'trestle-leak-'));
  const secrets: Secret[] = [];
  for (const share of fixture.key.keyShares) {
    const text = share.toFileText();
    await writeFile(join(directory, `share-${share.shareIndex}.json`), text, { mode: 0o600 });
    secrets.push({ name: `key share ${share.shareIndex}`, bytes: Buffer.from((JSON.parse(text) as { secretShare: string }).secretShare, 'hex') });
  }
  const envelope = await sealEnvelope(file, kycConditions(), fixture.key.publicKey);
  await writeFile(join(directory, 'content-hash'), await new FileVaultStore(join(directory, 'store')).put(envelope));
  const request = { requester: OFFICER_A, publicKey: envelope.publicKey, conditions: envelope.conditions, dataHash: envelope.dataHash };
  const shares = await Promise.all(fixture.services.slice(0, 2).map((service) => service.signDecryptionShare(request)));
  for (const share of shares) {
    secrets.push({ name: `signature share ${share.shareIndex}`, bytes: Buffer.from(share.signatureShare.ProofOfPossession.slice(2), 'hex') });
  }
  secrets.push({ name: 'combined decryption signature', bytes: await litCombineSignatureShares(shares.map((share) => share.signatureShare)) });
  return { directory, secrets };
}


const setup = setUp();

test('the capture sees what Lit 7.4 prints: an unwrapped decrypt shows the combined signature', async (t) => {
  const { directory, secrets } = await setup;
  const { code, output } = await runTsxChild(CHILD, [directory, 'raw-lit']);
  t.is(code, 0, output);
  t.true(output.includes(`opened unwrapped, sha256 ${sha256Hex(file)}`), output);
  t.deepEqual(findKeyMaterial(output, secrets), ['combined decryption signature as decimal bytes']);
});

test('opening through the consortium vault prints no key share, signature share or signature', async (t) => {
  const { directory, secrets } = await setup;
  const { code, output } = await runTsxChild(CHILD, [directory, 'vault']);
  t.is(code, 0, output);
  t.true(output.includes(`opened, sha256 ${sha256Hex(file)}`), output);
  t.deepEqual(findKeyMaterial(output, secrets), []);
});

test('a decrypt that fails after Lit printed, and the error printed in full, show no key material', async (t) => {
  const { directory, secrets } = await setup;
  const { code, output } = await runTsxChild(CHILD, [directory, 'corrupt']);
  t.is(code, 0, output);
  t.true(output.includes('VAULT_ENVELOPE_CORRUPT'), output);
  t.deepEqual(findKeyMaterial(output, secrets), []);
});
