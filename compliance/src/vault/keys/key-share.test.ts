import test from 'ava';
import { inspect } from 'node:util';
import { isTrestleError } from '../../errors/trestle-error';
import { generateConsortiumKey } from './generate-consortium-key';
import { KeyShare } from './key-share';

const { keyShares } = generateConsortiumKey({ threshold: 2, shareCount: 3 });
const share = keyShares[1] as KeyShare;
const fileText = share.toFileText();
const secretHex = (JSON.parse(fileText) as { secretShare: string }).secretShare;
const message = new TextEncoder().encode('lit-accesscontrolcondition://a/b');

test('a key share file round-trips to a share with the same fields and the same signatures', (t) => {
  const loaded = KeyShare.fromFileText(fileText);
  t.deepEqual(loaded.toJSON(), share.toJSON());
  t.deepEqual(loaded.sign(message), share.sign(message));
  t.is(loaded.toFileText(), fileText);
});

test('the key share file holds the format, the public facts and the secret as 64 hex digits', (t) => {
  const document = JSON.parse(fileText) as Record<string, unknown>;
  t.deepEqual(Object.keys(document), ['format', 'curve', 'publicKey', 'threshold', 'shareCount', 'shareIndex', 'verificationKey', 'secretShare']);
  t.is(document.format, 'trestle-vault-key-share/1');
  t.is(document.shareIndex, 2);
  t.regex(secretHex, /^[0-9a-f]{64}$/);
});

test('JSON.stringify, util.inspect, String and template strings of a share never show the secret', (t) => {
  const views = [
    JSON.stringify(share),
    JSON.stringify({ nested: [share] }),
    inspect(share),
    inspect(share, { showHidden: true, depth: Number.POSITIVE_INFINITY }),
    inspect(share, { customInspect: false, showHidden: true, depth: Number.POSITIVE_INFINITY }),
    inspect({ nested: share }),
    String(share),
    `${share}`,
    JSON.stringify({ ...share }),
    Object.values(share).join(' '),
  ];
  for (const view of views) {
    t.false(view.includes(secretHex), view);
    t.false(view.toLowerCase().includes(secretHex.slice(0, 16)), view);
  }
  t.is((JSON.parse(JSON.stringify(share)) as { secretShare: string }).secretShare, '[redacted]');
});

test('a file whose secret does not match its verification key is VAULT_KEY_SHARE_MALFORMED and not quoted', (t) => {
  const other = (keyShares[0] as KeyShare).toFileText();
  const swapped = fileText.replace(secretHex, (JSON.parse(other) as { secretShare: string }).secretShare);
  const error = t.throws(() => KeyShare.fromFileText(swapped));
  t.true(isTrestleError(error, 'VAULT_KEY_SHARE_MALFORMED'));
  t.false(String(error?.message).includes(secretHex));
  t.false(JSON.stringify(error).includes((JSON.parse(other) as { secretShare: string }).secretShare));
});

test('files that are not JSON, another format, or out of range are VAULT_KEY_SHARE_MALFORMED', (t) => {
  const document = JSON.parse(fileText) as Record<string, unknown>;
  const variants = [
    'not json',
    '[]',
    JSON.stringify({ ...document, format: 'trestle-vault-key-share/2' }),
    JSON.stringify({ ...document, shareIndex: 4 }),
    JSON.stringify({ ...document, shareIndex: 0 }),
    JSON.stringify({ ...document, threshold: 1 }),
    JSON.stringify({ ...document, secretShare: '00'.repeat(32) }),
    JSON.stringify({ ...document, secretShare: 'ff'.repeat(32) }),
    JSON.stringify({ ...document, publicKey: 'ab'.repeat(48) }),
  ];
  for (const text of variants) {
    const error = t.throws(() => KeyShare.fromFileText(text));
    t.true(isTrestleError(error, 'VAULT_KEY_SHARE_MALFORMED'), text.slice(0, 80));
    t.false(String(error?.message).includes(secretHex));
  }
});
