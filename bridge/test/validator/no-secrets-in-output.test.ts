import test from 'ava';

// Serial, like every devnet test here.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findKeyMaterial, type Secret } from '@trestle/compliance/src/vault/testing/find-key-material';
import { testStack } from '@trestle/network/src/stack/stack-config';
import { tempDir } from './validator-keys';
import { runTsxChild } from '@trestle/compliance/src/testing/run-tsx-child';

const CHILD = path.join(__dirname, 'secrets', 'bridge-run-child.ts');

type Secrets = { keys: { name: string; hex: string }[]; passwords: string[]; addresses: string[] };


test.serial('a full bridge run prints, logs and answers no private key or keystore password', async (t) => {
  const devnetLog = path.join(testStack().home, 'logs', 'evm-devnet.log');
  const logStart = existsSync(devnetLog) ? statSync(devnetLog).size : 0;
  const secretsFile = path.join(await tempDir('secrets'), 'secrets.json');
  const { code, output } = await runTsxChild(CHILD, [secretsFile]);
  t.is(code, 0, output.slice(-4000));
  const secrets = JSON.parse(readFileSync(secretsFile, 'utf8')) as Secrets;
  // The devnet node's own log of this run: transactions and calls, as an operator would keep it.
  const nodeLog = existsSync(devnetLog) ? readFileSync(devnetLog).subarray(logStart).toString('utf8') : '';
  const everything = `${output}\n${nodeLog}`;

  // The search must be able to see: the output names the validators and shows the refusal and the API answers.
  for (const address of secrets.addresses) t.true(everything.includes(address), `the output names validator ${address}`);
  t.regex(output, /BRIDGE_SIGNER_MISMATCH/);
  t.regex(output, /GET metrics → 200/);
  const keys: Secret[] = secrets.keys.map(({ name, hex }) => ({ name, bytes: Buffer.from(hex.slice(2), 'hex') }));
  t.deepEqual(findKeyMaterial(`planted ${secrets.keys[0]!.hex}`, keys), [`${secrets.keys[0]!.name} as hex`], 'a planted key is found');

  t.deepEqual(findKeyMaterial(everything, keys), [], 'no private key in any form');
  t.true(secrets.passwords.every((password) => password.length >= 8));
  t.deepEqual(secrets.passwords.filter((password) => everything.includes(password)), [], 'no keystore password');
  t.log(`searched ${everything.length} characters of output and node log for ${keys.length} keys and ${secrets.passwords.length} passwords`);
});
