import anyTest, { type TestFn } from 'ava';
import type { Browser } from 'playwright-core';
import { EvidenceContract } from '@trestle/chaincode/src/evidence/evidence-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { AFTER_LOCKUP, DESK, request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { startHarness, type Harness } from '@trestle/compliance/src/officer/testing/officer-harness';
import type { AccessConditions } from '@trestle/compliance/src/vault/conditions/access-conditions';
import { accessRecords } from '@trestle/compliance/src/vault/testing/ledger-vault-world';
import { startShareServiceHarness, type ShareServiceHarness } from '@trestle/compliance/src/vault/testing/share-service-harness';
import { HAS_OPENSSL } from '@trestle/compliance/src/vault/testing/vault-tls';
import { screenshotPath } from './support/artifacts';
import { launchChromium } from './support/chromium';
import { buildConsole } from './support/console-build';
import { openConsole, submitLogin } from './support/console-page';
import { bankAVaultOf } from './support/kyc-vault';

// Officer A opens the sender's encrypted KYC file from the transfer page, through three banks'
// share services over HTTPS with mutual TLS (throwaway openssl certificates). THE LEDGER IS A
// STUB: the officer service and the share services' gates share one in-process chaincode world
// (the real contracts on a stubbed context).

type Context = { harness: Harness; shares: ShareServiceHarness; browser: Browser; errors: string[] };
const test = anyTest as TestFn<Context>;
const vaultTest = HAS_OPENSSL ? test.serial : test.serial.skip;
if (!HAS_OPENSSL) console.log('[console kyc test] skipped: the openssl command is not available to make test certificates');

const INVESTOR = 'INV-A-0001';
const FILE_ID = `KYC-${INVESTOR}`;
const KYC_TEXT = 'Passport P1234567 checked in branch; proof of address: utility bill, 2026-02.';
const EXTRA_FILES = 12;
const conditions: AccessConditions = { vault: 'trestle', fileId: FILE_ID, investorId: INVESTOR, bankMsp: 'BankAMSP', allowedRoles: ['compliance-officer', 'regulator'] };

test.before(async (t) => {
  if (!HAS_OPENSSL) return;
  const consoleDir = buildConsole();
  const index = new Map<string, string>();
  // The share services start second, on the officer service's stub ledger; the vault reads them late.
  const started: { shares?: ShareServiceHarness } = {};
  const harness = await startHarness({ consoleDir, vault: bankAVaultOf(() => started.shares ?? assertStarted(), index) });
  const shares = await startShareServiceHarness(harness.worldState);
  started.shares = shares;
  const kyc = new TextEncoder().encode(KYC_TEXT);
  const { contentHash, envelope } = await shares.vaultOf('BankA').seal(kyc, conditions);
  index.set(`${INVESTOR}/${FILE_ID}`, contentHash);
  // BankA's officer registers the sealed file on the ledger, as `officer seal-evidence` does: the console lists it from there.
  const file = { investorId: INVESTOR, fileId: FILE_ID, kind: 'kyc', contentHash, dataHash: envelope.dataHash, size: kyc.length };
  await new EvidenceContract().RegisterEvidence(tx(DESK.officerA, harness.worldState, { at: AFTER_LOCKUP }).ctx, JSON.stringify(file));
  // More files than one page holds (the console asks 10 at a time): legal documents filed after the KYC file.
  for (let n = 1; n <= EXTRA_FILES; n++) {
    const hash = n.toString(16).padStart(2, '0').repeat(32);
    const extra = { investorId: INVESTOR, fileId: `LEGAL-${String(n).padStart(2, '0')}`, kind: 'legal', contentHash: hash, dataHash: hash, size: 100 + n };
    await new EvidenceContract().RegisterEvidence(tx(DESK.officerA, harness.worldState, { at: AFTER_LOCKUP }).ctx, JSON.stringify(extra));
  }
  await request(harness.worldState, transferRequest('T-KYC-1', 3_000n));
  t.context = { harness, shares, browser: await launchChromium(), errors: [] };
});

function assertStarted(): never {
  throw new Error('the share services are not started yet');
}

test.after.always(async (t) => {
  await t.context.browser?.close();
  await t.context.shares?.close();
  await t.context.harness?.close();
});

vaultTest('officer A opens the sender\u2019s KYC file with 2 of 3 share services up, is refused with 1 of 3 and sees why, then approves with a reason', async (t) => {
  const { harness, shares, browser, errors } = t.context;
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('queue-row-T-KYC-1').waitFor();
  await page.getByRole('link', { name: 'T-KYC-1' }).click();
  const key = `${INVESTOR}-${FILE_ID}`;
  await page.getByTestId(`open-evidence-${key}`).waitFor();
  t.regex(await page.getByTestId(`evidence-file-${key}`).innerText(), new RegExp(`^${FILE_ID}: kyc file, ${KYC_TEXT.length} bytes, registered .* by BankAMSP`));
  t.regex(await page.getByTestId('evidence-INV-B-0001').innerText(), /^INV-B-0001’s evidence files are for the officers of BankB and the regulator\.$/, "chloe's files are BankB's: not asked for");

  await shares.stop(2);
  await page.getByTestId(`open-evidence-${key}`).click();
  await page.getByTestId(`evidence-text-${key}`).waitFor();
  t.is(await page.getByTestId(`evidence-text-${key}`).innerText(), KYC_TEXT);
  await page.screenshot({ path: screenshotPath('20-kyc-opened-2-of-3'), fullPage: true });
  const granted = (await accessRecords(harness.worldState, INVESTOR, FILE_ID)).map((record) => [record.shareIndex, record.outcome]).sort();
  t.deepEqual(granted, [[1, 'granted'], [3, 'granted']], 'the two answering services recorded the access on the ledger');

  await shares.stop(3);
  await page.getByTestId(`open-evidence-${key}`).click();
  await page.getByTestId(`evidence-error-${key}`).waitFor();
  t.regex(await page.getByTestId(`evidence-error-${key}`).innerText(), /^Not enough banks’ share services are reachable to open this file right now\. .*\(VAULT_NOT_ENOUGH_SHARES\)$/);
  t.false(await page.getByTestId(`evidence-text-${key}`).isVisible(), 'the file is no longer shown');
  await page.screenshot({ path: screenshotPath('21-kyc-refused-1-of-3'), fullPage: true });

  await page.getByTestId('reason').fill('KYC file read; identity and address match');
  await page.getByTestId('approve').click();
  await page.getByText('1 of 2 approvals', { exact: false }).waitFor();
  t.regex(await page.getByTestId('four-eyes').innerText(), /KYC file read; identity and address match/);
  await page.screenshot({ path: screenshotPath('22-kyc-approved'), fullPage: true });
  // Chromium logs the refused fetch (503) as a console error; that answer is the expected one.
  t.deepEqual(errors.filter((line) => !/status of 503/.test(line)), []);
  await page.context().close();
});

vaultTest('the transfer page lists a party\'s evidence files ten at a time, and "More files" shows the rest', async (t) => {
  const { harness, browser } = t.context;
  const errors: string[] = [];
  const page = await openConsole(browser, harness.server.url, errors);
  await submitLogin(page, 'alice');
  await page.getByTestId('queue-row-T-KYC-1').waitFor();
  await page.getByRole('link', { name: 'T-KYC-1' }).click();
  const count = page.getByTestId(`evidence-count-${INVESTOR}`);
  await count.waitFor();
  t.is(await count.innerText(), '10 files shown; the ledger has more.');
  const rows = page.locator(`[data-testid^="evidence-file-${INVESTOR}-"]`);
  t.is(await rows.count(), 10);
  t.is(await page.getByTestId(`evidence-file-${INVESTOR}-${FILE_ID}`).count(), 1, 'the KYC file sorts first');

  await page.getByTestId(`evidence-more-${INVESTOR}`).click();
  await page.getByText(`${1 + EXTRA_FILES} files.`, { exact: true }).waitFor();
  t.is(await rows.count(), 1 + EXTRA_FILES);
  t.is(await page.getByTestId(`evidence-file-${INVESTOR}-LEGAL-12`).count(), 1);
  t.is(await page.getByTestId(`evidence-more-${INVESTOR}`).count(), 0, 'nothing more to ask for');
  t.deepEqual(errors, []);
  await page.context().close();
});
