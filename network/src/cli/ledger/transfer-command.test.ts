import test from 'ava';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { AFTER_LOCKUP, DAY, daysAfterT0, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import type { TransferVerdict } from '@trestle/compliance/src/rules/evaluate-transfer';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { transferWorld, type TransferWorld } from './testing/transfer-world';

// The transfer commands through the CLI over the in-process stub: the
// story's BankA investor anna sends to BankB's chloe; bankA/bob requests, bankA/alice and
// bankB/carol are the two banks' officers.

const ANNA = INVESTORS.annaA;
const CHLOE = INVESTORS.chloeB;

async function shown(w: TransferWorld, transferId: string): Promise<TransferRecord> {
  const run = await w.run('transfer', 'show', transferId, '--as', 'regulator/rita', '--json');
  return JSON.parse(run.stdout) as TransferRecord;
}


test('a transfer from a BankA to a BankB investor settles only once an officer of each bank approved; the requester cannot approve', async (t) => {
  const w = await transferWorld(t);
  const requested = await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '5000', '--id', 'T-1');
  t.is(requested.exitCode, 0, requested.stderr);
  t.regex(requested.stdout, /^transfer +T-1 +PENDING$/m);
  t.regex(requested.stdout, /still needs an officer of the sender's bank BankAMSP; an officer of the receiver's bank BankBMSP/);

  const self = await w.run('transfer', 'approve', 'T-1', '--as', 'bankA/bob', '--reason', 'looks fine');
  t.is(self.exitCode, 3);
  t.regex(self.stderr, /^error: \[TRANSFER_SELF_APPROVAL\] /);

  const first = await w.run('transfer', 'approve', 'T-1', '--as', 'bankA/alice', '--reason', 'KYC checked');
  t.is(first.exitCode, 0, first.stderr);
  t.regex(first.stdout, /^transfer +T-1 +PENDING$/m);
  t.regex(first.stdout, /alice@banka\.trestle\.test \(BankAMSP\) at .*: KYC checked/);
  t.regex(first.stdout, /still needs an officer of the receiver's bank BankBMSP$/m);

  const second = await w.run('transfer', 'approve', 'T-1', '--as', 'bankB/carol');
  t.is(second.exitCode, 0, second.stderr);
  t.regex(second.stdout, /^transfer +T-1 +SETTLED$/m);
  t.regex(second.stdout, /^verdicts at settlement$/m);
  const settled = await shown(w, 'T-1');
  t.is(settled.status, 'SETTLED');
  t.deepEqual(settled.approvals.map((approval) => approval.officerMsp), ['BankAMSP', 'BankBMSP']);
});

test('show prints every rule verdict as its sentence', async (t) => {
  const w = await transferWorld(t);
  t.is((await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '5000', '--id', 'T-2')).exitCode, 0);
  const run = await w.run('transfer', 'show', 'T-2', '--as', 'bankB/carol');
  t.is(run.exitCode, 0, run.stderr);
  const verdicts = run.stdout.split('\n').filter((line) => /^ {2}(PASS|FAIL) /.test(line));
  const record = await shown(w, 'T-2');
  t.is(verdicts.length, record.requestVerdicts.length);
  for (const verdict of record.requestVerdicts) t.true(run.stdout.includes(verdict.sentence), verdict.rule);
});

test('check prints every verdict, exits 3 listing the failing ones while the lockup runs, and 0 once it is over', async (t) => {
  const w = await transferWorld(t);
  const flags = ['--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '5000'];
  w.clock.now = daysAfterT0(30);
  const before = snapshotLedger(w.worldState);
  const locked = await w.run('transfer', 'check', '--as', 'bankA/bob', ...flags);
  t.is(locked.exitCode, 3, locked.stderr);
  t.regex(locked.stdout, /^1 of 16 rules fail: LOCKUP_ACTIVE$/m);
  t.regex(locked.stdout, /^ {2}FAIL +lockup +\[LOCKUP_ACTIVE\] /m);
  t.is(locked.stdout.split('\n').filter((line) => /^ {2}PASS /.test(line)).length, 15);
  t.deepEqual(snapshotLedger(w.worldState), before, 'a check writes nothing');

  const refused = await w.run('transfer', 'request', '--as', 'bankA/bob', ...flags, '--id', 'T-LOCKED');
  t.is(refused.exitCode, 3);
  t.regex(refused.stderr, /^error: \[TRANSFER_REFUSED\] .*\[LOCKUP_ACTIVE\] /);
  t.deepEqual(snapshotLedger(w.worldState), before, 'a refused request writes nothing');

  w.clock.now = AFTER_LOCKUP;
  const open = await w.run('transfer', 'check', '--as', 'bankA/bob', ...flags, '--json');
  t.is(open.exitCode, 0, open.stderr);
  t.true((JSON.parse(open.stdout) as TransferVerdict).allowed);
  const requested = await w.run('transfer', 'request', '--as', 'bankA/bob', ...flags, '--id', 'T-LOCKED');
  t.is(requested.exitCode, 0, requested.stderr);
});

test('check lists each failing rule of a request that breaks several', async (t) => {
  const w = await transferWorld(t);
  const file = w.file('bad.json', transferRequest('T-BAD', 50n, { fromInvestorId: INVESTORS.benA }));
  w.clock.now = daysAfterT0(10);
  const run = await w.run('transfer', 'check', file, '--as', 'bankA/bob');
  t.is(run.exitCode, 3);
  t.regex(run.stdout, /^2 of 16 rules fail: BELOW_MIN_TRANSFER, LOCKUP_ACTIVE$/m);
  t.regex(run.stdout, /FAIL +min-transfer +\[BELOW_MIN_TRANSFER\]/);
  t.regex(run.stdout, /FAIL +lockup +\[LOCKUP_ACTIVE\]/);
  t.regex((await w.run('transfer', 'check', '--help')).stdout, /exit status: 0 when every rule passes; 3 when any rule fails/i);
});

test('malformed request files are refused (exit 2 or 3) and write nothing', async (t) => {
  const w = await transferWorld(t);
  const before = snapshotLedger(w.worldState);
  const cases: ReadonlyArray<readonly [string[], number, RegExp]> = [
    [[w.file('not.json', '{ "transferId": ')], 2, /\[CLI_INPUT_INVALID\] .* is not JSON/],
    [[w.file('array.json', '[1, 2]')], 2, /\[CLI_INPUT_INVALID\] .* must be a JSON object/],
    [['/no/such/request.json'], 2, /\[CLI_INPUT_INVALID\] Cannot read .*ENOENT/],
    [[w.file('fields.json', { transferId: 'T-X', assetId: ASSET_ID, fromInvestorId: ANNA, toInvestorId: ANNA, amount: '-5', extra: true })], 3, /\[TRANSFER_INVALID\]/],
    [[w.file('ok.json', transferRequest('T-Y', 5000n)), '--amount', '5'], 2, /file or as flags, not both/],
    [['--asset', ASSET_ID, '--from', ANNA], 2, /missing --to, --amount/],
    [['--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '5000', '--travel-rule', w.file('travel.json', { originator: { name: 'A' } })], 3, /\[TRANSFER_INVALID\]/],
  ];
  for (const [args, exitCode, message] of cases) {
    const run = await w.run('transfer', 'request', '--as', 'bankA/bob', ...args);
    t.is(run.exitCode, exitCode, args.join(' '));
    t.regex(run.stderr, message, args.join(' '));
    t.is(run.stdout, '');
  }
  t.deepEqual(snapshotLedger(w.worldState), before);
});

test('above the travel-rule threshold a request needs --travel-rule, which the ledger keeps as a hash', async (t) => {
  const w = await transferWorld(t);
  const flags = ['--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '20000'];
  const without = await w.run('transfer', 'request', ...flags, '--id', 'T-TR');
  t.is(without.exitCode, 3);
  t.regex(without.stderr, /\[TRAVEL_RULE_DATA_MISSING\]/);
  const data = { originator: { name: 'Anna Muster', accountRef: 'CH93 0076 2011 6238 5295 7' }, beneficiary: { name: 'Chloe Frick', accountRef: 'LI21 0881 0000 2324 013A A' } };
  const withData = await w.run('transfer', 'request', ...flags, '--id', 'T-TR', '--travel-rule', w.file('travel.json', data));
  t.is(withData.exitCode, 0, withData.stderr);
  t.regex(withData.stdout, /travel rule data given: beneficiary\.accountRef, beneficiary\.name, originator\.accountRef, originator\.name \(sha256 [0-9a-f]{64}\)/);
  t.false(withData.stdout.includes('Anna Muster'));
});

test('check sends --travel-rule in the query\'s transient map: the travel rule fails without it and passes with it', async (t) => {
  const w = await transferWorld(t);
  const flags = ['--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '20000'];
  const before = snapshotLedger(w.worldState);
  const without = await w.run('transfer', 'check', ...flags);
  t.is(without.exitCode, 3);
  t.regex(without.stdout, /^ {2}FAIL .*\[TRAVEL_RULE_DATA_MISSING\]/m);
  const data = { originator: { name: 'Anna Muster', accountRef: 'CH93 0076 2011 6238 5295 7' }, beneficiary: { name: 'Chloe Frick', accountRef: 'LI21 0881 0000 2324 013A A' } };
  const withData = await w.run('transfer', 'check', ...flags, '--travel-rule', w.file('travel.json', data));
  t.is(withData.exitCode, 0, withData.stderr || withData.stdout);
  t.regex(withData.stdout, /^every rule passes/m);
  t.false(withData.stdout.includes('Anna Muster'));
  t.deepEqual(snapshotLedger(w.worldState), before, 'checks write nothing');
});

test('the flag form makes a fresh transfer id when --id is left out', async (t) => {
  const w = await transferWorld(t);
  const run = await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '5000', '--json');
  t.is(run.exitCode, 0, run.stderr);
  const record = JSON.parse(run.stdout) as TransferRecord;
  t.regex(record.transferId, /^tr-[0-9a-f-]{36}$/);
  t.is(record.status, 'PENDING');
});

test('list shows the transfers pending on a bank, with what each still needs; the regulator names the bank', async (t) => {
  const w = await transferWorld(t);
  for (const id of ['T-L1', 'T-L2']) t.is((await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '1000', '--id', id)).exitCode, 0);
  const atB = await w.run('transfer', 'list', '--as', 'bankB/carol');
  t.is(atB.exitCode, 0, atB.stderr);
  t.deepEqual(atB.stdout.split('\n'), [
    `T-L1  PENDING  ${ASSET_ID}  1000  ${ANNA} -> ${CHLOE}  needs an officer of the sender's bank BankAMSP; an officer of the receiver's bank BankBMSP`,
    `T-L2  PENDING  ${ASSET_ID}  1000  ${ANNA} -> ${CHLOE}  needs an officer of the sender's bank BankAMSP; an officer of the receiver's bank BankBMSP`,
  ]);
  const paged = await w.run('transfer', 'list', '--as', 'regulator/rita', '--bank', 'BankAMSP', '--page-size', '1');
  t.is(paged.exitCode, 0, paged.stderr);
  const more = /^next: --bookmark ([A-Za-z0-9_-]+)$/m.exec(paged.stdout);
  t.truthy(more);
  const next = await w.run('transfer', 'list', '--as', 'regulator/rita', '--bank', 'bankA', '--page-size', '1', '--bookmark', more?.[1] ?? '');
  t.regex(next.stdout, /^T-L2 /);
  const badBookmark = await w.run('transfer', 'list', '--as', 'regulator/rita', '--bank', 'bankA', '--bookmark', 'not base64!');
  t.is(badBookmark.exitCode, 2);
  const noBank = await w.run('transfer', 'list', '--as', 'regulator/rita');
  t.is(noBank.exitCode, 2);
  t.regex(noBank.stderr, /--bank/);
  const otherBank = await w.run('transfer', 'list', '--as', 'bankB/carol', '--bank', 'bankC');
  t.is(otherBank.exitCode, 3);
});

test('reject needs a reason, cancel is the requesting bank\'s, expire only after the time to live', async (t) => {
  const w = await transferWorld(t);
  for (const id of ['T-R', 'T-C', 'T-E']) t.is((await w.run('transfer', 'request', '--as', 'bankA/bob', '--asset', ASSET_ID, '--from', ANNA, '--to', CHLOE, '--amount', '1000', '--id', id)).exitCode, 0);
  t.is((await w.run('transfer', 'reject', 'T-R', '--as', 'bankB/carol')).exitCode, 2, 'no --reason');
  const rejected = await w.run('transfer', 'reject', 'T-R', '--as', 'bankB/carol', '--reason', 'receiver declined');
  t.is(rejected.exitCode, 0, rejected.stderr);
  t.regex(rejected.stdout, /^closed +REJECTED at .* by carol@bankb\.trestle\.test \(BankBMSP\): receiver declined$/m);

  const foreign = await w.run('transfer', 'cancel', 'T-C', '--as', 'bankB/carol');
  t.is(foreign.exitCode, 3);
  t.regex(foreign.stderr, /\[CALLER_OF_OTHER_BANK\]/);
  t.is((await w.run('transfer', 'cancel', 'T-C', '--as', 'bankA/bob')).exitCode, 0);
  t.is((await shown(w, 'T-C')).status, 'CANCELLED');

  const early = await w.run('transfer', 'expire', 'T-E', '--as', 'bankB/carol');
  t.is(early.exitCode, 3);
  t.regex(early.stderr, /\[TRANSFER_NOT_EXPIRED\]/);
  w.clock.now = new Date(AFTER_LOCKUP.getTime() + 8 * DAY * 1000);
  const expired = await w.run('transfer', 'expire', 'T-E', '--as', 'bankB/carol');
  t.is(expired.exitCode, 0, expired.stderr);
  t.regex(expired.stdout, /^transfer +T-E +EXPIRED$/m);
});
