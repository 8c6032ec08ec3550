import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { CCAAS_BUILDER_DIR } from './node-config';

// Every folder a test makes lives here, removed when the file's tests are done.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trestle-ccaas-test-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));

// The peer runs the builder's scripts as programs, with the package's folders as arguments and an
// environment of PATH and little else (core.yaml propagateEnvironment is empty); so do these tests.

type Script = 'detect' | 'build' | 'release';

function runBuilder(script: Script, args: readonly string[]): { status: number | null; stderr: string } {
  const result = spawnSync(path.join(CCAAS_BUILDER_DIR, 'bin', script), [...args], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stderr: result.stderr };
}

const folder = (name: string) => mkdtempSync(path.join(scratch, `trestle-ccaas-${name}-`));

function withFile(name: string, content: string): string {
  const dir = folder('in');
  writeFileSync(path.join(dir, name), content);
  return dir;
}

/** TLS files as a bank's peer has them: a CA, a certificate and its key, on disk. */
function tlsFiles(): { root_cert_file: string; client_cert_file: string; client_key_file: string } {
  const dir = folder('tls');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const files = { root_cert_file: path.join(dir, 'ca.crt'), client_cert_file: path.join(dir, 'server.crt'), client_key_file: path.join(dir, 'server.key') };
  writeFileSync(files.root_cert_file, '-----BEGIN CERTIFICATE-----\nca of the chaincode server\n-----END CERTIFICATE-----\n');
  writeFileSync(files.client_cert_file, '-----BEGIN CERTIFICATE-----\nthe peer\n-----END CERTIFICATE-----\n');
  writeFileSync(files.client_key_file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  return files;
}

const goodConnection = () => ({ address: '127.0.0.1:33106', dial_timeout: '10s', tls_required: true, client_auth_required: true, ...tlsFiles() });

test('detect accepts a package of type ccaas and refuses another type, a missing or unreadable metadata.json', (t) => {
  const source = folder('src');
  t.is(runBuilder('detect', [source, withFile('metadata.json', JSON.stringify({ type: 'ccaas', label: 'trestle_1' }))]).status, 0);
  t.is(runBuilder('detect', [source, withFile('metadata.json', JSON.stringify({ type: 'node', label: 'trestle_1' }))]).status, 1);
  t.is(runBuilder('detect', [source, withFile('metadata.json', JSON.stringify({ label: 'trestle_1' }))]).status, 1);
  t.is(runBuilder('detect', [source, withFile('metadata.json', '{ not json')]).status, 1);
  t.is(runBuilder('detect', [source, folder('empty')]).status, 1);
});

test('build copies a good connection.json to the output folder as it is', (t) => {
  const content = JSON.stringify(goodConnection(), null, 2);
  const source = withFile('connection.json', content);
  const output = folder('out');
  const result = runBuilder('build', [source, folder('meta'), output]);
  t.is(result.status, 0, result.stderr);
  t.is(readFileSync(path.join(output, 'connection.json'), 'utf8'), content);
});

test('build refuses connection.json without an address, with a malformed one, or with TLS but a file path missing, and writes nothing', (t) => {
  const without = (key: keyof ReturnType<typeof goodConnection>) => Object.fromEntries(Object.entries(goodConnection()).filter(([name]) => name !== key));
  const cases: [string, unknown, RegExp][] = [
    ['no address', without('address'), /needs "address" as host:port/],
    ['address without a port', { ...goodConnection(), address: '127.0.0.1' }, /needs "address" as host:port/],
    ['TLS without client_key_file', without('client_key_file'), /tls_required needs "client_key_file"/],
    ['TLS without root_cert_file', without('root_cert_file'), /tls_required needs "root_cert_file"/],
    ['TLS with a PEM in place of a path', { ...goodConnection(), client_cert_file: undefined, client_cert: '-----BEGIN CERTIFICATE-----' }, /tls_required needs "client_cert_file"/],
  ];
  for (const [name, connection, message] of cases) {
    const output = folder('out');
    const result = runBuilder('build', [withFile('connection.json', JSON.stringify(connection)), folder('meta'), output]);
    t.is(result.status, 1, name);
    t.regex(result.stderr, message, name);
    t.deepEqual(readdirSync(output), [], `${name}: nothing written`);
  }
  const missing = runBuilder('build', [folder('src'), folder('meta'), folder('out')]);
  t.is(missing.status, 1);
  t.regex(missing.stderr, /cannot read .*connection\.json/);
});

test('build accepts a connection without TLS and no file paths', (t) => {
  const output = folder('out');
  const result = runBuilder('build', [withFile('connection.json', JSON.stringify({ address: '127.0.0.1:33106', tls_required: false })), folder('meta'), output]);
  t.is(result.status, 0, result.stderr);
  t.true(existsSync(path.join(output, 'connection.json')));
});

test('release writes chaincode/server/connection.json with the TLS files inlined, readable by the peer only', (t) => {
  const connection = goodConnection();
  const output = withFile('connection.json', JSON.stringify(connection));
  const release = folder('release');
  const result = runBuilder('release', [output, release]);
  t.is(result.status, 0, result.stderr);
  const written = path.join(release, 'chaincode', 'server', 'connection.json');
  t.deepEqual(JSON.parse(readFileSync(written, 'utf8')), {
    address: connection.address,
    dial_timeout: '10s',
    tls_required: true,
    client_auth_required: true,
    root_cert: readFileSync(connection.root_cert_file, 'utf8'),
    client_cert: readFileSync(connection.client_cert_file, 'utf8'),
    client_key: readFileSync(connection.client_key_file, 'utf8'),
  });
  t.is(statSync(written).mode & 0o777, 0o600);
});

test('release fails naming the TLS file it cannot read, and writes no connection.json', (t) => {
  const connection = { ...goodConnection(), client_key_file: path.join(folder('tls'), 'gone.key') };
  const release = folder('release');
  const result = runBuilder('release', [withFile('connection.json', JSON.stringify(connection)), release]);
  t.is(result.status, 1);
  t.regex(result.stderr, /^trestle-ccaas release: .*gone\.key/);
  t.false(existsSync(path.join(release, 'chaincode', 'server', 'connection.json')));
});

test('release without TLS carries no certificate fields', (t) => {
  const release = folder('release');
  const result = runBuilder('release', [withFile('connection.json', JSON.stringify({ address: '127.0.0.1:33106', tls_required: false })), release]);
  t.is(result.status, 0, result.stderr);
  t.deepEqual(JSON.parse(readFileSync(path.join(release, 'chaincode', 'server', 'connection.json'), 'utf8')), { address: '127.0.0.1:33106', dial_timeout: '10s', tls_required: false, client_auth_required: false });
});
