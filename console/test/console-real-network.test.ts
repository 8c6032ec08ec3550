import '@trestle/network/test/transfers/quiet-fabric-client';
import anyTest, { type TestFn } from 'ava';
import type { Browser } from 'playwright-core';
import type { EvidenceAccessRecord } from '@trestle/compliance/src/ledger/evidence-access';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import { OfficerClient } from '@trestle/compliance/src/officer/testing/officer-client';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { ConsortiumVault } from '@trestle/compliance/src/vault/backends/consortium-vault';
import { HttpShareSource } from '@trestle/compliance/src/vault/share-service/http/http-share-source';
import { FileVaultStore } from '@trestle/compliance/src/vault/store/file-vault-store';
import { HAS_OPENSSL } from '@trestle/compliance/src/vault/testing/vault-tls';
import { testStack } from '@trestle/network/src/stack/stack-config';
import { pollUntil } from '@trestle/network/test/support/fabric-poll';
import { identityIdOf, sessionOf } from '@trestle/network/test/support/ledger-people';
import { launchChromium } from './support/chromium';
import { buildConsole } from './support/console-build';
import { measureMs, openConsole, pageLoadMs, submitLogin } from './support/console-page';
import { realScreenshotPath, writeRealTimings } from './support/real-artifacts';
import { buildRealConsoleWorld, KYC_TEXT, REAL_ACCOUNTS, requestTransfer, type RealConsoleWorld } from './support/real-console-world';

// Issue 7 on the REAL three-bank Fabric network (npm test's shared one, or the stack TRESTLE_HOME
// names): BankA's and BankB's officer services run the fabric-network gateway connector with each
// officer's own wallet identity, the three share services gate and record file access on the
// ledger as their banks' `vault` identities, and Debian's Chromium drives the console. The asset,
// investors and transfers are made through the CLI with fresh ids; nothing here is a stub.

type Context = { world: RealConsoleWorld; browser: Browser; errors: string[] };
const test = anyTest as TestFn<Context>;
const serial = HAS_OPENSSL ? test.serial : test.serial.skip;
if (!HAS_OPENSSL) console.log('[console real-network test] skipped: the openssl command is not available to make the share services\' certificates');

const stack = testStack();

test.before(async (t) => {
  if (!HAS_OPENSSL) return;
  const consoleDir = buildConsole();
  t.context = { world: await buildRealConsoleWorld(stack, consoleDir), browser: await launchChromium(), errors: [] };
});

test.after.always(async (t) => {
  await t.context.browser?.close();
  await t.context.world?.close();
});

const transferOf = (world: RealConsoleWorld, transferId: string) => world.cli.json<TransferRecord>('transfer', 'show', transferId, '--as', 'regulator/rita');
const holdingOf = (world: RealConsoleWorld, investorId: string) => world.cli.json<HoldingRecord>('asset', 'holding', world.asset.assetId, investorId, '--as', 'regulator/rita');

async function loggedIn(url: string, username: string): Promise<OfficerClient> {
  const client = new OfficerClient(url);
  const answer = await client.login(username);
  if (answer.status !== 200) throw new Error(`login as ${username} failed: ${answer.text}`);
  return client;
}

serial('officer A1 sees the pending transfer, opens the KYC file with 2 of 3 share services up and is refused with 1 of 3, approves with a reason; B1 approves and the page shows SETTLED', async (t) => {
  const { world, browser, errors } = t.context;
  const { transferId, kyc } = world;
  const sender = world.asset.investors.a1;
  const before = { sender: await holdingOf(world, sender), receiver: await holdingOf(world, world.asset.investors.b1) };

  const a = await openConsole(browser, world.bankA.server.url, errors, [503]);
  const loginLoadMs = await pageLoadMs(a);
  await submitLogin(a, REAL_ACCOUNTS.a1.username);
  await a.getByTestId(`queue-row-${transferId}`).waitFor({ timeout: 30_000 });
  t.regex(await a.getByTestId('who').innerText(), /Officer A1 .*BankA/);
  t.regex(await a.getByTestId(`queue-row-${transferId}`).innerText(), /5\u2009000/);
  await a.screenshot({ path: realScreenshotPath('01-queue-officer-a1'), fullPage: true });

  // The reload with the session cookie in lands on the queue: the page load that counts.
  await a.reload();
  await a.getByTestId(`queue-row-${transferId}`).waitFor({ timeout: 30_000 });
  const queueLoadMs = await pageLoadMs(a);
  const queueVisibleMs = await a.evaluate(() => performance.now());

  await a.getByRole('link', { name: transferId }).click();
  await a.getByTestId('verdicts').waitFor();
  t.is(await a.getByTestId('status').innerText(), 'PENDING');
  t.regex(await a.getByTestId('four-eyes-summary').innerText(), /0 of 2 approvals; still missing: an officer of the sender's bank BankAMSP; an officer of the receiver's bank BankBMSP/);

  const key = `${sender}-${kyc.fileId}`;
  await a.getByTestId(`open-evidence-${key}`).waitFor();
  t.regex(await a.getByTestId(`evidence-file-${key}`).innerText(), new RegExp(`^${kyc.fileId}: kyc file, ${KYC_TEXT.length} bytes, registered .* by BankAMSP`));
  await world.shares.stop(2);
  // Click to text, timed from the test's side: two share services each read the requester's roles and record the access on the ledger.
  const openStarted = performance.now();
  await a.getByTestId(`open-evidence-${key}`).click();
  await a.getByTestId(`evidence-text-${key}`).waitFor({ timeout: 30_000 });
  const kycOpenMs = performance.now() - openStarted;
  t.is(await a.getByTestId(`evidence-text-${key}`).innerText(), KYC_TEXT);
  await a.screenshot({ path: realScreenshotPath('02-kyc-opened-2-of-3'), fullPage: true });
  const officerA1 = identityIdOf(stack, REAL_ACCOUNTS.a1.identity);
  const grants = (await accessRecords(world, sender, kyc.fileId)).filter((record) => record.requester.identityId === officerA1);
  t.deepEqual(grants.map((record) => [record.shareIndex, record.outcome, record.answeringMsp]).sort(), [[1, 'granted', 'BankAMSP'], [3, 'granted', 'BankCMSP']], "the two answering services recorded A1's access on the ledger, each as its own bank");

  await world.shares.stop(3);
  await a.getByTestId(`open-evidence-${key}`).click();
  await a.getByTestId(`evidence-error-${key}`).waitFor({ timeout: 30_000 });
  t.regex(await a.getByTestId(`evidence-error-${key}`).innerText(), /^Not enough banks’ share services are reachable to open this file right now\. .*\(VAULT_NOT_ENOUGH_SHARES\)$/);
  t.false(await a.getByTestId(`evidence-text-${key}`).isVisible(), 'the file is no longer shown');
  await a.screenshot({ path: realScreenshotPath('03-kyc-refused-1-of-3'), fullPage: true });
  await world.shares.restart(2, 3);

  await a.getByTestId('reason').fill('KYC file read on the real network; identity and address match');
  await a.getByTestId('approve').click();
  await a.getByText('1 of 2 approvals', { exact: false }).waitFor({ timeout: 60_000 });
  const approveA1Ms = await measureMs(a, 'approve-round-trip');
  t.is(await a.getByTestId('status').innerText(), 'PENDING');
  t.regex(await a.getByTestId('four-eyes').innerText(), /KYC file read on the real network; identity and address match/);
  await a.screenshot({ path: realScreenshotPath('04-approved-by-officer-a1'), fullPage: true });
  const afterA1 = await transferOf(world, transferId);
  t.is(afterA1.status, 'PENDING');
  t.deepEqual(afterA1.approvals.map(({ officerId, officerMsp }) => [officerId, officerMsp]), [[officerA1, 'BankAMSP']], "the approval is signed by A1's own identity");

  const b = await openConsole(browser, world.bankB.server.url, errors);
  await submitLogin(b, REAL_ACCOUNTS.b1.username);
  await b.getByTestId(`queue-row-${transferId}`).waitFor({ timeout: 30_000 });
  await b.getByRole('link', { name: transferId }).click();
  await b.getByTestId('reason').fill('Receiver verified at BankB');
  await b.getByTestId('approve').click();
  await b.getByTestId('status').getByText('SETTLED').waitFor({ timeout: 60_000 });
  const approveB1Ms = await measureMs(b, 'approve-round-trip');
  t.regex(await b.getByTestId('four-eyes-summary').innerText(), /2 approvals recorded; the request is SETTLED/);
  await b.screenshot({ path: realScreenshotPath('05-settled-officer-b1'), fullPage: true });

  const settled = await transferOf(world, transferId);
  t.is(settled.status, 'SETTLED', 'the ledger agrees with the page');
  t.deepEqual(settled.approvals.map((approval) => approval.officerId), [officerA1, identityIdOf(stack, REAL_ACCOUNTS.b1.identity)]);
  t.is((await holdingOf(world, sender)).balance, (BigInt(before.sender.balance) - 5_000n).toString());
  t.is((await holdingOf(world, world.asset.investors.b1)).balance, (BigInt(before.receiver.balance) + 5_000n).toString());

  const timings = { loginPageLoadMs: loginLoadMs, queuePageLoadMs: queueLoadMs, queueVisibleAfterNavigationMs: queueVisibleMs, approveRoundTripOfficerA1Ms: approveA1Ms, approveRoundTripOfficerB1Ms: approveB1Ms, kycOpenTwoOfThreeMs: kycOpenMs };
  for (const value of Object.values(timings)) t.true(Number.isFinite(value) && value > 0, 'every timing was measured');
  const file = writeRealTimings(timings);
  t.log(`page load (login page) ${loginLoadMs.toFixed(1)} ms; page load (queue, logged in) ${queueLoadMs.toFixed(1)} ms, queue rows visible at ${queueVisibleMs.toFixed(1)} ms`);
  t.log(`approve round trip on the real network: officer A1 ${approveA1Ms.toFixed(1)} ms, officer B1 (settles) ${approveB1Ms.toFixed(1)} ms (${file})`);
  t.log(`KYC file opened with 2 of 3 share services, click to text: ${kycOpenMs.toFixed(1)} ms`);
  t.deepEqual(errors.filter((line) => !/status of 503/.test(line)), [], 'no script error or CSP violation; the refused file answered 503');
  await a.context().close();
  await b.context().close();
});

serial("a BankA officer cannot approve BankB's side: a BankB-only transfer is refused CALLER_OF_OTHER_BANK, and BankA's approval never stands in for BankB's", async (t) => {
  const { world } = t.context;
  const { b1, b2, a2 } = world.asset.investors;
  const bankBOnly = await requestTransfer(world.cli, world.asset, b1, b2, 1_000n, 'bankB/operator1');
  const a1 = await loggedIn(world.bankA.server.url, REAL_ACCOUNTS.a1.username);
  for (const decision of ['approve', 'reject']) {
    const refused = await a1.send('POST', `/api/v1/transfers/${bankBOnly.transferId}/${decision}`, { json: { reason: 'looks fine to me' } });
    t.is(refused.status, 403, refused.text);
    t.like(refused.body, { code: 'CALLER_OF_OTHER_BANK' });
  }
  const untouched = await transferOf(world, bankBOnly.transferId);
  t.is(untouched.status, 'PENDING');
  t.deepEqual(untouched.approvals, [], 'the refused approval wrote nothing');

  const aToB = await requestTransfer(world.cli, world.asset, a2, b2, 1_000n, 'bankA/operator1');
  const first = await a1.send('POST', `/api/v1/transfers/${aToB.transferId}/approve`, { json: { reason: 'sender checked' } });
  t.is(first.status, 200, first.text);
  t.like(first.body, { transfer: { status: 'PENDING' }, missingApprovals: ["an officer of the receiver's bank BankBMSP"] });
  const again = await a1.send('POST', `/api/v1/transfers/${aToB.transferId}/approve`, { json: { reason: 'and again' } });
  t.is(again.status, 409, again.text);
  t.like(again.body, { code: 'TRANSFER_ALREADY_APPROVED' });
  const a2Officer = await loggedIn(world.bankA.server.url, REAL_ACCOUNTS.a2.username);
  // Below the four-eyes threshold a second BankA officer's approval is taken, and still is no BankB approval.
  const second = await a2Officer.send('POST', `/api/v1/transfers/${aToB.transferId}/approve`, { json: { reason: 'a second BankA officer' } });
  t.is(second.status, 200, second.text);
  t.like(second.body, { transfer: { status: 'PENDING' }, missingApprovals: ["an officer of the receiver's bank BankBMSP"] });
  const onLedger = await transferOf(world, aToB.transferId);
  t.is(onLedger.status, 'PENDING', 'officers of the sender\u2019s bank alone settle nothing');
  t.false(onLedger.approvals.some((approval) => approval.officerMsp === 'BankBMSP'), 'no approval of BankB without a BankB officer');
});

serial("officers of both banks approving one transfer at the same moment both succeed and it settles (the read conflict the peers raise is submitted again)", async (t) => {
  const { world } = t.context;
  const { a1, b1 } = world.asset.investors;
  const officerA = await loggedIn(world.bankA.server.url, REAL_ACCOUNTS.a1.username);
  const officerB = await loggedIn(world.bankB.server.url, REAL_ACCOUNTS.b1.username);
  // Three rounds: unretried, one of each simultaneous pair was invalidated (MVCC_READ_CONFLICT) in every round tried.
  for (let round = 1; round <= 3; round++) {
    const { transferId } = await requestTransfer(world.cli, world.asset, a1, b1, 100n, 'bankA/operator1');
    const answers = await Promise.all([
      officerA.send('POST', `/api/v1/transfers/${transferId}/approve`, { json: { reason: `round ${round}, sender side` } }),
      officerB.send('POST', `/api/v1/transfers/${transferId}/approve`, { json: { reason: `round ${round}, receiver side` } }),
    ]);
    t.deepEqual(answers.map((answer) => answer.status), [200, 200], answers.map((answer) => answer.text.slice(0, 200)).join('\n'));
    const onLedger = await transferOf(world, transferId);
    t.is(onLedger.status, 'SETTLED', `round ${round}`);
    t.deepEqual(onLedger.approvals.map((approval) => approval.officerMsp).sort(), ['BankAMSP', 'BankBMSP']);
  }
  t.false([...world.bankA.logs, ...world.bankB.logs].some((line) => /MVCC_READ_CONFLICT/.test(line)), 'no conflict reached the log as a failure');
});

serial('the regulator reads any bank\u2019s queue and transfer and freezes a holding, but cannot approve', async (t) => {
  const { world } = t.context;
  const { a1, a2, b2 } = world.asset.investors;
  const pending = await requestTransfer(world.cli, world.asset, a1, b2, 1_500n, 'bankA/operator1');
  const rita = await loggedIn(world.bankB.server.url, REAL_ACCOUNTS.rita.username);
  const queue = await rita.send('GET', '/api/v1/pending/transfers?bank=BankAMSP&pageSize=100');
  t.is(queue.status, 200, queue.text);
  t.true((queue.body as { records: Array<{ transfer: TransferRecord }> }).records.some((record) => record.transfer.transferId === pending.transferId), "BankA's queue, read through BankB's service");
  const read = await rita.send('GET', `/api/v1/transfers/${pending.transferId}`);
  t.is(read.status, 200, read.text);
  t.like(read.body, { transfer: { transferId: pending.transferId, status: 'PENDING' } });

  const approve = await rita.send('POST', `/api/v1/transfers/${pending.transferId}/approve`, { json: { reason: 'regulator says yes' } });
  t.is(approve.status, 403, approve.text);
  t.deepEqual((await transferOf(world, pending.transferId)).approvals, [], 'nothing written');

  const frozenBefore = BigInt((await holdingOf(world, a2)).frozen);
  const freeze = await rita.send('POST', `/api/v1/holdings/${world.asset.assetId}/${a2}/freeze`, { json: { amount: '1000', reason: 'court order 2026/417' } });
  t.is(freeze.status, 200, freeze.text);
  t.is((await holdingOf(world, a2)).frozen, (frozenBefore + 1_000n).toString(), 'the ledger holds the freeze');
  const unfreeze = await rita.send('POST', `/api/v1/holdings/${world.asset.assetId}/${a2}/unfreeze`, { json: { amount: '1000', reason: 'order lifted' } });
  t.is(unfreeze.status, 200, unfreeze.text);
  t.is((await holdingOf(world, a2)).frozen, frozenBefore.toString());
});

serial('a file access by a person without the right is refused by every share service and still recorded on the ledger', async (t) => {
  const { world } = t.context;
  const { kyc } = world;
  const sender = world.asset.investors.a1;
  await world.shares.restart(1, 2, 3);

  // Through BankB's officer service the lookup itself is refused (GetEvidence as B1): no share service is asked.
  const b1 = await loggedIn(world.bankB.server.url, REAL_ACCOUNTS.b1.username);
  const viaService = await b1.send('GET', `/api/v1/investors/${sender}/evidence/${kyc.fileId}`);
  t.is(viaService.status, 403, viaService.text);

  // BankB's vault client asks the share services directly for B1, holding the envelope (it is ciphertext).
  const client = world.shares.clientOf('bankB');
  const vault = new ConsortiumVault({
    key: world.shares.key.publicKey,
    store: new FileVaultStore(world.bankA.env.OFFICER_VAULT_STORE_DIR ?? ''),
    shareSources: world.shares.urls.map((url) => new HttpShareSource({ url, tls: { key: client.key, cert: client.cert, ca: world.shares.serverCas } })),
  });
  const b1Identity = identityIdOf(stack, REAL_ACCOUNTS.b1.identity);
  const error = await t.throwsAsync(vault.open(kyc.contentHash, { identityId: b1Identity, mspId: 'BankBMSP', role: 'compliance-officer' }));
  t.like(error, { code: 'VAULT_ACCESS_DENIED' });

  const refusals = (await accessRecords(world, sender, kyc.fileId)).filter((record) => record.requester.identityId === b1Identity);
  t.deepEqual(refusals.map((record) => [record.shareIndex, record.outcome]).sort(), [[1, 'refused'], [2, 'refused'], [3, 'refused']], 'each share service recorded the refusal');
  t.true(refusals.every((record) => record.reason !== '' && record.fileId === kyc.fileId && record.bankMsp === 'BankAMSP'));
});

serial("the regulator at her own org's service (no peer of its own): the overview across banks and the transfer's audit in the browser, and the KYC file opened over HTTP with every share service recording her access", async (t) => {
  const { world, browser, errors } = t.context;
  const { transferId, kyc } = world;
  await world.shares.restart(1, 2, 3);
  const page = await openConsole(browser, world.regulator.server.url, errors);
  await submitLogin(page, REAL_ACCOUNTS.rita.username);
  await page.getByTestId('overview').waitFor({ timeout: 30_000 });
  for (const bank of ['BankAMSP', 'BankBMSP', 'BankCMSP']) await page.getByTestId(`overview-${bank}-transfers`).waitFor();
  const pendingAtA = await world.cli.json<{ records: TransferRecord[] }>('transfer', 'list', '--as', 'regulator/rita', '--bank', 'BankAMSP', '--page-size', '100');
  const shownAtA = await page.getByTestId('overview-BankAMSP-transfers').innerText();
  t.is(shownAtA, pendingAtA.records.length >= 100 ? '100+' : String(pendingAtA.records.length), "BankA's count is the ledger's");
  await page.screenshot({ path: realScreenshotPath('06-regulator-overview'), fullPage: true });

  await page.getByRole('link', { name: 'Audit' }).click();
  // The page first searches the last two weeks unfiltered; the filtered answer replaces it.
  await page.getByTestId('audit-count').waitFor({ timeout: 30_000 });
  await page.getByTestId('audit-transfer').fill(transferId);
  await page.getByTestId('audit-search').click();
  const transferCells = page.locator('[data-testid=audit] tbody tr td:nth-child(4)');
  await pollUntil('the audit table lists only the transfer', 30_000, async () => {
    const cells = await transferCells.allInnerTexts();
    return cells.length > 0 && cells.every((cell) => cell === transferId) ? true : undefined;
  }, 100);
  await page.getByTestId('audit').getByText('transfer-settled').first().waitFor();
  const bars = await page.locator('[data-testid=audit-results] svg rect.bar title').allTextContents();
  const counted = bars.map((bar) => /^(\d\d-\d\d): (\d+) approvals?$/.exec(bar)).map((match) => [match?.[1], Number(match?.[2])] as const);
  t.is(counted.reduce((sum, [, count]) => sum + count, 0), 2, "A1's approval and B1's settling one");
  const settledDay = (await transferOf(world, transferId)).closure?.at.slice(5, 10);
  t.true(counted.some(([day, count]) => day === settledDay && count >= 1), 'charted on the day the ledger stamped the settlement');
  await page.screenshot({ path: realScreenshotPath('07-regulator-audit-of-the-transfer'), fullPage: true });
  t.deepEqual(errors, []);
  await page.context().close();

  const rita = await loggedIn(world.regulator.server.url, REAL_ACCOUNTS.rita.username);
  const opened = await rita.send('GET', `/api/v1/investors/${world.asset.investors.a1}/evidence/${kyc.fileId}`);
  t.is(opened.status, 200, opened.text);
  t.is(Buffer.from((opened.body as { base64: string }).base64, 'base64').toString('utf8'), KYC_TEXT);
  const ritaIdentity = identityIdOf(stack, REAL_ACCOUNTS.rita.identity);
  const records = (await accessRecords(world, world.asset.investors.a1, kyc.fileId)).filter((record) => record.requester.identityId === ritaIdentity);
  t.deepEqual(records.map((record) => [record.shareIndex, record.outcome, record.requester.mspId, record.requester.role]).sort(), [[1, 'granted', 'RegulatorMSP', 'regulator'], [2, 'granted', 'RegulatorMSP', 'regulator'], [3, 'granted', 'RegulatorMSP', 'regulator']]);
});

/** The access records of one file of a BankA investor, as the regulator reads them with EvidenceContract.ListEvidenceAccess. */
async function accessRecords(world: RealConsoleWorld, investorId: string, fileId: string): Promise<readonly EvidenceAccessRecord[]> {
  const regulator = await sessionOf(world.stack, 'regulator/rita');
  try {
    const answer = await regulator.contract('EvidenceContract').evaluateTransaction('ListEvidenceAccess', 'BankAMSP', investorId, fileId, '100', '');
    return (JSON.parse(Buffer.from(answer).toString('utf8')) as LedgerPage<EvidenceAccessRecord>).records;
  } finally {
    await regulator.close();
  }
}
