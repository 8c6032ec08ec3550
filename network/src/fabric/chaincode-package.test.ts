import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import test from 'ava';
import { CHAINCODE_LABEL, connectionJson, packageFile, writeChaincodePackage } from './chaincode-package';
import { ensureCryptoMaterial } from './crypto-config';
import { binaryPath } from './fabric-binaries';
import { fabricTopology, nodeCryptoDir, type FabricTopology } from './topology';

// Every folder a test makes lives here, removed when the file's tests are done.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'trestle-ccpkg-test-'));
test.after.always(() => rmSync(scratch, { recursive: true, force: true }));

function freshTopology(): FabricTopology {
  const topology = fabricTopology({ home: mkdtempSync(path.join(scratch, 'trestle-ccpkg-')), portBase: 33000, host: '127.0.0.1' });
  // With real TLS material on disk the package could inline PEM by mistake; without cryptogen the
  // package is written all the same (it only names paths).
  if (existsSync(binaryPath('cryptogen'))) ensureCryptoMaterial(topology);
  return topology;
}

function tar(args: string[], input?: Buffer): Buffer {
  const result = spawnSync('tar', args, { input, env: { ...process.env, TZ: 'UTC' } });
  if (result.status !== 0) throw new Error(`tar ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout;
}
const names = (listing: Buffer) => listing.toString('utf8').split('\n').filter(Boolean);
/** One member of a .tar.gz, read from standard input. */
const member = (archive: Buffer, name: string) => tar(['-xzOf', '-', name], archive);
/** The gzip header's MTIME field (bytes 4..7): zero when gzip stored no timestamp. */
const gzipMtime = (archive: Buffer) => archive.readUInt32LE(4);

test('writing a bank\'s package twice gives the same package id: label and SHA-256 of the file', (t) => {
  const topology = freshTopology();
  const [bank] = topology.banks as [FabricTopology['banks'][number]];
  const first = writeChaincodePackage(topology, bank);
  const bytes = readFileSync(packageFile(topology, bank));
  t.is(first, `${CHAINCODE_LABEL}:${createHash('sha256').update(bytes).digest('hex')}`);
  t.is(writeChaincodePackage(topology, bank), first);
  t.deepEqual(readFileSync(packageFile(topology, bank)), bytes);
  // Nothing in the bytes depends on the clock or the user: no gzip timestamp, owner 0, mtime 0.
  t.is(gzipMtime(bytes), 0);
  t.is(gzipMtime(member(bytes, 'code.tar.gz')), 0);
  for (const line of [...names(tar(['-tvzf', '-'], bytes)), ...names(tar(['-tvzf', '-'], member(bytes, 'code.tar.gz')))]) t.regex(line, /^\S+ 0\/0 .* 1970-01-01 /, line);
  t.false(existsSync(path.join(path.dirname(packageFile(topology, bank)), 'package')), 'the work folder is removed');
});

test('each bank\'s package has its own id, since each dials its own chaincode server', (t) => {
  const topology = freshTopology();
  const ids = topology.banks.map((bank) => writeChaincodePackage(topology, bank));
  t.is(new Set(ids).size, 3);
  for (const id of ids) t.true(id.startsWith(`${CHAINCODE_LABEL}:`));
});

test('the package holds exactly metadata.json (type ccaas) and code.tar.gz with connection.json only', (t) => {
  const topology = freshTopology();
  const bank = topology.banks[1] as FabricTopology['banks'][number];
  writeChaincodePackage(topology, bank);
  const bytes = readFileSync(packageFile(topology, bank));
  t.deepEqual(names(tar(['-tzf', '-'], bytes)), ['code.tar.gz', 'metadata.json']);
  t.deepEqual(JSON.parse(member(bytes, 'metadata.json').toString('utf8')), { type: 'ccaas', label: CHAINCODE_LABEL });
  const code = member(bytes, 'code.tar.gz');
  t.deepEqual(names(tar(['-tzf', '-'], code)), ['connection.json']);
  t.deepEqual(JSON.parse(member(code, 'connection.json').toString('utf8')), connectionJson(topology, bank));
});

test('connection.json names the bank\'s chaincode server on loopback and TLS files by path, never PEM', (t) => {
  const topology = freshTopology();
  const bank = topology.banks[2] as FabricTopology['banks'][number];
  const connection = connectionJson(topology, bank);
  const peerTls = path.join(nodeCryptoDir(topology, bank.domain, bank.peer.name), 'tls');
  const serverTls = path.join(nodeCryptoDir(topology, bank.chaincodeServer.domain, bank.chaincodeServer.name), 'tls');
  t.like(connection, {
    address: `127.0.0.1:${bank.chaincodeServer.port}`,
    tls_required: true,
    client_auth_required: true,
    root_cert_file: path.join(serverTls, 'ca.crt'),
    client_cert_file: path.join(peerTls, 'server.crt'),
    client_key_file: path.join(peerTls, 'server.key'),
  });
  writeChaincodePackage(topology, bank);
  const bytes = readFileSync(packageFile(topology, bank));
  const unpacked = Buffer.concat([gunzipSync(bytes), gunzipSync(member(bytes, 'code.tar.gz'))]).toString('latin1');
  t.true(unpacked.includes('"root_cert_file"'), 'the test reads the uncompressed connection.json');
  t.false(unpacked.includes('BEGIN'), 'no PEM block in the package');
  t.false(unpacked.includes('PRIVATE KEY'), 'no key in the package');
});
