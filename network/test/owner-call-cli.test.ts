import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { Wallet } from 'ethers';
import { ourArtifact } from '@trestle/bridge/src/evm/artifacts';
import { deployAll } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { attach } from '@trestle/bridge/src/evm/deploy/steps';
import { fundedWallet, latestTimestamp } from '@trestle/bridge/src/evm/provider';
import { devnet } from '@trestle/bridge/test/support/devnet';
import { keystoreOf, PASSWORD_ENV, removeStateFolders, stateFolder, trestle } from './support/cli-deployment';

// `trestle owner-call sign|execute` as the banks run it: the stack deployed by deploy-all (whose
// last step hands every owner power to the QuorumOwner), each bank's validator signing with its
// keystore in a child process, anyone submitting. Serial like every devnet test here.

test.after.always(removeStateFolders);

const LLTV = '500000000000000000';

test.serial('three validators sign enabling an LLTV on Morpho and an operator executes it; too few, replayed, tampered and foreign signatures are refused in one line', async (t) => {
  const provider = await devnet();
  const home = stateFolder('owner-call');
  const { deployment } = await deployAll(provider, { home });
  const keys = JSON.parse(readFileSync(path.join(home, 'evm', 'devnet-keys.json'), 'utf8')) as { validators: Record<string, string> };
  const validators = Object.values(keys.validators).map((key) => new Wallet(key));
  const payer = await fundedWallet(provider);
  const pay = ['--keystore', keystoreOf(home, payer), '--password-env', PASSWORD_ENV];
  const validUntil = String((await latestTimestamp(provider)) + 86_400);
  const sign = (wallet: Wallet, nonce: string, out: string) =>
    trestle(home, ['owner-call', 'sign', '--target', deployment.contracts.morpho, '--function', 'enableLltv(uint256)', '--args', JSON.stringify([LLTV]), '--nonce', nonce, '--valid-until', validUntil, '--keystore', keystoreOf(home, wallet), '--password-env', PASSWORD_ENV, '--out', out]);
  const files = validators.map((_, index) => path.join(home, `signed-${index}.json`));
  for (const [index, wallet] of validators.entries()) {
    const signed = sign(wallet, '1', files[index]!);
    t.is(signed.code, 0, signed.stderr);
    t.regex(signed.stdout, new RegExp(`^signed enableLltv\\(uint256\\) \\["${LLTV}"\\] on ${deployment.contracts.morpho} as ${wallet.address} \\(nonce 1, valid until \\S+\\): `));
  }
  const morpho = attach(ourArtifact('Morpho'), deployment.contracts.morpho, provider);

  const tooFew = trestle(home, ['owner-call', 'execute', files[0]!, files[1]!, ...pay]);
  t.is(tooFew.code, 3, tooFew.stderr);
  t.regex(tooFew.stderr, /^error: \[QUORUM_OWNER_REFUSED\] The QuorumOwner refused the call: QuorumNotMet\(2, 3\)\.$/m);

  const tampered = path.join(home, 'tampered.json');
  const changed = JSON.parse(readFileSync(files[2]!, 'utf8')) as { call: { nonce: string } };
  changed.call.nonce = '2';
  writeFileSync(tampered, JSON.stringify(changed));
  const mixed = trestle(home, ['owner-call', 'execute', files[0]!, files[1]!, tampered, ...pay]);
  t.is(mixed.code, 2);
  t.regex(mixed.stderr, /^error: \[CLI_INPUT_INVALID\] .*tampered\.json signs another call than/);

  const stranger = new Wallet(Wallet.createRandom().privateKey);
  const strangerFile = path.join(home, 'stranger.json');
  t.is(sign(stranger, '1', strangerFile).code, 0, 'anyone can sign; the QuorumOwner decides');
  const foreign = trestle(home, ['owner-call', 'execute', files[0]!, files[1]!, strangerFile, ...pay]);
  t.is(foreign.code, 3);
  t.regex(foreign.stderr, /QuorumSignerUnknown/);
  t.false(await morpho.isLltvEnabled(LLTV), 'nothing ran so far');

  const done = trestle(home, ['owner-call', 'execute', ...files, ...pay]);
  t.is(done.code, 0, done.stderr);
  t.regex(done.stdout, /^executed enableLltv\(uint256\) \["500000000000000000"\] on 0x[0-9a-fA-F]{40} with 3 signatures \(nonce 1\): 0x[0-9a-f]{64}$/m);
  t.true(await morpho.isLltvEnabled(LLTV));

  const again = trestle(home, ['owner-call', 'execute', ...files, ...pay]);
  t.is(again.code, 3);
  t.regex(again.stderr, /QuorumOwnerNonceUsed\(1\)/);

  const badKeystore = trestle(home, ['owner-call', 'execute', ...files, ...pay], 'wrong password');
  t.is(badKeystore.code, 2);
  t.regex(badKeystore.stderr, /^error: \[CLI_INPUT_INVALID\] The keystore .* did not open/);
});
