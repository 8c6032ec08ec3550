import anyTest, { type TestFn } from 'ava';
import type { Browser } from 'playwright-core';
import { CHAIN_CONFIG, ledgerForBridge } from '@trestle/chaincode/src/testing/bridge-story';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { NAV_ORACLE_TYPES, navOracleDomain, typesFor } from '@trestle/bridge/src/evm/messages';
import { advanceTime, latestTimestamp } from '@trestle/bridge/src/evm/provider';
import { signQuorum } from '@trestle/bridge/src/evm/quorum-signer';
import { marketFixture, type MarketFixture } from '@trestle/bridge/test/support/fixtures';
import { evmNavReader, type NavReader } from '@trestle/compliance/src/officer/nav/nav-reader';
import { startHarness, type Harness } from '@trestle/compliance/src/officer/testing/officer-harness';
import { screenshotPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { buildConsole } from './support/console-build';
import { openConsole, submitLogin } from './support/console-page';

// The asset page's price on the EVM chain: a real NavOracle on the devnet, named by the bridge's chain
// configuration on the ledger (the chaincode run in process on the stubbed context: no Fabric peer
// here), read by the officer service over JSON-RPC and shown in Chromium. Serial: it moves the
// devnet's clock.

type Context = { harness: Harness; market: MarketFixture; nav: NavReader; browser: Browser; errors: string[] };
const test = anyTest as TestFn<Context>;

const DAY = 86_400;
/** 105 per unit: within the oracle's 10% bound of the fixture's 100, so two validators suffice. */
const NAV = 105n * 10n ** 18n;

test.before(async (t) => {
  const consoleDir = buildConsole();
  const market = await marketFixture();
  const oracle = await market.oracle.getAddress();
  const chain = { ...CHAIN_CONFIG, chainId: market.chainId.toString(), gateway: await market.gateway.getAddress(), tokens: [{ assetId: ASSET_ID, token: market.suite.token, oracle: { address: oracle, currency: 'USD' as const, currencyDecimals: 6 } }] };
  const nav = evmNavReader(market.provider._getConnection().url, market.chainId.toString());
  const harness = await startHarness({ consoleDir, nav }, await ledgerForBridge({ chain }));
  // A valuation valid two more days: the haircut schedule (10% a day after expiry, 50% after a week) is close.
  const validUntil = BigInt(await latestTimestamp(market.provider)) + 2n * BigInt(DAY);
  const value = { asset: market.suite.token, navPerUnit: NAV, valuationSeq: 2n, validUntil };
  const signatures = await signQuorum(market.validators.slice(0, 2), navOracleDomain(market.chainId, oracle), typesFor(NAV_ORACLE_TYPES, 'Nav'), value);
  await (await market.oracle.updateNav(NAV, 2n, validUntil, signatures)).wait();
  t.context = { harness, market, nav, browser: await launchChromium(), errors: [] };
});

test.after.always(async (t) => {
  await t.context.browser?.close();
  await t.context.harness?.close();
  t.context.nav?.close();
});

test.serial('the asset page shows the oracle\'s NAV and how long it stays valid; after expiry, the haircut and the days to the next step', async (t) => {
  const { harness, market, browser, errors } = t.context;
  const answer = await (await harness.as('rita')).send('GET', `/api/v1/assets/${ASSET_ID}/nav`);
  t.is(answer.status, 200, answer.text);
  t.like(answer.body, { assetId: ASSET_ID, chainId: market.chainId.toString(), oracle: await market.oracle.getAddress(), navPerUnit: NAV.toString(), valuationSeq: '2', haircutBps: '0', writtenOff: false });

  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('queue-count').waitFor();
  await page.goto(`${harness.server.url}/#/assets/${ASSET_ID}/policy`);
  const shown = page.getByTestId('asset-nav');
  await page.getByText('the NAV oracle holds', { exact: false }).waitFor();
  t.is(await shown.innerText(), `On chain ${market.chainId} the NAV oracle holds 105.00 USD per unit (valuation 2); it is valid for 2 more day(s), then a 10% haircut 1 day(s) later unless a new valuation arrives.`);

  // No fresh valuation for four days: two days past expiry, between the 10% and the 50% points.
  await advanceTime(market.provider, 4 * DAY);
  await page.reload();
  await page.getByText('lowered', { exact: false }).waitFor();
  t.regex(await shown.innerText(), /^On chain \d+ the NAV oracle holds 105\.00 USD per unit \(valuation 2\), lowered [\d.]+% by the haircut schedule; it is expired 2 day\(s\) ago; next step 50% in 5 day\(s\)\.$/);
  const haircut = Number(((await market.oracle.currentHaircutBps()) as bigint) / 1n) / 100;
  t.true((await shown.innerText()).includes(`lowered ${haircut}%`), 'the percentage is the oracle\'s own');
  await page.screenshot({ path: screenshotPath('29-asset-nav-haircut'), fullPage: true });
  t.deepEqual(errors, []);
  await page.context().close();
});

test.serial('a service without an EVM chain, an unknown asset, an asset without an oracle and an oracle that does not answer each get a typed answer', async (t) => {
  const { browser, errors, market, nav } = t.context;
  const bare = await startHarness({ consoleDir: buildConsole() });
  t.teardown(() => bare.close());
  const answer = await (await bare.as('alice')).send('GET', `/api/v1/assets/${ASSET_ID}/nav`);
  t.is(answer.status, 503);
  t.like(answer.body, { code: 'OFFICER_EVM_NOT_CONFIGURED' });
  const page = await openConsole(browser, bare.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('queue-count').waitFor();
  await page.goto(`${bare.server.url}/#/assets/${ASSET_ID}/policy`);
  await page.getByTestId('asset-nav').waitFor();
  t.is(await page.getByTestId('asset-nav').innerText(), 'This console reads no EVM chain, so it cannot show the lending market\u2019s price.');
  t.deepEqual(errors, [], 'the console does not ask a service that says it reads no chain');
  await page.context().close();

  const unknown = await (await t.context.harness.as('alice')).send('GET', '/api/v1/assets/NOPE/nav');
  t.is(unknown.status, 404);
  t.like(unknown.body, { code: 'ASSET_NOT_FOUND' });

  // The chain configuration names the asset's token but no oracle.
  const chainId = market.chainId.toString();
  const noOracle = await startHarness({ nav }, await ledgerForBridge({ chain: { ...CHAIN_CONFIG, chainId, tokens: [{ assetId: ASSET_ID, token: market.suite.token }] } }));
  t.teardown(() => noOracle.close());
  const none = await (await noOracle.as('alice')).send('GET', `/api/v1/assets/${ASSET_ID}/nav`);
  t.is(none.status, 404);
  t.like(none.body, { code: 'OFFICER_NAV_NOT_FOUND' });

  // The story's configuration names an oracle address with no contract on this devnet.
  const silent = await startHarness({ nav }, await ledgerForBridge({ chain: { ...CHAIN_CONFIG, chainId } }));
  t.teardown(() => silent.close());
  const failed = await (await silent.as('alice')).send('GET', `/api/v1/assets/${ASSET_ID}/nav`);
  t.is(failed.status, 502);
  t.like(failed.body, { code: 'OFFICER_EVM_UNAVAILABLE' });
});
