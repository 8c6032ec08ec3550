import anyTest, { type TestFn } from 'ava';
import type { Browser } from 'playwright-core';
import { bridgeOutOf, bridgeOutRequest, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { request, transferOf, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { startHarness, type Harness } from '@trestle/compliance/src/officer/testing/officer-harness';
import { screenshotPath, writeTimings } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { buildConsole } from './support/console-build';
import { measureMs, openConsole, pageLoadMs, sessionStatus, submitLogin } from './support/console-page';

// The console built with Vite, served by the officer service on 127.0.0.1 port 0, driven by
// Debian's Chromium through playwright-core. THE FABRIC SIDE IS A STUB: the service's ledger is
// the real chaincode contracts run in process on the stubbed context
// (compliance/src/officer/testing/in-process-ledger.ts); no peer runs here.

type Context = { harness: Harness; browser: Browser; errors: string[] };
const test = anyTest as TestFn<Context>;

test.before(async (t) => {
  const consoleDir = buildConsole();
  const harness = await startHarness({ consoleDir });
  await request(harness.worldState, transferRequest('T-CONSOLE-1', 5_000n));
  await request(harness.worldState, transferRequest('T-CONSOLE-2', 2_000n));
  await requestBridgeOut(harness.worldState, bridgeOutRequest('BO-CONSOLE-1', 1_000n));
  t.context = { harness, browser: await launchChromium(), errors: [] };
});

test.after.always(async (t) => {
  await t.context.browser?.close();
  await t.context.harness?.close();
});

test.serial('officer A logs in, sees the pending transfer, reads every rule verdict and approves with a reason; officer B approves; the page shows SETTLED', async (t) => {
  const { harness, browser, errors } = t.context;
  const expected = ((await (await harness.as('alice')).send('GET', '/api/v1/transfers/T-CONSOLE-1')).body as { transfer: { requestVerdicts: Array<{ sentence: string }> } }).transfer.requestVerdicts;

  const a = await openConsole(browser, harness.server.url, errors);
  const loginLoadMs = await pageLoadMs(a);
  await submitLogin(a, 'alice');
  await a.getByTestId('queue-row-T-CONSOLE-1').waitFor();
  t.regex(await a.getByTestId('who').innerText(), /Alice \(BankA\) · BankA/);
  t.regex(await a.getByTestId('queue-row-T-CONSOLE-1').innerText(), /5\u2009000/);
  await a.screenshot({ path: screenshotPath('01-queue-officer-a'), fullPage: true });

  // A reload is the page-load measure that counts: the session cookie is in, so it lands on the queue.
  await a.reload();
  await a.getByTestId('queue-row-T-CONSOLE-1').waitFor();
  const queueLoadMs = await pageLoadMs(a);
  const queueVisibleMs = await a.evaluate(() => performance.now());

  await a.getByRole('link', { name: 'T-CONSOLE-1' }).click();
  await a.getByTestId('verdicts').waitFor();
  t.is(await a.getByTestId('status').innerText(), 'PENDING');
  const shown = await a.locator('[data-testid=verdicts] li .sentence').allInnerTexts();
  t.deepEqual(shown, expected.map((verdict) => verdict.sentence), 'every rule verdict, in the engine\u2019s words, in order');
  t.true(shown.length >= 10);
  t.regex(await a.getByTestId('four-eyes-summary').innerText(), /0 of 2 approvals; still missing: an officer of the sender's bank BankAMSP; an officer of the receiver's bank BankBMSP/);
  t.true(await a.getByTestId('approve').isDisabled(), 'no approval without a reason');
  await a.screenshot({ path: screenshotPath('02-detail-officer-a'), fullPage: true });

  await a.getByTestId('reason').fill('KYC file and source of funds checked');
  await a.getByTestId('approve').click();
  await a.getByText('1 of 2 approvals', { exact: false }).waitFor();
  const approveAMs = await measureMs(a, 'approve-round-trip');
  t.is(await a.getByTestId('status').innerText(), 'PENDING');
  t.regex(await a.getByTestId('four-eyes').innerText(), /BankA · .* · alice@banka\.trestle\.test · .*KYC file and source of funds checked/);
  await a.screenshot({ path: screenshotPath('03-approved-by-officer-a'), fullPage: true });

  const b = await openConsole(browser, harness.server.url, errors);
  await submitLogin(b, 'carol');
  await b.getByTestId('queue-row-T-CONSOLE-1').waitFor();
  await b.getByRole('link', { name: 'T-CONSOLE-1' }).click();
  await b.getByTestId('reason').fill('Receiver verified at BankB');
  await b.getByTestId('approve').click();
  await b.getByTestId('status').getByText('SETTLED').waitFor();
  const approveBMs = await measureMs(b, 'approve-round-trip');
  t.regex(await b.getByTestId('four-eyes-summary').innerText(), /2 approvals recorded; the request is SETTLED/);
  t.false(await b.getByTestId('decision').isVisible(), 'nothing left to decide');
  await b.screenshot({ path: screenshotPath('04-settled-officer-b'), fullPage: true });
  t.is((await transferOf(harness.worldState, 'T-CONSOLE-1')).status, 'SETTLED', 'the ledger agrees with the page');

  const timings = { loginPageLoadMs: loginLoadMs, queuePageLoadMs: queueLoadMs, queueVisibleAfterNavigationMs: queueVisibleMs, approveRoundTripOfficerAMs: approveAMs, approveRoundTripOfficerBMs: approveBMs };
  for (const value of Object.values(timings)) t.true(Number.isFinite(value) && value > 0, 'every timing was measured');
  const file = writeTimings(timings);
  t.log(`page load (login page) ${loginLoadMs.toFixed(1)} ms; page load (queue, logged in) ${queueLoadMs.toFixed(1)} ms, queue rows visible at ${queueVisibleMs.toFixed(1)} ms`);
  t.log(`approve round trip: officer A ${approveAMs.toFixed(1)} ms, officer B (settles) ${approveBMs.toFixed(1)} ms; in-process chaincode stub, no Fabric peer (${file})`);
  await a.context().close();
  await b.context().close();
});

test.serial('a reject without a reason cannot be sent: both buttons stay disabled on a blank reason; with one, the transfer is REJECTED', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('queue-row-T-CONSOLE-2').waitFor();
  await page.getByTestId('filter-kind').selectOption('bridge-out');
  t.is(await page.getByTestId('queue-count').innerText(), '1 of 2 pending', 'the kind filter leaves the bridge-out alone');
  t.false(await page.getByTestId('queue-row-T-CONSOLE-2').isVisible());
  await page.getByTestId('filter-kind').selectOption('all');
  await page.getByTestId('filter-text').fill('INV-B-0001');
  t.is(await page.getByTestId('queue-count').innerText(), '1 of 2 pending', 'the text filter matches the transfer\u2019s receiver');
  t.true(await page.getByTestId('queue-row-T-CONSOLE-2').isVisible());
  await page.goto(`${harness.server.url}/#/transfers/T-CONSOLE-2`);
  await page.getByTestId('decision').waitFor();
  t.true(await page.getByTestId('reject').isDisabled());
  await page.getByTestId('reason').fill('   \n  ');
  t.true(await page.getByTestId('reject').isDisabled(), 'white space is no reason');
  t.true(await page.getByTestId('approve').isDisabled());
  t.true(await page.getByTestId('reason-hint').isVisible());
  await page.getByTestId('reason').fill('Source of funds not documented');
  t.false(await page.getByTestId('reject').isDisabled());
  await page.getByTestId('reject').click();
  await page.getByTestId('status').getByText('REJECTED').waitFor();
  t.regex(await page.getByTestId('closure').innerText(), /^REJECTED .* by BankA: Source of funds not documented$/);
  await page.screenshot({ path: screenshotPath('05-rejected-with-reason'), fullPage: true });
  t.is((await transferOf(harness.worldState, 'T-CONSOLE-2')).status, 'REJECTED');
  await page.context().close();
});

test.serial('a wrong password shows the service\u2019s error and opens no session', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'carol', 'not the password at all');
  await page.getByTestId('login-error').waitFor();
  t.regex(await page.getByTestId('login-error').innerText(), /Wrong username or password\. \(OFFICER_LOGIN_FAILED\)/);
  t.is(await page.getByTestId('password').inputValue(), '', 'the wrong password is not kept in the form');
  t.is(await sessionStatus(page), 401);
  await page.screenshot({ path: screenshotPath('06-wrong-password') });
  await page.context().close();
});

test.serial('logging out ends the session on the service and returns to the login form', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'carol');
  await page.getByTestId('logout').waitFor();
  t.is(await sessionStatus(page), 200);
  await page.getByTestId('logout').click();
  await page.getByTestId('login').waitFor();
  t.is(await sessionStatus(page), 401);
  await page.goto(`${harness.server.url}/#/queue`);
  await page.getByTestId('login').waitFor();
  t.false(await page.getByTestId('queue').isVisible(), 'no queue without a session');
  await page.context().close();
});

test.serial('the investors page lists the bank\u2019s investors and opens one; the audit page charts approvals per day and downloads the same search as CSV', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('logout').waitFor();
  await page.getByRole('link', { name: 'Investors' }).click();
  await page.getByTestId('investor-row-INV-A-0001').waitFor();
  t.regex(await page.getByTestId('investors').innerText(), /INV-A-0002/);
  await page.getByTestId('investor-filter').fill('DE');
  t.false(await page.getByTestId('investor-row-INV-A-0001').isVisible(), 'the filter hides what does not match');
  await page.getByTestId('investor-filter').fill('');
  await page.getByRole('link', { name: 'INV-A-0001' }).click();
  await page.getByTestId('investor-detail').waitFor();
  t.regex(await page.getByTestId('investor-detail').innerText(), /Jurisdiction\s+CH/);
  t.regex(await page.getByTestId('investor-fact-kyc-phase').innerText(), /^Current until \S+/, 'the KYC phase by the rules both chains apply, at the service\'s time');

  // The stub ledger's clock is the story's (2026-05-31), so the search period is set to it.
  await page.getByRole('link', { name: 'Audit' }).click();
  await page.getByTestId('audit-search').waitFor();
  await page.getByTestId('audit-from').fill('2026-05-25');
  await page.getByTestId('audit-to').fill('2026-05-31');
  await page.getByTestId('audit-search').click();
  await page.getByTestId('audit').getByText('transfer-approved').first().waitFor();
  const bars = await page.locator('[data-testid=audit-results] svg rect.bar title').allTextContents();
  t.is(bars.length, 7, 'one bar per day of the period');
  t.is(bars.at(-1), '05-31: 2 approvals', 'officers A and B on T-CONSOLE-1 (B\u2019s is audited as the settlement); the rejection is no approval');
  await page.screenshot({ path: screenshotPath('07-audit-approvals-per-day'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
  const csvPath = await download.path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(csvPath, 'utf8');
  t.regex(csv, /transfer-approved/);
  t.regex(csv, /T-CONSOLE-1/);
  await page.context().close();
});

test.serial('the regulator picks a bank, reads its pending bridge-out with every verdict and is offered no decision', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'rita');
  // The regulator lands on the overview across banks; the queue is one click away.
  await page.getByTestId('overview').waitFor();
  await page.getByRole('link', { name: 'Queue' }).click();
  await page.getByTestId('filter-bank').waitFor();
  t.is(await page.getByTestId('filter-bank').inputValue(), 'BankAMSP');
  await page.getByTestId('queue-row-BO-CONSOLE-1').waitFor();
  await page.getByTestId('filter-bank').selectOption('BankBMSP');
  await page.getByRole('heading', { name: 'Pending at BankB' }).waitFor();
  t.false(await page.getByTestId('queue-row-BO-CONSOLE-1').isVisible(), 'BankA\u2019s bridge-out is not in BankB\u2019s queue');
  await page.goto(`${harness.server.url}/#/bridge-outs/BO-CONSOLE-1`);
  await page.getByTestId('verdicts').waitFor();
  t.is(await page.getByTestId('status').innerText(), 'PENDING');
  t.true((await page.locator('[data-testid=verdicts] li').count()) > 0);
  t.regex(await page.getByTestId('four-eyes-summary').innerText(), /0 of \d approvals; still missing/);
  t.is(await page.getByTestId('decision').count(), 0, 'the regulator reads but never approves');
  await page.screenshot({ path: screenshotPath('08-regulator-bridge-out'), fullPage: true });
  await page.context().close();
});

test.serial('officer A approves the bridge-out with a reason: the last approval escrows its units and the page shows it', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('queue-row-BO-CONSOLE-1').waitFor();
  await page.getByRole('link', { name: 'BO-CONSOLE-1' }).click();
  await page.getByTestId('decision').waitFor();
  await page.getByTestId('reason').fill('Wallet binding and DeFi eligibility checked');
  await page.getByTestId('approve').click();
  await page.getByTestId('status').filter({ hasText: 'APPROVED' }).waitFor();
  t.regex(await page.getByTestId('four-eyes').innerText(), /Wallet binding and DeFi eligibility checked/);
  const onLedger = await bridgeOutOf(harness.worldState, 'BO-CONSOLE-1');
  t.is(onLedger.status, 'APPROVED');
  t.not(onLedger.nonce, null, 'the escrow numbered its Mint for the validators');
  await page.screenshot({ path: screenshotPath('09-bridge-out-approved'), fullPage: true });
  await page.context().close();
});

test.serial('a session that expires while the page is open brings back the login form at the next click', async (t) => {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'carol');
  await page.getByTestId('logout').waitFor();
  // The queue's own requests must be answered first: a 401 to them would bring back the login
  // before the click, detaching the link (seen as a 30 s click timeout in about 1 run in 3).
  await page.getByTestId('queue-count').waitFor();
  // 31 minutes idle: past the service's 30-minute idle expiry (the fake clock drives sessions and ledger).
  harness.clock.advance(31 * 60);
  await page.getByRole('link', { name: 'Investors' }).click();
  await page.getByTestId('login').waitFor();
  t.false(await page.getByTestId('logout').isVisible());
  await page.context().close();
});

test.serial('the console ran under the service\u2019s CSP without a script error or policy violation', (t) => {
  t.deepEqual(t.context.errors, []);
});
