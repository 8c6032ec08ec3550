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

// Adopting an investor of a bank that left the consortium, in Debian's Chromium against the officer
// service on 127.0.0.1. THE FABRIC SIDE IS A STUB: the real chaincode contracts run in process on
// the stubbed context (compliance/src/officer/testing/in-process-ledger.ts); no peer runs here.
// Every assertion about "the ledger" reads that stub's world state.

type Context = { harness: Harness; browser: Browser; errors: string[] };
const test = anyTest as TestFn<Context>;

const CHLOE = INVESTORS.chloeB;
const NAME = 'Chloe Neuhaus';
const REASON = 'BankB left the consortium; KYC redone by BankA';

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

test.serial('Alice adopts an investor of BankB, which left: the page says BankB left, the form needs a reason, and after adoption the page shows who adopted them from where, when and why', async (t) => {
  const { harness } = t.context;
  // The regulator reads that the bank left, but is offered no adoption.
  const rita = await chloePage(t, 'rita', 'overview');
  t.is(await rita.getByTestId('investor-bank-left').innerText(), 'BankB has left the consortium.');
  t.is(await rita.getByTestId('investor-adopt').count(), 0);
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

  const fill: Readonly<Record<string, string>> = {
    'pii-fullName': NAME,
    'pii-birthDate': '1988-11-23',
    'pii-address-lines-0-': 'Dorfstrasse 9',
    'pii-address-postalCode': '9490',
    'pii-address-city': 'Vaduz',
    'pii-address-country': 'LI',
    'pii-documents-0-reference': 'L7788991',
    'pii-documents-0-issuingCountry': 'LI',
  };
  for (const [field, value] of Object.entries(fill)) await page.getByTestId(`field-${field}`).fill(value);
  await page.getByTestId('field-investor-kycLevel').selectOption('enhanced');
  // No reason: stopped in the browser, nothing sent.
  const before = harness.snapshot();
  await page.getByTestId('adopt-submit').click();
  t.is(await page.getByTestId('field-reason-error').innerText(), 'Reason (required, kept on the ledger) is required.');
  t.deepEqual(harness.snapshot(), before, 'nothing written without a reason');

  await page.getByTestId('field-reason').fill(REASON);
  await page.screenshot({ path: screenshotPath('41-adopt-form'), fullPage: true });
  await page.getByTestId('adopt-submit').click();
  await page.getByTestId('investor-adopted').waitFor();
  const aliceCn = /CN=([^/:]+)/.exec(identityIdOf(PEOPLE.alice.identity))?.[1] ?? '';
  const day = new Date(harness.clock.now()).toISOString();
  t.is(await page.getByTestId('investor-adopted').innerText(), `Adopted from BankB on ${day.slice(0, 10)} ${day.slice(11, 16)} UTC by ${aliceCn}: ${REASON}`);
  t.is(await page.getByTestId('investor-bank-left').count(), 0, 'the investor\u2019s bank is in force again');
  t.is(await page.getByTestId('investor-fact-bank').innerText(), 'BankA');
  await page.screenshot({ path: screenshotPath('42-investor-adopted'), fullPage: true });

  const record = await investorOnLedger(harness.worldState);
  t.like(record, { bankMsp: 'BankAMSP', kycLevel: 'enhanced', kycStatus: 'active', adoptedFrom: { fromBankMsp: 'BankBMSP', adoptedBy: identityIdOf(PEOPLE.alice.identity), reason: REASON } });
  const stored = [...(privateStateOf(harness.worldState).get('_implicit_org_BankAMSP')?.values() ?? [])].map((bytes) => Buffer.from(bytes).toString('utf8')).find((text) => text.includes(NAME));
  t.like(JSON.parse(stored ?? '{}'), { address: { city: 'Vaduz', country: 'LI' }, documents: [{ reference: 'L7788991' }] }, "the new PII is in BankA's private collection");
  await page.context().close();
  t.deepEqual(t.context.errors, []);
});
