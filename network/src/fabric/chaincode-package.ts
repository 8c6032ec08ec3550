import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { endpoint, nodeCryptoDir, type BankNode, type FabricTopology } from './topology';

/** The chaincode label every bank's package carries; package ids differ by bank (each dials its own server). */
export const CHAINCODE_LABEL = 'trestle_1';

/** What our external builder reads (network/fabric/ccaas-builder): where the bank's chaincode server listens, and TLS files by path. */
export function connectionJson(topology: FabricTopology, bank: BankNode): Record<string, unknown> {
  const peerTls = path.join(nodeCryptoDir(topology, bank.domain, bank.peer.name), 'tls');
  const serverTls = path.join(nodeCryptoDir(topology, bank.chaincodeServer.domain, bank.chaincodeServer.name), 'tls');
  return {
    address: endpoint(topology, bank.chaincodeServer.port),
    dial_timeout: '10s',
    tls_required: true,
    client_auth_required: true,
    root_cert_file: path.join(serverTls, 'ca.crt'),
    client_cert_file: path.join(peerTls, 'server.crt'),
    client_key_file: path.join(peerTls, 'server.key'),
  };
}

// Same inputs, same bytes: fixed owner and mtime, sorted names, gzip without a timestamp, so a
// re-run of `up` computes the same package id and installs nothing new.
function deterministicTarGz(dir: string, files: readonly string[], out: string): void {
  const result = spawnSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--mtime=@0', '--use-compress-program=gzip -n', '-cf', out, '-C', dir, ...files], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tar failed making ${out}: ${result.stderr || result.error?.message}`);
}

export function packageFile(topology: FabricTopology, bank: BankNode): string {
  return path.join(topology.root, 'chaincode', bank.handle, `${topology.chaincode}.tgz`);
}

/** Writes the bank's chaincode-as-a-service package and returns its package id (label:sha256 of the file, as Fabric computes it). */
export function writeChaincodePackage(topology: FabricTopology, bank: BankNode): string {
  const file = packageFile(topology, bank);
  const work = path.join(path.dirname(file), 'package');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'code'), { recursive: true });
  writeFileSync(path.join(work, 'code', 'connection.json'), JSON.stringify(connectionJson(topology, bank), null, 2));
  deterministicTarGz(path.join(work, 'code'), ['connection.json'], path.join(work, 'code.tar.gz'));
  writeFileSync(path.join(work, 'metadata.json'), JSON.stringify({ type: 'ccaas', label: CHAINCODE_LABEL }));
  deterministicTarGz(work, ['code.tar.gz', 'metadata.json'], file);
  rmSync(work, { recursive: true, force: true });
  return `${CHAINCODE_LABEL}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
}
