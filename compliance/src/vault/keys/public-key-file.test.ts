import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { generateConsortiumKey } from './generate-consortium-key';
import { formatPublicKeyFile, parsePublicKeyFile, PUBLIC_KEY_FILE_FORMAT } from './public-key-file';

const { publicKey } = generateConsortiumKey({ threshold: 2, shareCount: 3 });

test('a public key file reads back as the key it was written from, and holds no share', (t) => {
  const text = formatPublicKeyFile(publicKey);
  t.deepEqual(parsePublicKeyFile(text), publicKey);
  t.deepEqual(Object.keys(JSON.parse(text) as object), ['format', 'curve', 'publicKey', 'threshold', 'shareCount']);
});

test('anything but a valid version 1 file is VAULT_PUBLIC_KEY_MALFORMED', (t) => {
  const good = JSON.parse(formatPublicKeyFile(publicKey)) as Record<string, unknown>;
  const bad = [
    'not json',
    '[]',
    JSON.stringify({ ...good, format: 'trestle-vault-key-share/1' }),
    JSON.stringify({ ...good, curve: 'secp256k1' }),
    // A first byte with the infinity flag beside other bits: no valid compressed point starts so.
    JSON.stringify({ ...good, publicKey: `c1${String(good.publicKey).slice(2)}` }),
    JSON.stringify({ ...good, threshold: 1 }),
    JSON.stringify({ ...good, threshold: 4 }),
    JSON.stringify({ ...good, secretShare: '00'.repeat(32) }),
  ];
  for (const text of bad) t.true(isTrestleError(t.throws(() => parsePublicKeyFile(text)), 'VAULT_PUBLIC_KEY_MALFORMED'), text.slice(0, 60));
  t.is(good.format, PUBLIC_KEY_FILE_FORMAT);
});
