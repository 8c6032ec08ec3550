import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { identityIdOfCertificate } from '@trestle/compliance/src/officer/vault/identity-id-of-certificate';
import { CONSORTIUM_ORGS, type OrgHandle } from '../../src/cli/ledger/acting-identity';
import { fabricTopology, orgCryptoDir } from '../../src/fabric/topology';
import type { StackConfig } from '../../src/stack/stack-config';

// A member identity no one has used before, issued by the org's own CA (cryptogen's, on the
// stack's disk) with openssl, the way the org's CA would enrol a new employee: OU=client, the
// CA's key identifier, EC P-256. The network accepts it like a wallet identity the bring-up wrote;
// it holds no role until an admin grants one, so a suite sharing the network with others knows
// exactly what it holds (other suites grant more roles to the wallet labels, e.g. `vault` to operator1).

/** A fresh identity: the certificate and key a fabric-network wallet holds, and the id the chaincode sees. */
export type IssuedIdentity = {
  readonly org: OrgHandle;
  readonly mspId: string;
  readonly certificate: string;
  readonly privateKey: string;
  readonly identityId: string;
};

const EXTENSIONS = ['keyUsage=critical,digitalSignature', 'basicConstraints=critical,CA:FALSE', 'authorityKeyIdentifier=keyid'].join('\n');

function orgDomain(stack: StackConfig, org: OrgHandle): string {
  const topology = fabricTopology(stack);
  return org === 'regulator' ? topology.regulator.domain : (topology.banks.find((bank) => bank.handle === org)?.domain ?? '');
}

/** Issues a client certificate for `commonName` (made unique with a random suffix) signed by `org`'s CA. */
export function issueIdentity(stack: StackConfig, org: OrgHandle, commonName: string): IssuedIdentity {
  const domain = orgDomain(stack, org);
  const caDir = path.join(orgCryptoDir(fabricTopology(stack), domain), 'ca');
  const caCert = path.join(caDir, readdirSync(caDir).find((name) => name.endsWith('-cert.pem')) ?? 'ca-cert.pem');
  const caKey = path.join(caDir, 'priv_sk');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const folder = mkdtempSync(path.join(tmpdir(), 'trestle-issue-'));
  try {
    const keyFile = path.join(folder, 'key.pem');
    const extFile = path.join(folder, 'ext.cnf');
    const csrFile = path.join(folder, 'csr.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(extFile, EXTENSIONS);
    const cn = `${commonName}-${randomBytes(4).toString('hex')}@${domain}`;
    execFileSync('openssl', ['req', '-new', '-key', keyFile, '-subj', `/C=US/ST=California/L=San Francisco/OU=client/CN=${cn}`, '-out', csrFile], { stdio: 'pipe' });
    const certificate = execFileSync(
      'openssl',
      ['x509', '-req', '-in', csrFile, '-CA', caCert, '-CAkey', caKey, '-set_serial', `0x${randomBytes(16).toString('hex')}`, '-days', '7', '-sha256', '-extfile', extFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    ).toString('utf8');
    return { org, mspId: CONSORTIUM_ORGS[org], certificate, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), identityId: identityIdOfCertificate(certificate) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
