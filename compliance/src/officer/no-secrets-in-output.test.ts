import test from 'ava';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findKeyMaterial, type Secret } from '../vault/testing/find-key-material';
import { HAS_OPENSSL } from '../vault/testing/vault-tls';
import type { OfficerRunSecrets, PemSecret } from './testing/secrets/officer-run-secrets';
import { runTsxChild } from '../testing/run-tsx-child';

// Issue 10 item 6 for the officer service and the share services: a child process runs them the
// way they run in production (their own console loggers), over ONE IN-PROCESS STUB LEDGER (no Fabric
// peer runs here), and drives a session from the browser side; this test searches everything it
// printed, and every answer the browsers got, for what must never appear there.

const CHILD = path.join(__dirname, 'testing', 'secrets', 'officer-run-child.ts');
const vaultTest = HAS_OPENSSL ? test : test.skip;
if (!HAS_OPENSSL) console.log('[officer no-secrets test] skipped: the openssl command is not available to make test certificates');


/** A TLS private key as the secrets findKeyMaterial looks for: its private scalar and its whole PKCS#8 encoding. */
function tlsKeySecrets({ name, pem }: PemSecret): Secret[] {
  const key = createPrivateKey(pem);
  const scalar = Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url');
  return [
    { name: `${name} (private scalar)`, bytes: scalar },
    { name: `${name} (PKCS#8)`, bytes: key.export({ format: 'der', type: 'pkcs8' }) },
  ];
}

/** The lines of a PEM's base64 body (long enough not to occur by chance): any one printed gives part of the key away. */
function pemBodyLines(pem: string): string[] {
  return pem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));
}

/** Which of `texts` occur in `output`, case-insensitively (the service lower-cases usernames). */
function occurring(output: string, texts: readonly string[]): string[] {
  const lower = output.toLowerCase();
  return texts.filter((text) => lower.includes(text.toLowerCase()));
}

/** Every secret `keys` and `tlsKeys` name, also base64url-spelled (JWK's spelling of a key). */
function keySecretsOf(secrets: OfficerRunSecrets): Secret[] {
  return [...secrets.keys.map(({ name, hex }) => ({ name, bytes: Buffer.from(hex, 'hex') })), ...secrets.tlsKeys.flatMap(tlsKeySecrets)];
}

function base64UrlSpellings(keys: readonly Secret[]): string[] {
  return keys.map(({ bytes }) => Buffer.from(bytes).toString('base64url').slice(0, 20));
}

vaultTest('the officer and share services print, log and answer no password, session token, key, decryption share or personal data', async (t) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-officer-no-secrets-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  const secretsFile = path.join(folder, 'secrets.json');
  const { code, output } = await runTsxChild(CHILD, [secretsFile]);
  t.is(code, 0, output.slice(-4000));
  const secrets = JSON.parse(await readFile(secretsFile, 'utf8')) as OfficerRunSecrets;

  // The search must be able to see: the output shows each step of the session happened.
  for (const line of [
    /\[vault-share\] share 1 of key [0-9a-f]{16}… listening on https:/,
    /\[officer\] login failed for "alice"/,
    /\[officer\] login failed for an unknown username/,
    /POST \/api\/v1\/investors → 403 OFFICER_CSRF_REJECTED/,
    /POST \/api\/v1\/investors → 400 INVESTOR_PII_INVALID/,
    /POST \/api\/v1\/investors → 201/,
    /POST \/api\/v1\/investors → 400 OFFICER_REQUEST_MALFORMED/,
    /\[officer\] sealed KYC-SECRETS-1 of INV-A-0300/,
    /\[officer\] evidence KYC-SECRETS-1 of INV-A-0300 opened by rita/,
    /carol@BankB GET \/api\/v1\/investors\/INV-A-0300\/evidence\/KYC-SECRETS-1 → 403 CALLER_OF_OTHER_BANK/,
    /BankB vault refused: TrestleError: \[VAULT_ACCESS_DENIED\]/,
    /share service refused: TrestleError: \[VAULT_CALLER_MISMATCH\]/,
    /\[officer\] evidence KYC-SECRETS-1 of INV-A-0300 opened by alice/,
    /\[officer\] internal error: Error: EISDIR/,
    /→ 503 VAULT_NOT_ENOUGH_SHARES/,
    /GET \/api\/v1\/audit\/export\.csv\?\S+ → 200/,
  ]) {
    t.regex(output, line);
  }
  const keys = keySecretsOf(secrets);
  t.true(['key share 1', 'key share 2', 'key share 3', 'consortium secret key', 'combined decryption signature'].every((name) => keys.some((key) => key.name === name)), 'the key shares, the consortium key and the combined signature are searched for');
  t.true(keys.filter((key) => key.name.startsWith('signature share')).length >= 2, 'the signature shares the services answered are searched for');
  t.is(secrets.tlsKeys.length, 11, 'four CA keys, three share service keys, four vault client keys');
  t.true(secrets.sessionCookies.length >= 3 && secrets.csrfTokens.length >= 3, 'the logins handed out cookies and tokens');
  const [planted] = secrets.keys;
  if (planted === undefined) return t.fail('no key to plant');
  t.deepEqual(findKeyMaterial(`planted ${planted.hex}`, keys), [`${planted.name} as hex`], 'a planted key is found');

  // What the run printed.
  t.deepEqual(findKeyMaterial(output, keys), [], 'no key share, consortium key, signature or TLS key in any spelling');
  t.deepEqual(occurring(output, base64UrlSpellings(keys)), [], 'none as base64url either');
  t.deepEqual(occurring(output, secrets.tlsKeys.flatMap(({ pem }) => pemBodyLines(pem))), [], 'no line of a PEM private key');
  t.deepEqual(occurring(output, secrets.passwords), [], 'no password, not even lower-cased');
  t.deepEqual(occurring(output, secrets.sessionCookies), [], 'no session cookie');
  t.deepEqual(occurring(output, secrets.csrfTokens), [], 'no CSRF token');
  t.deepEqual(occurring(output, secrets.personalData), [], 'no personal data, no evidence file content');

  // What the browsers got: no key, share, signature or password in any answer; personal data only where the person may read it.
  t.true(secrets.answers.some((answer) => answer.carriesPersonalData && answer.status === 200), 'an opened file is among the answers');
  for (const answer of secrets.answers) {
    const where = `${answer.who}@${answer.service} ${answer.method} ${answer.path} → ${answer.status}`;
    t.deepEqual(findKeyMaterial(answer.text, keys), [], where);
    t.deepEqual(occurring(answer.text, [...base64UrlSpellings(keys), ...secrets.passwords]), [], where);
    if (!answer.carriesPersonalData) t.deepEqual(occurring(answer.text, secrets.personalData), [], where);
  }
  t.log(`searched ${output.length} characters of output and ${secrets.answers.length} answers for ${keys.length} keys, ${secrets.passwords.length} passwords, ${secrets.sessionCookies.length} cookies, ${secrets.csrfTokens.length} CSRF tokens and ${secrets.personalData.length} personal data markers`);
});
