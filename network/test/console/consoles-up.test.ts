// First: fabric-network's own failure logs go to the stack's logs/fabric-client.log.
import '../transfers/quiet-fabric-client';
import test from 'ava';
import { readFileSync, statSync } from 'node:fs';
import { OfficerClient } from '@trestle/compliance/src/officer/testing/officer-client';
import { consolesUp, consoleProcessName, stopConsoles, type ConsolesUpResult, type OfficerConsole } from '../../src/cli/consoles-up';
import { runningPid } from '../../src/process/managed-process';
import { testStack } from '../../src/stack/stack-config';
import { ensurePeopleRoles, sessionOf, uniqueSuffix } from '../support/ledger-people';
import { ledgerCli, tokenizedAsset, type LedgerCli } from '../support/tokenized-asset';

// The task npm start runs after the validators (consoles-up.ts), on the real network: one detached
// `officer serve` per bank and the regulator, logged in to over HTTP with the stack's generated
// password. Serial like every integration suite; the processes are stopped at the end.

const stack = testStack();
let cli: LedgerCli | undefined;

test.after.always(async () => {
  await stopConsoles(stack);
  cli?.dispose();
});

type PendingPage = { bankMsp: string; records: Array<{ transfer: { transferId: string } }>; bookmark: string };

/** A fresh BankA → BankB transfer waiting for both banks' officers, requested through the CLI. */
async function pendingTransfer(): Promise<string> {
  await ensurePeopleRoles(stack);
  cli = ledgerCli(stack);
  const asset = await tokenizedAsset(cli, { tag: 'CUP', policy: { lockupSeconds: 0 } });
  const transferId = `T-CUP-${uniqueSuffix()}`;
  await cli.json('transfer', 'request', '--as', 'bankA/operator1', '--asset', asset.assetId, '--from', asset.investors.a1, '--to', asset.investors.b1, '--amount', '5000', '--id', transferId);
  return transferId;
}

/** Every transfer id of the bank's queue as the console pages it (bounded: a shared network's queue is short). */
async function queueThroughConsole(client: OfficerClient, bank: string): Promise<string[]> {
  const ids: string[] = [];
  let bookmark = '';
  for (let pageNumber = 0; pageNumber < 20; pageNumber += 1) {
    const answer = await client.send('GET', `/api/v1/pending/transfers?bank=${bank}&pageSize=50${bookmark === '' ? '' : `&bookmark=${encodeURIComponent(bookmark)}`}`);
    if (answer.status !== 200) throw new Error(`queue of ${bank}: ${answer.status} ${answer.text}`);
    const page = answer.body as PendingPage;
    ids.push(...page.records.map((record) => record.transfer.transferId));
    if (page.bookmark === '' || page.records.length === 0) break;
    bookmark = page.bookmark;
  }
  return ids;
}

const consoleOf = (result: ConsolesUpResult, name: string): OfficerConsole => {
  const found = result.consoles.find((officerConsole) => officerConsole.name === name);
  if (found === undefined) throw new Error(`no console for ${name}`);
  return found;
};

async function loggedIn(officerConsole: OfficerConsole, username: string, password: string): Promise<OfficerClient> {
  const client = new OfficerClient(officerConsole.url);
  const answer = await client.login(username, password);
  if (answer.status !== 200) throw new Error(`login as ${username} at ${officerConsole.url} failed (${answer.status}): ${answer.text}`);
  return client;
}

/** BankA's queue as the ledger gives it to officer1 directly, transfer ids only. */
async function ledgerQueueOfBankA(): Promise<string[]> {
  const officer = await sessionOf(stack, 'bankA/officer1');
  try {
    const page = JSON.parse(Buffer.from(await officer.contract('TransferContract').evaluateTransaction('ListPendingTransfers', 'BankAMSP', '25', '')).toString('utf8')) as { records: Array<{ transferId: string }> };
    return page.records.map((record) => record.transferId);
  } finally {
    await officer.close();
  }
}

test.serial("npm start's consoles task serves every org's console on the real ledger with the stack's password; run again it restarts them and the password still opens them", async (t) => {
  const transferId = await pendingTransfer();
  const first = await consolesUp(stack, () => {});
  t.deepEqual(
    first.consoles.map((officerConsole) => officerConsole.name),
    ['BankA', 'BankB', 'BankC', 'Regulator'],
  );
  t.is(statSync(first.passwordFile).mode & 0o777, 0o600, 'the password file is readable by its owner only');
  const password = readFileSync(first.passwordFile, 'utf8').trim();
  t.true(password.length >= 12);
  const bankA = consoleOf(first, 'BankA');
  const regulator = consoleOf(first, 'Regulator');

  const officer1 = await loggedIn(bankA, 'officer1', password);
  const session = await officer1.send('GET', '/api/v1/session');
  t.like(session.body, { username: 'officer1', mspId: 'BankAMSP', role: 'compliance-officer', features: { evidenceVault: false } }, 'logged in as BankA\'s officer1, without the evidence vault');
  const queue = await officer1.send('GET', '/api/v1/pending/transfers');
  t.is(queue.status, 200, queue.text);
  const page = queue.body as PendingPage;
  t.is(page.bankMsp, 'BankAMSP');
  t.deepEqual(page.records.map((record) => record.transfer.transferId), await ledgerQueueOfBankA(), "the console's queue is the ledger's");
  t.true((await queueThroughConsole(officer1, 'BankAMSP')).includes(transferId), 'the transfer just requested waits in BankA\'s queue on the console');
  t.like((await officer1.send('GET', `/api/v1/transfers/${transferId}`)).body, { transfer: { transferId, status: 'PENDING' } });

  const rita = await loggedIn(regulator, 'rita', password);
  const regulatorQueue = await rita.send('GET', '/api/v1/pending/transfers?bank=BankBMSP');
  t.is(regulatorQueue.status, 200, regulatorQueue.text);
  t.is((regulatorQueue.body as PendingPage).bankMsp, 'BankBMSP', "the regulator reads a bank's queue through her own org's console");
  t.true((await queueThroughConsole(rita, 'BankBMSP')).includes(transferId), "the receiver's bank's queue, read by the regulator, holds it too");

  const index = await fetch(`${bankA.url}/`);
  t.is(index.status, 200);
  t.regex(index.headers.get('content-type') ?? '', /^text\/html/);
  t.regex(await index.text(), /<title>Trestle · Compliance console<\/title>/);

  const refused = await new OfficerClient(bankA.url).login('officer1', `${password}x`);
  t.is(refused.status, 401, 'a wrong password is refused');
  t.is((await new OfficerClient(bankA.url).login('rita', password)).status, 401, "BankA's console has no account for the regulator");

  const pids = first.consoles.map((officerConsole) => runningPid(stack.home, consoleProcessName(officerConsole.org)));
  t.true(pids.every((pid) => pid !== undefined), 'one officer process per org runs');

  const second = await consolesUp(stack, () => {});
  const restarted = second.consoles.map((officerConsole) => runningPid(stack.home, consoleProcessName(officerConsole.org)));
  t.true(restarted.every((pid, position) => pid !== undefined && pid !== pids[position]), 'each officer process was restarted');
  t.is(readFileSync(second.passwordFile, 'utf8').trim(), password, 'the password is kept');
  const again = await loggedIn(consoleOf(second, 'BankC'), 'officer2', password);
  t.is((await again.send('GET', '/api/v1/pending/transfers')).status, 200);
  t.is((await officer1.send('GET', '/api/v1/session')).status, 401, 'sessions do not outlive the process that issued them');
  t.is((await loggedIn(bankA, 'officer1', password).then((client) => client.send('GET', '/api/v1/pending/transfers'))).status, 200);

  t.deepEqual(
    await stopConsoles(stack),
    first.consoles.map((officerConsole) => consoleProcessName(officerConsole.org)),
  );
  t.true(first.consoles.every((officerConsole) => runningPid(stack.home, consoleProcessName(officerConsole.org)) === undefined), 'no officer process is left');
});
