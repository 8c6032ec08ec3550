import anyTest, { type ExecutionContext, type TestFn } from 'ava';
import type { Browser, Page } from 'playwright-core';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { identityIdOf, privateStateOf, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { bankBLeaves } from '@trestle/compliance/src/officer/testing/bank-leaves';
import { PEOPLE } from '@trestle/compliance/src/officer/testing/officer-cast';
import { startHarness, type Harness } from '@trestle/compliance/src/officer/testing/officer-harness';
import { screenshotPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { buildConsole } from './support/console-build';
import { openConsole, submitLogin } from './support/console-page';

// Adopting an investor of a bank that left the consortium (request, the regulator's approval, withdrawal), in Debian's Chromium against the officer
// service on 127.0.0.1. THE FABRIC SIDE IS A STUB: the real chaincode contracts run in process on
// the stubbed context (compliance/src/officer/testing/in-process-ledger.ts); no peer runs here.
// Every assertion about "the ledger" reads that stub's world state.

type Context = { harness: Harness; browser: Browser; errors: string[] };
const test = anyTest as TestFn<Context>;

const CHLOE = INVESTORS.chloeB;
const NAME = 'Chloe Neuhaus';
const REASON = 'BankB left the consortium; KYC redone by BankA';
const APPROVAL = 'KYC file and customer consent checked';

async function investorOnLedger(worldState: WorldState): Promise<InvestorRecord> {
  return JSON.parse(await new InvestorContract().GetInvestor(tx(DESK.regulator, worldState).ctx, CHLOE)) as InvestorRecord;
}

/**
 * Logs `username` in and opens chloe's page by her id from the investors page (an officer's list
 * holds only their own bank's investors); the login's landing page is waited for first, or it could
 * undo the navigation.
 */
async function chloePage(t: ExecutionContext<Context>, username: string, landing: string): Promise<Page> {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, username);
  await page.getByTestId(landing).waitFor();
  await page.getByRole('link', { name: 'Investors' }).click();
  await page.getByTestId('investor-open-id').fill(CHLOE);
  await page.getByTestId('investor-open').click();
  await page.getByTestId('investor-detail').waitFor();
  t.is(await page.getByTestId('investor-detail').getByRole('heading').innerText(), `Investor ${CHLOE}`);
  return page;
}

/**
 * Logs the regulator in and reaches chloe's page from the overview's "Adoptions waiting" list (the
 * regulator's landing page), not by typing her id: the list is how the regulator finds the requests.
 */
async function chloeFromOverview(t: ExecutionContext<Context>): Promise<Page> {
  const { harness, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'rita');
  await page.getByTestId('overview').waitFor();
  t.is(await page.getByTestId('adoptions-waiting-title').innerText(), 'Adoptions waiting (1)');
  const row = page.getByTestId(`adoption-row-${CHLOE}`);
  t.deepEqual(await row.locator('td').allInnerTexts(), [CHLOE, 'BankB \u2192 BankA', shownInstant(harness.clock.now()), cnOf(PEOPLE.alice.identity), REASON]);
  await page.screenshot({ path: screenshotPath('44-overview-adoptions-waiting'), fullPage: true });
  await row.getByRole('link', { name: CHLOE }).click();
  await page.getByTestId('investor-detail').waitFor();
  t.is(await page.getByTestId('investor-detail').getByRole('heading').innerText(), `Investor ${CHLOE}`);
  return page;
}

test.before(async (t) => {
  const consoleDir = buildConsole();
  const harness = await startHarness({ consoleDir });
  await bankBLeaves(harness);
  t.context = { harness, browser: await launchChromium(), errors: [] };
});

test.after.always(async (t) => {
  await t.context.browser?.close();
  await t.context.harness?.close();
});

const PERSONAL_DATA: Readonly<Record<string, string>> = {
  'pii-fullName': NAME,
  'pii-birthDate': '1988-11-23',
  'pii-address-lines-0-': 'Dorfstrasse 9',
  'pii-address-postalCode': '9490',
  'pii-address-city': 'Vaduz',
  'pii-address-country': 'LI',
  'pii-documents-0-reference': 'L7788991',
  'pii-documents-0-issuingCountry': 'LI',
};

const cnOf = (identity: Parameters<typeof identityIdOf>[0]) => /CN=([^/:]+)/.exec(identityIdOf(identity))?.[1] ?? '';
const shownInstant = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
};

/** From chloe's page, Alice fills the adoption form (enhanced KYC, fresh PII) and sends it with `reason`; the page then shows the waiting request. */
async function requestAdoption(page: Page, reason: string): Promise<void> {
  await page.getByTestId('investor-adopt').click();
  await page.getByTestId('adopt-form').waitFor();
  for (const [field, value] of Object.entries(PERSONAL_DATA)) await page.getByTestId(`field-${field}`).fill(value);
  await page.getByTestId('field-investor-kycLevel').selectOption('enhanced');
  await page.getByTestId('field-reason').fill(reason);
  await page.getByTestId('adopt-submit').click();
  await page.getByTestId('investor-adoption-waiting').waitFor();
}

test.serial('Alice requests to adopt an investor of BankB, which left: the form needs a reason, the page then shows the request waiting for the regulator, and Alice can withdraw it with a reason', async (t) => {
  const { harness } = t.context;
  // The regulator reads that the bank left, but is offered no adoption, and none waits.
  const rita = await chloePage(t, 'rita', 'overview');
  t.is(await rita.getByTestId('investor-bank-left').innerText(), 'BankB has left the consortium.');
  t.is(await rita.getByTestId('investor-adopt').count(), 0);
  t.is(await rita.getByTestId('investor-adoption').count(), 0);
  await rita.getByRole('link', { name: 'Overview' }).click();
  await rita.getByTestId('adoptions-waiting').waitFor();
  t.is(await rita.getByTestId('adoptions-waiting-title').innerText(), 'Adoptions waiting (0)', 'the overview says no request waits');
  await rita.context().close();

  const page = await chloePage(t, 'alice', 'queue-count');
  t.regex(await page.getByTestId('investor-bank-left').innerText(), /^BankB has left the consortium\. /);
  t.is(await page.getByTestId('investor-adopted').count(), 0, 'not adopted yet');
  await page.screenshot({ path: screenshotPath('40-investor-bank-left'), fullPage: true });
  await page.getByTestId('investor-adopt').click();
  await page.getByTestId('adopt-form').waitFor();
  t.is(await page.getByTestId('field-investor-investorId').inputValue(), CHLOE);
  const held = await investorOnLedger(harness.worldState);
  t.is(held.bankMsp, 'BankBMSP');
  t.is(await page.getByTestId('field-investor-jurisdiction').inputValue(), held.jurisdiction, 'the public record starts as the ledger holds it');
  t.is(await page.getByTestId('field-investor-sanctions-listVersion').inputValue(), held.sanctions.listVersion);
  for (const [field, value] of Object.entries(PERSONAL_DATA)) await page.getByTestId(`field-${field}`).fill(value);
  // No reason: stopped in the browser, nothing sent.
  const before = harness.snapshot();
  await page.getByTestId('adopt-submit').click();
  t.is(await page.getByTestId('field-reason-error').innerText(), 'Reason (required, kept on the ledger) is required.');
  t.deepEqual(harness.snapshot(), before, 'nothing written without a reason');
  await page.getByTestId('field-reason').fill('First try');
  await page.screenshot({ path: screenshotPath('41-adopt-form'), fullPage: true });
  await page.getByTestId('adopt-submit').click();
  await page.getByTestId('investor-adoption-waiting').waitFor();
  t.is(await page.getByTestId('investor-adoption-waiting').innerText(), `BankA asked to adopt on ${shownInstant(harness.clock.now())}: First try \u2014 waiting for the regulator`);
  t.is(await page.getByTestId('investor-fact-bank').innerText(), 'BankB', 'nothing moves before the regulator decides');
  t.is(await page.getByTestId('investor-adopt').count(), 0, 'no second request while one waits');
  t.like(JSON.parse(await new InvestorContract().GetAdoption(tx(DESK.regulator, harness.worldState).ctx, CHLOE)), { toBankMsp: 'BankAMSP', reason: 'First try' });

  // Withdraw needs a reason: the button stays disabled without one.
  t.true(await page.getByTestId('adoption-withdraw').isDisabled());
  await page.getByTestId('investor-adoption-reason').fill('Wrong customer file');
  await page.getByTestId('adoption-withdraw').click();
  await page.getByTestId('investor-adopt').waitFor();
  t.is(await page.getByTestId('investor-adoption-waiting').count(), 0);
  t.is((await investorOnLedger(harness.worldState)).bankMsp, 'BankBMSP');
  await t.throwsAsync(new InvestorContract().GetAdoption(tx(DESK.regulator, harness.worldState).ctx, CHLOE), { message: /INVESTOR_ADOPTION_NOT_FOUND/ });
  await page.context().close();
  t.deepEqual(t.context.errors, []);
});

test.serial('Alice requests the adoption and sees it in her bank\u2019s list, the regulator logs in, finds it under Adoptions waiting on the overview, follows it to the investor and approves it with a reason, and Alice then sees the investor as BankA\u2019s with who approved it', async (t) => {
  const { harness } = t.context;
  const alice = await chloePage(t, 'alice', 'queue-count');
  await requestAdoption(alice, REASON);
  t.is(await alice.getByTestId('adoption-approve').count(), 0, 'an officer cannot approve');
  // Her bank's own waiting requests are listed on the investors page, as the chaincode filters them.
  t.is(await alice.getByTestId('adoptions-waiting-title').innerText(), 'BankA\u2019s adoption requests waiting (1)');
  t.is(await alice.getByTestId(`adoption-row-${CHLOE}`).count(), 1);
  await alice.context().close();

  const rita = await chloeFromOverview(t);
  t.is(await rita.getByTestId('investor-adoption-waiting').innerText(), `BankA asked to adopt on ${shownInstant(harness.clock.now())}: ${REASON} \u2014 waiting for the regulator`);
  t.is(await rita.getByTestId('adoption-withdraw').count(), 0);
  t.true(await rita.getByTestId('adoption-approve').isDisabled(), 'approval needs a reason');
  t.true(await rita.getByTestId('adoption-reject').isDisabled(), 'rejection needs a reason');
  await rita.screenshot({ path: screenshotPath('42-adoption-waiting'), fullPage: true });
  await rita.getByTestId('investor-adoption-reason').fill(APPROVAL);
  await rita.getByTestId('adoption-approve').click();
  await rita.getByTestId('investor-adopted').waitFor();
  const expected = `Adopted from BankB on ${shownInstant(harness.clock.now())} by ${cnOf(PEOPLE.alice.identity)}: ${REASON}; approved by ${cnOf(PEOPLE.rita.identity)}: ${APPROVAL}`;
  t.is(await rita.getByTestId('investor-adopted').innerText(), expected);
  t.is(await rita.getByTestId('investor-adoption').count(), 0, 'the request is decided');
  await rita.getByRole('link', { name: 'Overview' }).click();
  await rita.getByTestId('adoptions-waiting').waitFor();
  t.is(await rita.getByTestId('adoptions-waiting-title').innerText(), 'Adoptions waiting (0)', 'the approved request left the list');
  await rita.context().close();

  const page = await chloePage(t, 'alice', 'queue-count');
  t.is(await page.getByTestId('investor-adopted').innerText(), expected);
  t.is(await page.getByTestId('investor-bank-left').count(), 0, 'the investor\u2019s bank is in force again');
  t.is(await page.getByTestId('investor-fact-bank').innerText(), 'BankA');
  t.is(await page.getByTestId('investor-edit').count(), 1, 'BankA\u2019s officer now acts for the investor');
  await page.screenshot({ path: screenshotPath('43-investor-adopted'), fullPage: true });

  const record = await investorOnLedger(harness.worldState);
  t.like(record, { bankMsp: 'BankAMSP', kycLevel: 'enhanced', kycStatus: 'active', adoptedFrom: { fromBankMsp: 'BankBMSP', adoptedBy: identityIdOf(PEOPLE.alice.identity), reason: REASON, approvedBy: identityIdOf(PEOPLE.rita.identity), approvalReason: APPROVAL } });
  const stored = [...(privateStateOf(harness.worldState).get('_implicit_org_BankAMSP')?.values() ?? [])].map((bytes) => Buffer.from(bytes).toString('utf8')).find((text) => text.includes(NAME));
  t.like(JSON.parse(stored ?? '{}'), { address: { city: 'Vaduz', country: 'LI' }, documents: [{ reference: 'L7788991' }] }, "the new PII is in BankA's private collection");
  await page.context().close();
  t.deepEqual(t.context.errors, []);
});
