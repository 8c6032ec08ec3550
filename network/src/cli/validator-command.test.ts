import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { REPO_ROOT } from '../stack/stack-config';
import { validatorStateDir } from './validator-command';

const homes: string[] = [];

function freshHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'trestle-cli-validator-'));
  homes.push(home);
  return home;
}

test.after.always(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** Runs `trestle validator …` as `npm run trestle` does. */
function trestle(home: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', 'validator', ...args], { cwd: REPO_ROOT, env: { ...process.env, TRESTLE_HOME: home }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const START = ['start', '--bank', 'BankAMSP', '--keystore', '/nonexistent/keystore.json', '--password-env', 'NO_SUCH_VAR', '--connection-profile', '/nonexistent/profile.json', '--wallet', '/nonexistent/wallet', '--identity', 'validator'];

test('start says what is missing, one sentence, exit code 2: no deployment, then no keystore', (t) => {
  const home = freshHome();
  const bare = trestle(home, ...START);
  t.is(bare.code, 2);
  t.regex(bare.stderr, /^error: No deployment under .+; run "npm start"/m);
  mkdirSync(path.join(home, 'evm'), { recursive: true });
  writeFileSync(path.join(home, 'evm', 'deployment.json'), JSON.stringify({ chainId: 31337, rpcUrl: 'http://127.0.0.1:1', contracts: { gateway: '0x0000000000000000000000000000000000000001' }, assets: [] }));
  const keyless = trestle(home, ...START);
  t.is(keyless.code, 2);
  t.regex(keyless.stderr, /--keystore \/nonexistent\/keystore\.json: no such file/);
  const badBank = trestle(home, ...START.map((arg) => (arg === 'BankAMSP' ? 'Bank A' : arg)));
  t.not(badBank.code, 0);
  t.regex(badBank.stderr, /an MSP id such as BankAMSP/);
});

test("status prints each bank's last pass from the status files, and says when none has run", (t) => {
  const home = freshHome();
  const none = trestle(home, 'status');
  t.is(none.code, 1);
  t.regex(none.stdout, /No validator has run under/);
  mkdirSync(path.join(home, 'run'), { recursive: true });
  const report = {
    bank: 'BankAMSP',
    validator: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    at: new Date(Date.now() - 5_000).toISOString(),
    duties: { 'sign-mints': { handled: 1 }, 'watch-burns': { error: 'the EVM node did not answer' } },
  };
  writeFileSync(path.join(home, 'run', 'validator-BankAMSP.json'), JSON.stringify(report));
  const shown = trestle(home, 'status');
  t.is(shown.code, 0);
  t.regex(shown.stdout, /^BankAMSP 0x5FbDB2315678afecb367f032d93F642f64180aa3: last pass \d+ s ago; sign-mints 1, watch-burns FAILED \(the EVM node did not answer\)$/m);
});

test("a validator's checkpoints and send journal live in one folder per chain and gateway, so a redeployed gateway starts from its own state", (t) => {
  const home = '/stack';
  const first = validatorStateDir(home, 31337, '0xAbC0000000000000000000000000000000000001');
  t.is(first, path.join(home, 'run', 'bridge', '31337-0xabc0000000000000000000000000000000000001'));
  t.not(validatorStateDir(home, 31337, '0xAbC0000000000000000000000000000000000002'), first);
  t.not(validatorStateDir(home, 1, '0xAbC0000000000000000000000000000000000001'), first);
  t.is(validatorStateDir(home, '31337', '0xabc0000000000000000000000000000000000001'), first, 'the address case does not matter');
});
