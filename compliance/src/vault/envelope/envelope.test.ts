import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { sha256Hex } from '../sha256';
import { kycConditions } from '../testing/vault-fixture';
import { envelopeBytes, parseEnvelope, type ConsortiumEnvelope, type LitNetworkEnvelope } from './envelope';

const common = { format: 'trestle-evidence-envelope/1', conditions: kycConditions(), dataHash: sha256Hex('file'), ciphertext: 'Y2lwaGVy' } as const;
const consortium: ConsortiumEnvelope = {
  ...common,
  backend: 'consortium',
  publicKey: '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb',
  threshold: 2,
};
const litNetwork: LitNetworkEnvelope = { ...common, backend: 'lit-network', network: 'datil-dev', chain: 'ethereum', litConditions: '[]' };

test('envelopes of both backends survive bytes and back unchanged', (t) => {
  t.deepEqual(parseEnvelope(envelopeBytes(consortium)), consortium);
  t.deepEqual(parseEnvelope(envelopeBytes(litNetwork)), litNetwork);
});

test('the bytes do not depend on the order fields were given in', (t) => {
  const reordered = Object.fromEntries(Object.entries(consortium).reverse()) as ConsortiumEnvelope;
  t.deepEqual(envelopeBytes(reordered), envelopeBytes(consortium));
});

test('bytes that are not a well-formed envelope are VAULT_ENVELOPE_CORRUPT', (t) => {
  const document = JSON.parse(Buffer.from(envelopeBytes(consortium)).toString()) as Record<string, unknown>;
  const variants: Uint8Array[] = [
    Uint8Array.of(0xff, 0xfe),
    Buffer.from('[]'),
    Buffer.from(JSON.stringify({ ...document, format: 'trestle-evidence-envelope/2' })),
    Buffer.from(JSON.stringify({ ...document, backend: 'other' })),
    Buffer.from(JSON.stringify({ ...document, threshold: 1 })),
    Buffer.from(JSON.stringify({ ...document, publicKey: 'ab'.repeat(48) })),
    Buffer.from(JSON.stringify({ ...document, dataHash: 'abc' })),
    Buffer.from(JSON.stringify({ ...document, ciphertext: 'not base64!' })),
    Buffer.from(JSON.stringify({ ...document, conditions: { ...kycConditions(), vault: 'x' } })),
  ];
  for (const bytes of variants) {
    t.true(isTrestleError(t.throws(() => parseEnvelope(bytes)), 'VAULT_ENVELOPE_CORRUPT'), Buffer.from(bytes).toString().slice(0, 60));
  }
});
