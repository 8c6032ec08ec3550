import test from 'ava';
import type { ContractRunner } from 'ethers';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { DOLLARS, INITIAL_NAV, marketFixture, UNITS } from '@trestle/bridge/test/support/fixtures';
import { deploymentHomeFor, keystoreOf, PASSWORD_ENV, removeStateFolders, stateFolder, trestle as run } from './support/cli-deployment';

// The liquidator's commands as a person runs them: `trestle liquidator …` in a child process,
// against a deployment file naming a market the test set up on the devnet. Serial like every
// devnet test here; the NAV update moves no clock.

test.after.always(removeStateFolders);

const as = (contract: DeployedContract, runner: ContractRunner) => contract.connect(runner) as DeployedContract;
const homeFor = (m: Parameters<typeof deploymentHomeFor>[0]) => deploymentHomeFor(m, 'liquidator');
const trestle = (home: string, ...args: string[]) => run(home, ['liquidator', ...args]);

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
  const empty = stateFolder('liquidator');
  const none = trestle(empty, 'positions');
  t.is(none.code, 2);
  t.regex(none.stderr, /^error: \[CLI_INPUT_INVALID\] No deployment under .+; run "npm start"/m);

  const m = await marketFixture();
  const home = await homeFor(m);
  const badAddress = trestle(home, 'liquidate', '0x1234', '--keystore', 'k.json', '--password-env', PASSWORD_ENV);
  t.is(badAddress.code, 2, 'a usage error');
  t.regex(badAddress.stderr, /a 0x address/);
  const liquidator = await m.fundedAccount();
  const keystore = keystoreOf(home, liquidator);
  const wrong = run(home, ['liquidator', 'redeem', '--investor', 'X', '--keystore', keystore, '--password-env', PASSWORD_ENV], 'not the password');
  t.is(wrong.code, 2);
  t.regex(wrong.stderr, /did not open with the password/);
  t.false(wrong.stderr.includes(liquidator.privateKey.slice(2)), 'no key material in the error');
  const unknown = trestle(home, 'positions', '--asset', 'NOPE');
  t.is(unknown.code, 2);
  t.regex(unknown.stderr, /No deployed asset with symbol NOPE \(deployed: TTF\)/);
});
