import { createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Secret } from '@trestle/compliance/src/vault/testing/find-key-material';

// Every secret a stack keeps on disk, in the forms a log could leak it: each Fabric private key
// (the wallets' and every key cryptogen made for the nodes and users, TLS included) as its raw
// scalar, plus the lines of its PEM body; the validators' keystore password and the raw keys under
// validators/ and evm/devnet-keys.json. find-key-material.ts looks for the raw bytes as hex, base64
// and decimal byte lists; the PEM lines and passwords are looked for as they are.

/** What to look for: raw key bytes, and strings that must not appear verbatim. */
export type SecretMaterial = { readonly keys: Secret[]; readonly strings: Array<{ readonly name: string; readonly text: string }> };

/** Files under `dir`, recursively (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** The private scalar of a PEM private key (PKCS#8 or SEC1, EC). */
function scalarOf(pem: string): Uint8Array {
  const jwk = createPrivateKey(pem).export({ format: 'jwk' });
  if (typeof jwk.d !== 'string') throw new Error('not a private key with a scalar');
  return Buffer.from(jwk.d, 'base64url');
}

/** The body lines of a PEM block long enough to be the key's own (the first line of every P-256 PKCS#8 key is the same header). */
function distinctivePemLines(pem: string): string[] {
  const body = pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
  return body.slice(1).filter((line) => line.length >= 24);
}

function addPem(material: SecretMaterial, name: string, pem: string): void {
  material.keys.push({ name, bytes: scalarOf(pem) });
  for (const [index, line] of distinctivePemLines(pem).entries()) material.strings.push({ name: `${name} PEM line ${index + 2}`, text: line });
}

/** Every Fabric private key of the stack: the client wallets' and cryptogen's (keystores, priv_sk, TLS server and client keys). */
export function fabricSecrets(home: string): SecretMaterial {
  const material: SecretMaterial = { keys: [], strings: [] };
  const fabric = path.join(home, 'fabric');
  for (const file of filesUnder(path.join(fabric, 'clients')).filter((candidate) => candidate.endsWith('.id'))) {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { credentials?: { privateKey?: string } };
    if (entry.credentials?.privateKey !== undefined) addPem(material, `wallet ${path.relative(fabric, file)}`, entry.credentials.privateKey);
  }
  const isKeyFile = (file: string) => path.basename(path.dirname(file)) === 'keystore' || path.basename(file) === 'priv_sk' || file.endsWith('.key');
  for (const file of filesUnder(path.join(fabric, 'crypto')).filter(isKeyFile)) addPem(material, `cryptogen ${path.relative(fabric, file)}`, readFileSync(file, 'utf8'));
  return material;
}

const RAW_KEY = /^0x[0-9a-fA-F]{64}$/;

function rawKeysIn(value: unknown, name: string, found: Secret[]): void {
  if (typeof value === 'string' && RAW_KEY.test(value)) found.push({ name, bytes: Buffer.from(value.slice(2), 'hex') });
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) rawKeysIn(item, `${name}.${key}`, found);
}

/** The validators' secrets: the keystore password, the relayer key (validators/), and the banks' validator keys (evm/devnet-keys.json). */
export function validatorSecrets(home: string): SecretMaterial {
  const material: SecretMaterial = { keys: [], strings: [] };
  const folder = path.join(home, 'validators');
  const password = path.join(folder, 'keystore-password');
  if (existsSync(password)) material.strings.push({ name: 'validator keystore password', text: readFileSync(password, 'utf8').trim() });
  const relayer = path.join(folder, 'relayer-key');
  if (existsSync(relayer)) rawKeysIn(readFileSync(relayer, 'utf8').trim(), 'relayer key', material.keys);
  const devnetKeys = path.join(home, 'evm', 'devnet-keys.json');
  if (existsSync(devnetKeys)) rawKeysIn(JSON.parse(readFileSync(devnetKeys, 'utf8')) as unknown, 'devnet-keys', material.keys);
  return material;
}
