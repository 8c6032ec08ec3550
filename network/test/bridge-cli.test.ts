import test from 'ava';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { marketFixture, UNITS } from '@trestle/bridge/test/support/fixtures';
import { deploymentHomeFor, keystoreOf, PASSWORD_ENV, removeStateFolders, stateFolder, trestle } from './support/cli-deployment';

// `trestle bridge in` as a borrower runs it: a child process burning units from a keystore wallet
// through the gateway of a market the test set up on the devnet. Serial like every devnet test
// here; nothing moves the clock.

test.after.always(removeStateFolders);

const INVESTOR = 'INV-A-0001';

/** The gateway's BurnedForRedeem events of `txHash`: what the validators will attest. */
async function burnsIn(m: Awaited<ReturnType<typeof marketFixture>>, txHash: string) {
  const events = await m.gateway.queryFilter(m.gateway.filters.BurnedForRedeem!());
  return events.filter((event) => event.transactionHash === txHash).map((event) => m.gateway.interface.parseLog(event)?.args);
}

test.serial('trestle bridge in burns units from the wallet through the gateway and prints the burn number the validators attest', async (t) => {
  const m = await marketFixture();
  const home = await deploymentHomeFor(m, 'bridge-in');
  const borrower = await m.fundedAccount();
  await m.mint(borrower.address, UNITS(100n));
  const signed = ['--investor', INVESTOR, '--keystore', keystoreOf(home, borrower), '--password-env', PASSWORD_ENV];

  const first = trestle(home, ['bridge', 'in', 'TTF', '--amount', UNITS(40n).toString(), ...signed]);
  t.is(first.code, 0, first.stderr);
  const said = /^burned 40\.0 TTF for investor INV-A-0001: burn #(\d+) \(tx (0x[0-9a-f]{64}), block \d+\)$/m.exec(first.stdout);
  t.truthy(said, first.stdout);
  const [, nonce = '', txHash = ''] = said ?? [];
  const [event] = await burnsIn(m, txHash);
  t.is(event?.getValue('burnNonce'), BigInt(nonce), 'the printed number is the gateway\'s');
  t.is(event?.getValue('from'), borrower.address);
  t.is(event?.getValue('amount'), UNITS(40n));
  t.is(event?.getValue('fabricInvestorRef'), investorRef(INVESTOR));
  t.regex(first.stdout, new RegExp(`^follow it on the ledger: npm run trestle -- bridge burn ${m.chainId} ${nonce} --as <org/user>$`, 'm'));
  t.is(await m.token.balanceOf(borrower.address), UNITS(60n));

  const rest = trestle(home, ['bridge', 'in', 'TTF', '--amount', 'all', '--json', ...signed]);
  t.is(rest.code, 0, rest.stderr);
  const burn = JSON.parse(rest.stdout) as { amount: string; burnNonce: string; txHash: string };
  t.is(burn.amount, UNITS(60n).toString());
  t.is(BigInt(burn.burnNonce), BigInt(nonce) + 1n, 'the gateway numbers its burns in order');
  t.is(await m.token.balanceOf(borrower.address), 0n);
});

test.serial('trestle bridge in refuses in one line with its exit code: no deployment, wrong password, more than the balance, a bad amount', async (t) => {
  const empty = stateFolder('bridge-in');
  const none = trestle(empty, ['bridge', 'in', 'TTF', '--amount', '1', '--investor', INVESTOR, '--keystore', 'k.json', '--password-env', PASSWORD_ENV]);
  t.is(none.code, 2, none.stderr);
  t.regex(none.stderr, /^error: \[CLI_INPUT_INVALID\] No deployment under .+; run "npm start"/);
  t.is(none.stderr.trimEnd().split('\n').length, 1);

  const m = await marketFixture();
  const home = await deploymentHomeFor(m, 'bridge-in');
  const borrower = await m.fundedAccount();
  await m.mint(borrower.address, UNITS(10n));
  const keystore = keystoreOf(home, borrower);
  const signed = ['--investor', INVESTOR, '--keystore', keystore, '--password-env', PASSWORD_ENV];

  const wrong = trestle(home, ['bridge', 'in', 'TTF', '--amount', '1', ...signed], 'not the password');
  t.is(wrong.code, 2, wrong.stderr);
  t.regex(wrong.stderr, /^error: \[CLI_INPUT_INVALID\] The keystore .* did not open with the password in TRESTLE_TEST_WALLET_PASSWORD\.\n$/);
  t.false(wrong.stderr.includes(borrower.privateKey.slice(2)), 'no key material in the error');

  const tooMuch = trestle(home, ['bridge', 'in', 'TTF', '--amount', UNITS(11n).toString(), ...signed]);
  t.is(tooMuch.code, 3, tooMuch.stderr);
  t.regex(tooMuch.stderr, /^error: \[REDEEM_AMOUNT_INVALID\] /);
  t.is(tooMuch.stderr.trimEnd().split('\n').length, 1);

  const badAmount = trestle(home, ['bridge', 'in', 'TTF', '--amount', '1.5', ...signed]);
  t.is(badAmount.code, 2, badAmount.stderr);
  t.regex(badAmount.stderr, /a whole number of base units, or "all"/);
  const noAsset = trestle(home, ['bridge', 'in', 'NOPE', '--amount', '1', ...signed]);
  t.is(noAsset.code, 2, noAsset.stderr);
  t.regex(noAsset.stderr, /No deployed asset with symbol NOPE \(deployed: TTF\)/);
  t.is(await m.token.balanceOf(borrower.address), UNITS(10n), 'nothing burned');
});
