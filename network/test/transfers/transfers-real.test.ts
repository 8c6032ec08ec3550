import './quiet-fabric-client';
import path from 'node:path';
import test from 'ava';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { TransferVerdict } from '@trestle/compliance/src/rules/evaluate-transfer';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { PENDING_INDEX } from '@trestle/chaincode/src/transfers/transfer-key';
import { bookmarkText } from '../../src/cli/ledger/ledger-wording';
import { REPO_ROOT, testStack } from '../../src/stack/stack-config';
import { awaitEveryPeerDiscovered, withFabricClient } from '../support/fabric-client';
import { pollUntil } from '../support/fabric-poll';
import { ensurePeopleRoles, identityIdOf, sessionOf, uniqueSuffix } from '../support/ledger-people';
import { ALLOCATIONS, expectOk, ledgerCli, onboardInvestor, tokenizedAsset, type TokenizedAsset } from '../support/tokenized-asset';

// Issue 4 on the real three-bank network (npm test's shared one, or the stack TRESTLE_HOME names):
// the CLI in process over fabric-network sessions, each command signed by the person it names.
// A fresh asset with no lockup (the policy of test.before) carries the approvals, sanctions,
// freeze and forced-transfer stories; the lockup story tokenizes its own asset with a 90-day lockup
// and shortens it by a policy change approved by officers of two banks. Assertions read the
// `--json` records the ledger gave back.

const stack = testStack();
const cli = ledgerCli(stack);
/** OFAC's classic SDN.XML format: five real entries (7203 among them) and three invented. */
const SDN_XML = path.join(REPO_ROOT, 'compliance', 'fixtures', 'sanctions', 'sdn.xml');
/** The full name of SDN entry 7203, as a sanctioned investor's PII gives it. */
const LISTED_NAME = 'Mohamed Ben Belgacem Aouadi';
const ORDER_HASH = 'c0'.repeat(32);
/** Audit records are stamped with the submitting client's clock; the export window starts before the suite. */
const suiteStart = new Date(Date.now() - 60_000);

let asset: TokenizedAsset;

test.before(async () => {
  await awaitEveryPeerDiscovered(stack, 'bankA');
  await awaitEveryPeerDiscovered(stack, 'bankB');
  await ensurePeopleRoles(stack);
  // Lockup 0: these units may move at once; the lockup story below has its own asset.
  asset = await tokenizedAsset(cli, { tag: 'TRF', policy: { lockupSeconds: 0 } });
});

test.after.always(() => cli.dispose());

const transferOf = (transferId: string) => cli.json<TransferRecord>('transfer', 'show', transferId, '--as', 'regulator/rita');
const holdingOf = (assetId: string, investorId: string) => cli.json<HoldingRecord>('asset', 'holding', assetId, investorId, '--as', 'regulator/rita');
const request = (assetId: string, from: string, to: string, amount: bigint, transferId: string, as = 'bankA/operator1') =>
  ['transfer', 'request', '--as', as, '--asset', assetId, '--from', from, '--to', to, '--amount', amount.toString(), '--id', transferId];
const check = (assetId: string, from: string, to: string, amount: bigint) =>
  ['transfer', 'check', '--as', 'bankA/operator1', '--asset', assetId, '--from', from, '--to', to, '--amount', amount.toString()];
const failedReasons = (verdict: TransferVerdict) => verdict.verdicts.filter((one) => !one.passed).map((one) => one.reason);
/** The reason codes a TRANSFER_REFUSED lists, in rule order. */
const refusedReasons = (details: Record<string, unknown> | undefined) => (details?.failed as string[] | undefined) ?? [];

test.serial("a BankA investor's transfer to a BankB investor is PENDING after BankA's officer and SETTLED after BankB's; the requester cannot approve", async (t) => {
  const { a1, b2 } = asset.investors;
  const transferId = `T-BOTH-${uniqueSuffix()}`;
  const a1Before = await holdingOf(asset.assetId, a1);
  t.is((await cli.refused('asset', 'holding', asset.assetId, b2, '--as', 'regulator/rita')).code, 'HOLDING_NOT_FOUND', 'the receiver holds nothing yet');
  // bankA/officer2 requests: an officer may, and is then the one officer of BankA who may not approve.
  const requested = await cli.json<TransferRecord>(...request(asset.assetId, a1, b2, 5_000n, transferId, 'bankA/officer2'));
  t.like(requested, { transferId, status: 'PENDING', senderBankMsp: 'BankAMSP', receiverBankMsp: 'BankBMSP', amount: '5000', approvals: [] });
  t.is(requested.requestedBy, identityIdOf(stack, 'bankA/officer2'));

  const self = await cli.refused('transfer', 'approve', transferId, '--as', 'bankA/officer2', '--reason', 'my own request');
  t.is(self.code, 'TRANSFER_SELF_APPROVAL', self.message);
  t.deepEqual((await transferOf(transferId)).approvals, [], 'the refused approval wrote nothing');

  const first = await cli.json<TransferRecord>('transfer', 'approve', transferId, '--as', 'bankA/officer1', '--reason', 'KYC checked');
  t.is(first.status, 'PENDING', "one bank's officer is not enough");
  t.deepEqual(first.approvals.map(({ officerId, officerMsp, reason }) => ({ officerId, officerMsp, reason })), [{ officerId: identityIdOf(stack, 'bankA/officer1'), officerMsp: 'BankAMSP', reason: 'KYC checked' }]);
  t.deepEqual((await holdingOf(asset.assetId, a1)).balance, a1Before.balance, 'nothing moved while PENDING');

  const second = await cli.json<TransferRecord>('transfer', 'approve', transferId, '--as', 'bankB/officer1');
  t.is(second.status, 'SETTLED');
  t.deepEqual(second.approvals.map((approval) => approval.officerMsp), ['BankAMSP', 'BankBMSP']);
  t.true((second.settlementVerdicts ?? []).length > 0 && (second.settlementVerdicts ?? []).every((verdict) => verdict.passed), 'the rules ran again at settlement and passed');
  t.is((await holdingOf(asset.assetId, a1)).balance, (BigInt(a1Before.balance) - 5_000n).toString());
  t.is((await holdingOf(asset.assetId, b2)).balance, '5000');
  t.is((await cli.refused('transfer', 'approve', transferId, '--as', 'bankB/officer2')).code, 'TRANSFER_STATE_CONFLICT', 'a settled transfer takes no more approvals');
});

test.serial("the list of transfers pending on the receiver's bank holds a pending one until it is cancelled; a page past the last is empty", async (t) => {
  const { a1, b1 } = asset.investors;
  const transferId = `T-LIST-${uniqueSuffix()}`;
  await expectOk(cli, ...request(asset.assetId, a1, b1, 1_000n, transferId));
  const pendingAtB = async () => {
    const ids: string[] = [];
    for (let bookmark = ''; ; ) {
      const page = await cli.json<{ records: TransferRecord[]; bookmark: string }>('transfer', 'list', '--as', 'bankB/officer1', '--page-size', '100', ...(bookmark === '' ? [] : ['--bookmark', bookmark]));
      ids.push(...page.records.map((record) => record.transferId));
      if (page.bookmark === '' || page.records.length === 0) return ids;
      bookmark = page.bookmark;
    }
  };
  t.true((await pendingAtB()).includes(transferId));
  // The index key of BankB's pending transfers, then a character past every printable transfer id:
  // the page there is empty, which a peer answers without pagination metadata.
  const pastTheLast = bookmarkText(`\u0000${PENDING_INDEX}\u0000BankBMSP\u0000\u007f`);
  const empty = await cli.json<{ records: TransferRecord[]; bookmark: string }>('transfer', 'list', '--as', 'bankB/officer1', '--bookmark', pastTheLast);
  t.deepEqual(empty, { records: [], bookmark: '', fetchedRecordsCount: 0 });

  const foreign = await cli.refused('transfer', 'cancel', transferId, '--as', 'bankB/operator1');
  t.is(foreign.code, 'CALLER_OF_OTHER_BANK', "only the requesting bank cancels");
  t.is((await cli.json<TransferRecord>('transfer', 'cancel', transferId, '--as', 'bankA/operator1')).status, 'CANCELLED');
  t.false((await pendingAtB()).includes(transferId));
});

test.serial("back to back, each bank's approval right after the other's commit is endorsed alike by both peers and settles", async (t) => {
  const { a1, b1 } = asset.investors;
  // Sessions straight, without the CLI's read-backs between commands that give a lagging peer time.
  const requester = await sessionOf(stack, 'bankA/operator1');
  const officerA = await sessionOf(stack, 'bankA/officer1');
  const officerB = await sessionOf(stack, 'bankB/officer1');
  try {
    const transferIds = Array.from({ length: 10 }, () => `T-B2B-${uniqueSuffix()}`);
    for (const transferId of transferIds) {
      const document = { transferId, assetId: asset.assetId, fromInvestorId: a1, toInvestorId: b1, amount: '500' };
      await requester.contract('TransferContract').submitTransaction('RequestTransfer', JSON.stringify(document));
      await officerA.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, '');
      await officerB.contract('TransferContract').submitTransaction('ApproveTransfer', transferId, '');
    }
    for (const transferId of transferIds) t.is((await transferOf(transferId)).status, 'SETTLED', transferId);
  } finally {
    for (const session of [requester, officerA, officerB]) await session.close();
  }
});

test.serial("the settling approval's one chaincode event is TransferSettled, carrying the settled transfer and both holdings", async (t) => {
  const { a1, b2 } = asset.investors;
  const transferId = `T-EVT-${uniqueSuffix()}`;
  await expectOk(cli, ...request(asset.assetId, a1, b2, 700n, transferId));
  await expectOk(cli, 'transfer', 'approve', transferId, '--as', 'bankA/officer1');
  type Envelope = { type: string; payload: { transferId?: string; transfer?: TransferRecord; holdings?: HoldingRecord[] } };
  const seen: Array<{ name: string; txId: string; envelope: Envelope }> = [];
  await withFabricClient(stack, 'bankB', 'officer1', async (client) => {
    // The listener may also be given the last block already committed (the approval above).
    await client.contract('TransferContract').addContractListener(async (event) => {
      const envelope = JSON.parse(Buffer.from(event.payload ?? []).toString('utf8')) as Envelope;
      // A request's or approval's event carries the transfer itself; a settlement's, the transfer and the holdings.
      if ((envelope.payload.transferId ?? envelope.payload.transfer?.transferId) === transferId) seen.push({ name: event.eventName, txId: event.getTransactionEvent().transactionId, envelope });
    });
    await expectOk(cli, 'transfer', 'approve', transferId, '--as', 'bankB/officer1');
    await pollUntil(`the event of ${transferId}'s settlement`, 30_000, async () => (seen.some((event) => event.name === 'TransferSettled') ? true : undefined));
  });
  t.is(new Set(seen.map((event) => event.txId)).size, seen.length, 'one event per transaction');
  const settled = seen.filter((event) => event.name === 'TransferSettled');
  t.deepEqual(settled.map(({ envelope }) => [envelope.type, envelope.payload.transfer?.status]), [['TransferSettled', 'SETTLED']]);
  t.deepEqual(settled[0]?.envelope.payload.holdings?.map((holding) => holding.investorId).sort(), [a1, b2].sort());
  t.deepEqual(seen.filter((event) => event.name !== 'TransferSettled').map((event) => event.name), seen.length > 1 ? ['TransferApproved'] : [], "before it, at most the approval's own event");
});

test.serial('a sanctioned receiver is refused with the reason: the screening hit, recorded through the CLI from an OFAC SDN.XML fixture, suspends them and blocks the transfer pending to them', async (t) => {
  const { a1 } = asset.investors;
  const listed = `INV-SDN-${uniqueSuffix()}`;
  await onboardInvestor(cli, 'bankB/officer1', listed, LISTED_NAME, {}, { birthDate: '1974-12-11' });
  const pendingId = `T-PEND-${uniqueSuffix()}`;
  t.is((await cli.json<TransferRecord>(...request(asset.assetId, a1, listed, 2_000n, pendingId))).status, 'PENDING', 'clear on the record before the screening');

  const screened = await expectOk(cli, 'sanctions', 'screen-investors', '--as', 'bankB/officer1', '--investor', listed, '--list', SDN_XML, '--record');
  t.regex(screened.stdout, new RegExp(`^${listed} {2}HIT {2}AOUADI, Mohamed Ben Belgacem \\(uid 7203, score 1\\.00\\)$`, 'm'));
  t.regex(screened.stdout, /^1 screened against OFAC SDN 2024-01-31: 1 hit, 0 pending review, 0 clear; 1 recorded$/m);
  t.false(screened.stdout.includes(LISTED_NAME), "the investor's own name (PII) is never printed");

  const investor = await cli.json<InvestorRecord>('investor', 'show', listed, '--as', 'regulator/rita');
  t.is(investor.kycStatus, 'suspended');
  t.like(investor.sanctions, { status: 'hit', listVersion: '2024-01-31' });
  const blocked = await transferOf(pendingId);
  t.is(blocked.status, 'BLOCKED');
  t.regex(blocked.blocked?.reason ?? '', new RegExp(`screening of investor ${listed} on list 2024-01-31 is a hit`));
  t.is((await cli.refused('transfer', 'approve', pendingId, '--as', 'bankA/officer1')).code, 'TRANSFER_STATE_CONFLICT', 'a blocked transfer is never approved');

  const verdict = await cli.run(...check(asset.assetId, a1, listed, 2_000n), '--json');
  t.is(verdict.exitCode, 3);
  t.deepEqual(failedReasons(JSON.parse(verdict.stdout) as TransferVerdict), ['KYC_SUSPENDED_RECEIVER', 'SANCTIONS_HIT_RECEIVER']);
  const newId = `T-SDN-${uniqueSuffix()}`;
  const refusal = await cli.refused(...request(asset.assetId, a1, listed, 2_000n, newId));
  t.is(refusal.code, 'TRANSFER_REFUSED');
  t.deepEqual(refusedReasons(refusal.details), ['KYC_SUSPENDED_RECEIVER', 'SANCTIONS_HIT_RECEIVER']);
  const plain = await cli.run(...request(asset.assetId, a1, listed, 2_000n, newId));
  t.regex(plain.stderr, /\[SANCTIONS_HIT_RECEIVER\] The receiver matches sanctions list version 2024-01-31; no transfer may involve them while the hit stands\./);
  t.is((await cli.refused('transfer', 'show', newId, '--as', 'regulator/rita')).code, 'TRANSFER_NOT_FOUND', 'a refused request writes nothing');
});

test.serial('a lockup blocks a transfer until a policy change approved by officers of two banks shortens it', async (t) => {
  const locked = await tokenizedAsset(cli, { tag: 'LCK' });
  t.is(locked.policy.lockupSeconds, 90 * 86_400);
  const { a1, b2 } = locked.investors;
  const lockedCheck = await cli.run(...check(locked.assetId, a1, b2, 5_000n), '--json');
  t.is(lockedCheck.exitCode, 3);
  t.deepEqual(failedReasons(JSON.parse(lockedCheck.stdout) as TransferVerdict), ['LOCKUP_ACTIVE']);
  const transferId = `T-LCK-${uniqueSuffix()}`;
  const refusal = await cli.refused(...request(locked.assetId, a1, b2, 5_000n, transferId));
  t.is(refusal.code, 'TRANSFER_REFUSED');
  t.deepEqual(refusedReasons(refusal.details), ['LOCKUP_ACTIVE']);

  const shorter = cli.file(`${locked.assetId}-policy-2.json`, { ...locked.policy, version: 2, lockupSeconds: 0 });
  await expectOk(cli, 'policy', 'set', locked.assetId, shorter, '--as', 'bankA/officer1');
  t.is((await cli.refused('policy', 'approve', locked.assetId, '2', '--as', 'bankA/officer2')).code, 'POLICY_CHANGE_SAME_BANK', "the proposer's own bank cannot approve");
  const stillLocked = await cli.run(...check(locked.assetId, a1, b2, 5_000n));
  t.is(stillLocked.exitCode, 3, 'a proposed change is not in force');
  await expectOk(cli, 'policy', 'approve', locked.assetId, '2', '--as', 'bankB/officer1', '--reason', 'lockup ends early by board resolution');
  const inForce = await cli.json<{ version: number; attachedBy: string; document: { lockupSeconds: number } }>('policy', 'show', locked.assetId, '--as', 'regulator/rita');
  t.like(inForce, { version: 2, attachedBy: identityIdOf(stack, 'bankB/officer1'), document: { lockupSeconds: 0 } });

  const open = await cli.run(...check(locked.assetId, a1, b2, 5_000n), '--json');
  t.is(open.exitCode, 0, open.stdout);
  t.true((JSON.parse(open.stdout) as TransferVerdict).allowed);
  const requested = await cli.json<TransferRecord>(...request(locked.assetId, a1, b2, 5_000n, transferId));
  t.like(requested, { status: 'PENDING', policyVersion: 2 });
  await expectOk(cli, 'transfer', 'approve', transferId, '--as', 'bankA/officer1');
  t.is((await cli.json<TransferRecord>('transfer', 'approve', transferId, '--as', 'bankB/officer1')).status, 'SETTLED');
  t.is((await holdingOf(locked.assetId, b2)).balance, '5000');
});

test.serial('a frozen amount cannot move: refused at the request, and a transfer requested before the freeze fails at settlement', async (t) => {
  const { a2, b1 } = asset.investors;
  const earlierId = `T-FRZ-${uniqueSuffix()}`;
  t.is((await cli.json<TransferRecord>(...request(asset.assetId, a2, b1, 8_000n, earlierId))).status, 'PENDING');
  const frozenAmount = ALLOCATIONS.a2 - 5_000n;
  await expectOk(cli, 'freeze', asset.assetId, a2, '--amount', frozenAmount.toString(), '--reason', 'court order 12/2026 pending', '--as', 'bankA/officer1');
  t.like(await holdingOf(asset.assetId, a2), { balance: ALLOCATIONS.a2.toString(), frozen: frozenAmount.toString() });

  const over = await cli.run(...check(asset.assetId, a2, b1, 6_000n), '--json');
  t.is(over.exitCode, 3);
  t.deepEqual(failedReasons(JSON.parse(over.stdout) as TransferVerdict), ['BALANCE_FROZEN']);
  const refusal = await cli.refused(...request(asset.assetId, a2, b1, 6_000n, `T-FRZ-${uniqueSuffix()}`));
  t.is(refusal.code, 'TRANSFER_REFUSED');
  t.deepEqual(refusedReasons(refusal.details), ['BALANCE_FROZEN']);
  t.is((await cli.run(...check(asset.assetId, a2, b1, 5_000n))).exitCode, 0, 'the unfrozen rest may still move');

  await expectOk(cli, 'transfer', 'approve', earlierId, '--as', 'bankA/officer1');
  const last = await cli.json<TransferRecord>('transfer', 'approve', earlierId, '--as', 'bankB/officer1');
  t.is(last.status, 'FAILED_AT_SETTLEMENT');
  t.deepEqual(failedReasons({ verdicts: last.settlementVerdicts ?? [] } as TransferVerdict), ['BALANCE_FROZEN']);
  t.like(await holdingOf(asset.assetId, a2), { balance: ALLOCATIONS.a2.toString(), frozen: frozenAmount.toString() });
});

test.serial("a forced transfer by the regulator moves frozen units, with the order's reference and document hash; a bank's officer cannot order one", async (t) => {
  const { b1, a2 } = asset.investors;
  const frozen = await cli.json<HoldingRecord>('freeze', asset.assetId, b1, '--reason', 'asset freeze order pending court decision', '--as', 'regulator/rita');
  t.is(frozen.frozen, frozen.balance, "the regulator froze the whole holding of another bank's investor");
  const receiverBefore = BigInt((await holdingOf(asset.assetId, a2)).balance);
  const amount = 50_000n;
  const byBank = await cli.refused('force-transfer', asset.assetId, b1, a2, amount.toString(), '--order-ref', 'ORDER-X', '--document-hash', ORDER_HASH, '--as', 'bankB/officer1');
  t.is(byBank.code, 'CALLER_LACKS_ROLE');
  t.like(await holdingOf(asset.assetId, b1), { balance: frozen.balance, frozen: frozen.frozen }, 'the refused order moved nothing');

  const orderRef = `FINMA-${uniqueSuffix()}`;
  await expectOk(cli, 'force-transfer', asset.assetId, b1, a2, amount.toString(), '--order-ref', orderRef, '--document-hash', ORDER_HASH, '--as', 'regulator/rita');
  const left = (BigInt(frozen.balance) - amount).toString();
  t.like(await holdingOf(asset.assetId, b1), { balance: left, frozen: left }, 'the frozen units moved');
  t.is((await holdingOf(asset.assetId, a2)).balance, (receiverBefore + amount).toString());

  const audited = await cli.json<AuditRecord[]>('audit', 'export', '--from', suiteStart.toISOString(), '--to', new Date(Date.now() + 60_000).toISOString(), '--format', 'json', '--asset', asset.assetId, '--action', 'forced-transfer', '--as', 'regulator/rita');
  t.deepEqual(
    audited.map(({ actor, actorMsp, investorIds, amount: moved, reason, documentHash }) => ({ actor, actorMsp, investorIds, moved, reason, documentHash })),
    [{ actor: identityIdOf(stack, 'regulator/rita'), actorMsp: 'RegulatorMSP', investorIds: [b1, a2], moved: amount.toString(), reason: orderRef, documentHash: ORDER_HASH }],
  );
});

test.serial('the audit export of the period lists every request, decision, control action and policy change, with actor, org, time, policy version and verdicts', async (t) => {
  const to = new Date(Date.now() + 60_000).toISOString();
  const records = await cli.json<AuditRecord[]>('audit', 'export', '--from', suiteStart.toISOString(), '--to', to, '--format', 'json', '--as', 'regulator/rita');
  const ofAsset = records.filter((record) => record.assetId === asset.assetId);
  const actions = new Set(ofAsset.map((record) => record.action));
  for (const action of ['transfer-requested', 'transfer-approved', 'transfer-settled', 'transfer-cancelled', 'transfer-blocked', 'transfer-failed-at-settlement', 'investor-frozen', 'forced-transfer'] as const) {
    t.true(actions.has(action), `${action} of ${asset.assetId} is in the export`);
  }
  const policyActions = records.filter((record) => record.assetId.startsWith('LCK-') && record.action.startsWith('policy-')).map((record) => record.action);
  t.true(policyActions.includes('policy-change-proposed') && policyActions.includes('policy-changed'), 'the lockup story\'s policy change is in the export');
  for (const record of ofAsset) {
    t.true(record.at >= suiteStart.toISOString() && record.at < to, `${record.action} at ${record.at} is inside the period`);
    t.regex(record.actorMsp, /^(BankAMSP|BankBMSP|RegulatorMSP)$/);
    t.is(record.policyVersion, 1);
  }
  const settled = ofAsset.find((record) => record.action === 'transfer-settled');
  t.true((settled?.verdicts ?? []).length > 0, 'a settlement carries its rule verdicts');
  const freezes = ofAsset.filter((record) => record.action === 'investor-frozen').map(({ actor, actorMsp, reason, investorIds }) => ({ actor, actorMsp, reason, investorIds }));
  t.deepEqual(freezes, [
    { actor: identityIdOf(stack, 'bankA/officer1'), actorMsp: 'BankAMSP', reason: 'court order 12/2026 pending', investorIds: [asset.investors.a2] },
    { actor: identityIdOf(stack, 'regulator/rita'), actorMsp: 'RegulatorMSP', reason: 'asset freeze order pending court decision', investorIds: [asset.investors.b1] },
  ]);

  const csv = await expectOk(cli, 'audit', 'export', '--from', suiteStart.toISOString(), '--to', to, '--format', 'csv', '--asset', asset.assetId, '--as', 'bankB/officer1');
  t.is(csv.stdout.trim().split('\n').length, ofAsset.length + 1, 'the CSV has a header and a row per record, for a bank officer too');
});
