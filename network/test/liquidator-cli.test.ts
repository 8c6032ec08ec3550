import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { encryptKeystoreJsonSync, type ContractRunner, type Wallet } from 'ethers';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { DOLLARS, INITIAL_NAV, marketFixture, UNITS, type MarketFixture } from '@trestle/bridge/test/support/fixtures';
import { REPO_ROOT, evmRpcUrl, testStack } from '../src/stack/stack-config';

// The liquidator's commands as a person runs them: `trestle liquidator …` in a child process,
// against a deployment file naming a market the test set up on the devnet. Serial like every
// devnet test here; the NAV update moves no clock.

const homes: string[] = [];
test.after.always(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

const as = (contract: DeployedContract, runner: ContractRunner) => contract.connect(runner) as DeployedContract;
const PASSWORD_ENV = 'TRESTLE_TEST_LIQUIDATOR_PASSWORD';
const PASSWORD = 'liquidator keystore password';

/** A state folder whose deployment.json names the fixture's gateway, Morpho and market. */
async function homeFor(m: MarketFixture): Promise<string> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'trestle-liquidator-'));
  homes.push(home);
  const p = m.market.params;
  const deployment = {
    chainId: Number(m.chainId),
    rpcUrl: evmRpcUrl(testStack()),
    contracts: { gateway: await m.gateway.getAddress(), morpho: await m.morpho.getAddress() },
    assets: [{ symbol: 'TTF', token: m.suite.token, identityRegistry: m.suite.identityRegistry, marketId: m.market.id, marketParams: { ...p, lltv: p.lltv.toString() } }],
  } as unknown as DeploymentFile;
  mkdirSync(path.join(home, 'evm'), { recursive: true });
  writeFileSync(path.join(home, 'evm', 'deployment.json'), JSON.stringify(deployment));
  return home;
}

/** The wallet's keystore, encrypted cheaply (still scrypt): its cost is not what is tested. */
function keystoreOf(home: string, wallet: Wallet): string {
  const file = path.join(home, `${wallet.address}.json`);
  writeFileSync(file, encryptKeystoreJsonSync({ address: wallet.address, privateKey: wallet.privateKey }, PASSWORD, { scrypt: { N: 1 << 10 } }), { mode: 0o600 });
  return file;
}

function trestle(home: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', 'liquidator', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: home, [PASSWORD_ENV]: PASSWORD },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test.serial('trestle liquidator: positions, a refused and a real liquidation, and the seized units burned for redemption', async (t) => {
  const m = await marketFixture();
  const home = await homeFor(m);
  const borrower = await m.fundedAccount({ dollars: DOLLARS(1_000n) });
  await m.mint(borrower.address, UNITS(1_000n));
  await (await as(m.morpho, borrower).supplyCollateral(m.params, UNITS(1_000n), borrower.address, '0x')).wait();
  await (await as(m.morpho, borrower).borrow(m.params, DOLLARS(75_000n), 0n, borrower.address, borrower.address)).wait();
  const liquidator = await m.fundedAccount({ dollars: DOLLARS(100_000n) });
  const keystore = keystoreOf(home, liquidator);
  const signed = ['--keystore', keystore, '--password-env', PASSWORD_ENV];

  const healthy = trestle(home, 'positions');
  t.is(healthy.code, 0, healthy.stderr);
  t.regex(healthy.stdout, new RegExp(`^${borrower.address}  healthy +collateral 1000\\.0 TTF  debt 75000\\.\\d+ TUSD`, 'm'));
  const refused = trestle(home, 'liquidate', borrower.address, ...signed);
  t.is(refused.code, 3);
  t.regex(refused.stderr, /^error: \[LIQUIDATION_POSITION_HEALTHY\] /);

  await (await m.updateNav((INITIAL_NAV * 9n) / 10n)).wait();
  const listed = JSON.parse(trestle(home, 'positions', '--json').stdout) as { positions: { borrower: string; healthy: boolean }[] };
  t.deepEqual(listed.positions.map((p) => [p.borrower, p.healthy]), [[borrower.address, false]]);

  const dry = trestle(home, 'liquidate', borrower.address, '--seize', UNITS(400n).toString(), '--dry-run', ...signed);
  t.is(dry.code, 0, dry.stderr);
  t.regex(dry.stdout, /dry run: nothing sent/);
  t.is(await m.token.balanceOf(liquidator.address), 0n);

  const done = trestle(home, 'liquidate', borrower.address, '--seize', UNITS(400n).toString(), ...signed);
  t.is(done.code, 0, done.stderr);
  t.regex(done.stdout, /^liquidated 0x[0-9a-fA-F]{40}: seized 400\.0 TTF, repaid \d+\.\d+ TUSD \(tx 0x[0-9a-f]{64}, block \d+\)$/m);
  t.is(await m.token.balanceOf(liquidator.address), UNITS(400n));

  const tooMuch = trestle(home, 'redeem', '--investor', 'INV-A-0002', '--amount', UNITS(401n).toString(), ...signed);
  t.is(tooMuch.code, 3);
  t.regex(tooMuch.stderr, /REDEEM_AMOUNT_INVALID/);
  const redeemed = trestle(home, 'redeem', '--investor', 'INV-A-0002', '--json', ...signed);
  t.is(redeemed.code, 0, redeemed.stderr);
  const burn = JSON.parse(redeemed.stdout) as { amount: string; burnNonce: string };
  t.is(burn.amount, UNITS(400n).toString());
  t.true(BigInt(burn.burnNonce) > 0n);
  t.is(await m.token.balanceOf(liquidator.address), 0n);
});

test.serial('trestle liquidator refuses bad calls in one line: no deployment, bad address, wrong password, unknown asset', async (t) => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'trestle-liquidator-'));
  homes.push(empty);
  const none = trestle(empty, 'positions');
  t.is(none.code, 2);
  t.regex(none.stderr, /^error: \[CLI_INPUT_INVALID\] No deployment under .+; run "npm start"/m);

  const m = await marketFixture();
  const home = await homeFor(m);
  const badAddress = trestle(home, 'liquidate', '0x1234', '--keystore', 'k.json', '--password-env', PASSWORD_ENV);
  t.not(badAddress.code, 0);
  t.regex(badAddress.stderr, /a 0x address/);
  const liquidator = await m.fundedAccount();
  const keystore = keystoreOf(home, liquidator);
  const wrong = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', 'liquidator', 'redeem', '--investor', 'X', '--keystore', keystore, '--password-env', PASSWORD_ENV], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: home, [PASSWORD_ENV]: 'not the password' },
    encoding: 'utf8',
  });
  t.is(wrong.status, 2);
  t.regex(wrong.stderr, /did not open with the password/);
  t.false(wrong.stderr.includes(liquidator.privateKey.slice(2)), 'no key material in the error');
  const unknown = trestle(home, 'positions', '--asset', 'NOPE');
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /No deployed asset with symbol NOPE \(deployed: TTF\)/);
});
