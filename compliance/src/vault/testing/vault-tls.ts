import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

// TEST-ONLY: throwaway certificates made with the openssl command at test time, so no key is
// kept in the repository. One CA per org; share services get a server certificate for 127.0.0.1,
// vault clients a client certificate, each from their own org's CA.

/** Whether the openssl command can make the test certificates. */
export const HAS_OPENSSL = spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;

/** A key and certificate in PEM. */
export type KeyPair = { readonly key: string; readonly cert: string };

/** One org's test CA, able to issue leaf certificates. */
export type TestCa = KeyPair & {
  issue(commonName: string, use: 'server' | 'client'): Promise<KeyPair>;
  dispose(): Promise<void>;
};

function openssl(args: readonly string[]): void {
  const made = spawnSync('openssl', [...args], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl ${args[0] ?? ''} failed: ${made.stderr}`);
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A fresh CA named after `org`, valid for a day, in its own temporary folder. */
export async function makeTestCa(org: string): Promise<TestCa> {
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-vault-tls-'));
  const caKey = path.join(folder, 'ca.key');
  const caCert = path.join(folder, 'ca.pem');
  openssl(['req', '-x509', ...EC, '-days', '1', '-subj', `/O=${org}/CN=vault-ca.${org.toLowerCase()}.test`, '-keyout', caKey, '-out', caCert]);
  let serial = 0;
  return {
    key: await readFile(caKey, 'utf8'),
    cert: await readFile(caCert, 'utf8'),
    async issue(commonName, use) {
      serial += 1;
      const base = path.join(folder, `leaf-${serial}`);
      const extensions = path.join(folder, `leaf-${serial}.ext`);
      openssl(['req', '-new', ...EC, '-subj', `/O=${org}/OU=vault/CN=${commonName}`, '-keyout', `${base}.key`, '-out', `${base}.csr`]);
      const ext = use === 'server' ? 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' : 'extendedKeyUsage=clientAuth\n';
      await writeFile(extensions, ext);
      openssl(['x509', '-req', '-in', `${base}.csr`, '-CA', caCert, '-CAkey', caKey, '-set_serial', String(serial), '-days', '1', '-extfile', extensions, '-out', `${base}.pem`]);
      return { key: await readFile(`${base}.key`, 'utf8'), cert: await readFile(`${base}.pem`, 'utf8') };
    },
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}
