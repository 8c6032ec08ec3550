import test from 'ava';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateConsortiumKey } from '../../vault/keys/generate-consortium-key';
import { formatPublicKeyFile } from '../../vault/keys/public-key-file';
import { OFFICER_VAULT_VARIABLES, officerVaultFromEnv } from './officer-vault-from-env';

// Configuration only: the vault this builds opens files in evidence-vault.test.ts (share services
// over HTTPS). Nothing here needs a certificate to be valid, since nothing connects.

async function completeEnv(overrides: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  const folder = await mkdtemp(path.join(tmpdir(), 'trestle-vault-env-'));
  const file = async (name: string, text: string) => {
    await writeFile(path.join(folder, name), text);
    return path.join(folder, name);
  };
  return {
    OFFICER_VAULT_STORE_DIR: path.join(folder, 'store'),
    OFFICER_VAULT_SHARE_URLS: 'https://127.0.0.1:27090, https://127.0.0.1:27190,https://127.0.0.1:27290',
    OFFICER_VAULT_CLIENT_KEY_FILE: await file('client.key', 'key'),
    OFFICER_VAULT_CLIENT_CERT_FILE: await file('client.pem', 'cert'),
    OFFICER_VAULT_SERVER_CA_FILE: `${await file('ca-1.pem', 'ca 1')},${await file('ca-2.pem', 'ca 2')}`,
    OFFICER_VAULT_PUBLIC_KEY_FILE: await file('key.json', formatPublicKeyFile(generateConsortiumKey({ threshold: 2, shareCount: 3 }).publicKey)),
    FABRIC_WALLET_DIR: path.join(folder, 'wallet'),
    ...overrides,
  };
}

test('with no OFFICER_VAULT_* variable the service runs without a vault', (t) => {
  t.is(officerVaultFromEnv({ FABRIC_WALLET_DIR: '/wallet', OFFICER_VAULT_STORE_DIR: '' }), undefined);
});

test('with every variable set it builds a vault', async (t) => {
  const vault = officerVaultFromEnv(await completeEnv());
  t.is(typeof vault?.open, 'function');
});

test('a partial configuration is a startup error naming each missing variable', async (t) => {
  const complete = await completeEnv();
  for (const set of [['OFFICER_VAULT_SHARE_URLS'], ['OFFICER_VAULT_STORE_DIR', 'OFFICER_VAULT_PUBLIC_KEY_FILE'], OFFICER_VAULT_VARIABLES.slice(1)]) {
    const env = Object.fromEntries(set.map((name) => [name, complete[name]]));
    const error = t.throws(() => officerVaultFromEnv(env));
    const missing = OFFICER_VAULT_VARIABLES.filter((name) => !set.includes(name));
    t.regex(error?.message ?? '', new RegExp(`^the evidence vault is half configured: set ${missing.join(', ')} too`), set.join());
  }
});

test('wrong values are startup errors that say which variable is wrong', async (t) => {
  const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
    [{ OFFICER_VAULT_SHARE_URLS: 'http://127.0.0.1:27090,https://127.0.0.1:27190' }, /OFFICER_VAULT_SHARE_URLS holds http:\/\/127\.0\.0\.1:27090, which is not https:\/\//],
    [{ OFFICER_VAULT_SHARE_URLS: 'share-1' }, /OFFICER_VAULT_SHARE_URLS holds "share-1", which is not a URL/],
    [{ OFFICER_VAULT_SHARE_URLS: 'https://127.0.0.1:27090' }, /names 1 share service\(s\) but opening a file takes 2/],
    [{ OFFICER_VAULT_CLIENT_KEY_FILE: '/nonexistent/client.key' }, /OFFICER_VAULT_CLIENT_KEY_FILE names \/nonexistent\/client\.key, which cannot be read \(ENOENT\)/],
    [{ OFFICER_VAULT_SERVER_CA_FILE: '/nonexistent/ca.pem' }, /OFFICER_VAULT_SERVER_CA_FILE names/],
    [{ FABRIC_WALLET_DIR: undefined }, /FABRIC_WALLET_DIR is not set/],
  ];
  for (const [overrides, message] of cases) {
    const env = await completeEnv(overrides);
    for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
    t.throws(() => officerVaultFromEnv(env), { message }, String(message));
  }
  const badKey = await completeEnv();
  await writeFile(badKey.OFFICER_VAULT_PUBLIC_KEY_FILE as string, '{"format":"trestle-vault-key-share/1"}');
  t.throws(() => officerVaultFromEnv(badKey), { message: /consortium public key file/ });
});
