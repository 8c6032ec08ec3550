import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Lit 7.4 prints the decryption signature inside @lit-protocol/crypto, reached from its decrypt
 * functions and from LitNodeClient.decrypt. These checks keep every such call behind the wrappers
 * that silence it: a new file calling Lit directly fails here before it can leak in production.
 */

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(__dirname).map((path) => ({ path: relative(__dirname, path), text: readFileSync(path, 'utf8') }));

test('only lit/lit-crypto.ts imports @lit-protocol/crypto', (t) => {
  t.deepEqual(files.filter((file) => file.text.includes("from '@lit-protocol/crypto'")).map((file) => file.path), ['lit/lit-crypto.ts']);
});

test('only the Lit network backend and its connector import @lit-protocol/lit-node-client', (t) => {
  t.deepEqual(
    files.filter((file) => file.text.includes("from '@lit-protocol/lit-node-client'")).map((file) => file.path).sort(),
    ['backends/connect-lit-network.ts', 'backends/lit-network-vault.ts'],
  );
});

test('every decrypt call into Lit sits inside withOutputSilenced', (t) => {
  for (const file of files) {
    for (const match of file.text.matchAll(/verifyAndDecryptWithSignatureShares\(|decryptWithSignatureShares\(|client\.decrypt\(/g)) {
      const before = file.text.slice(Math.max(0, match.index - 200), match.index);
      t.true(before.includes('withOutputSilenced('), `${file.path}: ${match[0]} outside withOutputSilenced`);
    }
  }
});
