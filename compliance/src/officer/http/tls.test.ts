import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness } from '../testing/officer-harness';
import { PASSWORD } from '../testing/officer-cast';

// A throwaway self-signed certificate for 127.0.0.1, made by the openssl command at test time (no
// key is kept in the repository). Machines without openssl skip this file and say so.
const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const tlsTest = openssl.status === 0 ? test : test.skip;
if (openssl.status !== 0) console.log('[officer tls test] skipped: the openssl command is not available to make a test certificate');

async function selfSigned(): Promise<{ key: string; cert: string }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-officer-tls-'));
  const key = path.join(folder, 'key.pem');
  const cert = path.join(folder, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
}

tlsTest('served over TLS, the login answers over HTTPS and its cookie is Secure and __Host- prefixed', async (t) => {
  const tls = await selfSigned();
  const harness = await startHarness({ tls });
  t.teardown(harness.close);
  t.regex(harness.server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  const answer = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
    const outgoing = httpsRequest(`${harness.server.url}/api/v1/session`, { method: 'POST', ca: tls.cert, headers: { 'content-type': 'application/json' } }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, cookie: incoming.headers['set-cookie']?.[0] ?? '' }));
    });
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify({ username: 'alice', password: PASSWORD }));
  });
  t.is(answer.status, 200);
  t.regex(answer.cookie, /^__Host-trestle_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
});
