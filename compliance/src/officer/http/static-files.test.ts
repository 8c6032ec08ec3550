import test from 'ava';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness } from '../testing/officer-harness';
import { CONSOLE_CSP, consoleFileOf } from './static-files';

// The officer service serves the built web console outside /api. These tests use a tiny folder
// laid out like a Vite build, with a secret beside it that no path may reach.

async function consoleFolder(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), 'trestle-console-'));
  const dist = path.join(parent, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(path.join(dist, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(dist, 'assets', 'index-abc.js.map'), '{}');
  await writeFile(path.join(dist, '.env'), 'SECRET=1');
  await writeFile(path.join(parent, 'secret.html'), 'secret');
  await symlink(path.join(parent, 'secret.html'), path.join(dist, 'leak.html'));
  return dist;
}

/** A raw GET: fetch would normalise `..` and percent-escapes away before sending. */
function rawGet(url: string, rawPath: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = httpRequest({ host: target.hostname, port: target.port, path: rawPath, method }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

test('the console is served at / with its content types and a CSP that allows scripts and styles from the service only', async (t) => {
  const harness = await startHarness({ consoleDir: await consoleFolder() });
  t.teardown(harness.close);
  const index = await rawGet(harness.server.url, '/');
  t.is(index.status, 200);
  t.is(index.headers['content-type'], 'text/html; charset=utf-8');
  t.is(index.headers['content-security-policy'], CONSOLE_CSP);
  t.regex(CONSOLE_CSP, /script-src 'self';/);
  t.notRegex(CONSOLE_CSP, /unsafe-inline|unsafe-eval/);
  t.is(index.headers['x-frame-options'], 'DENY');
  t.is(index.headers['x-content-type-options'], 'nosniff');
  t.is((await rawGet(harness.server.url, '/assets/index-abc.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  t.is((await rawGet(harness.server.url, '/assets/index-abc.css')).headers['content-type'], 'text/css; charset=utf-8');
  const head = await rawGet(harness.server.url, '/index.html', 'HEAD');
  t.is(head.status, 200);
  t.is(head.body, '');
});

test('no path leaves the console folder or reaches a dotfile, a source map or a symlink out of it', async (t) => {
  const harness = await startHarness({ consoleDir: await consoleFolder() });
  t.teardown(harness.close);
  for (const rawPath of ['/../secret.html', '/assets/../../secret.html', '/%2e%2e/secret.html', '/assets/%2e%2e%2f%2e%2e%2fsecret.html', '/..%5csecret.html', '/.env', '/assets/index-abc.js.map', '/leak.html', '/assets/', '/assets', '/index.html%00.js', '/%E0%A4%A']) {
    const answer = await rawGet(harness.server.url, rawPath);
    t.is(answer.status, 404, rawPath);
    t.like(JSON.parse(answer.body), { code: 'OFFICER_ROUTE_UNKNOWN' }, rawPath);
    t.notRegex(answer.body, /secret|SECRET/, rawPath);
  }
});

test('/api stays the API: its routes, its refusals and its own CSP, whatever the console folder holds', async (t) => {
  const dist = await consoleFolder();
  await mkdir(path.join(dist, 'api', 'v1'), { recursive: true });
  await writeFile(path.join(dist, 'api', 'v1', 'openapi.html'), 'shadow');
  const harness = await startHarness({ consoleDir: dist });
  t.teardown(harness.close);
  const spec = await harness.client().send('GET', '/api/v1/openapi.json');
  t.is(spec.status, 200);
  t.is(spec.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  for (const rawPath of ['/api/v1/openapi.html', '/api%2fv1/openapi.html', '/%61pi/v1/openapi.html']) t.is((await rawGet(harness.server.url, rawPath)).status, 404, `${rawPath}: a file under api/ in the folder is never served`);
  t.is((await harness.client().send('POST', '/index.html', { json: {} })).status, 404, 'only GET and HEAD read the console');
});

test('without a console folder the service serves the API only', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  t.is((await rawGet(harness.server.url, '/')).status, 404);
  t.is((await harness.client().send('GET', '/api/v1/openapi.json')).status, 200);
});

test('consoleFileOf maps / to index.html and refuses empty and dot segments', (t) => {
  t.is(consoleFileOf('/srv/console', '/'), path.join('/srv/console', 'index.html'));
  t.is(consoleFileOf('/srv/console', '/assets/a.js'), path.join('/srv/console', 'assets', 'a.js'));
  for (const rawPath of ['//etc/passwd.html', '/a//b.js', '/./index.html', '/assets/.hidden.js', 'index.html']) t.is(consoleFileOf('/srv/console', rawPath), undefined, rawPath);
});
