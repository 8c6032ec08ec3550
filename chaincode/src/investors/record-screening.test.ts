import '../testing/quiet-fabric-logs';
import test from 'ava';
import fc from 'fast-check';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import { TRANSFER_TTL_SECONDS } from '@trestle/compliance/src/transfers/transfer-record';
import { auditTrailOf } from '../testing/audit-trail';
import { BridgeContract } from '../bridge/bridge-contract';
import { bridgeOutOf, bridgeOutRequest, ledgerForBridge, requestBridgeOut } from '../testing/bridge-story';
import { CAST, eventsOf, tx, unixSeconds } from '../testing/ledger-cast';
import { investorDocument, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { documentText, mostly, succeedsOrRefusesCleanly } from '../testing/malformed-input';
import { refused } from '../testing/refusal';
import type { TestIdentity, WorldState } from '../testing/stub-context';
import { BANK_A_MALLORY } from '../testing/test-identities';
import { AFTER_LOCKUP, DESK, ledgerForTransfers, request, transferOf, transferRequest } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';
import { InvestorContract } from './investor-contract';

// Screening results recorded on investors, on the stubbed context (an in-memory chaincode context,
// not a Fabric network): a new hit suspends the investor and blocks what they have pending.

const investors = new InvestorContract();
const transfers = new TransferContract();
const bridge = new BridgeContract();
const at = { at: AFTER_LOCKUP };
const LIST = 'SDN 2026-05-30';

/** A screening result as the CLI builds it from the screener's ScreeningResult. */
function screening(status: 'clear' | 'pending' | 'hit', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const matches = status === 'clear' ? [] : [{ uid: '36', score: status === 'hit' ? 1 : 0.75 }];
  return { status, listVersion: LIST, matches, ...overrides };
}

async function record(worldState: WorldState, officer: TestIdentity, investorId: string, document: Record<string, unknown>) {
  const transaction = tx(officer, worldState, at);
  await investors.RecordScreening(transaction.ctx, investorId, json(document));
  return transaction;
}

async function investorOf(worldState: WorldState, investorId: string): Promise<InvestorRecord> {
  return JSON.parse(await investors.GetInvestor(tx(DESK.regulator, worldState).ctx, investorId)) as InvestorRecord;
}

async function pendingIdsAt(worldState: WorldState, officer: TestIdentity, bank: string): Promise<string[]> {
  const page = JSON.parse(await transfers.ListPendingTransfers(tx(officer, worldState).ctx, bank, '100', '')) as { records: Array<{ transferId: string }> };
  return page.records.map((transfer) => transfer.transferId);
}

test("a hit on anna suspends her and blocks her pending transfer and bridge-out: approval refused, rejection and cancellation allowed, others untouched", async (t) => {
  const worldState = await ledgerForBridge();
  await request(worldState, transferRequest('T-ANNA', 5_000n));
  await request(worldState, transferRequest('T-BEN', 5_000n, { fromInvestorId: INVESTORS.benA }));
  await requestBridgeOut(worldState, bridgeOutRequest('B-ANNA', 1_000n));

  const transaction = await record(worldState, CAST.bankAOfficer, INVESTORS.annaA, screening('hit'));
  const anna = await investorOf(worldState, INVESTORS.annaA);
  t.like(anna, { kycStatus: 'suspended', sanctions: { status: 'hit', listVersion: LIST, screenedAt: unixSeconds(AFTER_LOCKUP) } });
  t.true(anna.lastStatusChange?.reason.includes(LIST), 'the suspension names the list version');
  const [event] = eventsOf(transaction);
  t.is(event?.name, 'InvestorScreened');
  t.deepEqual(event?.envelope.payload.blocked, { transferIds: ['T-ANNA'], bridgeOutIds: ['B-ANNA'] });

  const blocked = await transferOf(worldState, 'T-ANNA');
  t.is(blocked.status, 'BLOCKED');
  t.like(blocked.blocked, { investorId: INVESTORS.annaA, listVersion: LIST, byMsp: 'BankAMSP' });
  t.is((await transferOf(worldState, 'T-BEN')).status, 'PENDING', "ben's transfer is not anna's");
  t.deepEqual(await pendingIdsAt(worldState, DESK.officerA, 'BankAMSP'), ['T-BEN'], 'a blocked transfer is no longer pending for approval');
  t.deepEqual(await pendingIdsAt(worldState, DESK.officerB, 'BankBMSP'), ['T-BEN']);
  t.is((await bridgeOutOf(worldState, 'B-ANNA')).status, 'BLOCKED');

  const audit = (await auditTrailOf(worldState)).filter((entry) => entry.action.endsWith('-blocked'));
  t.deepEqual(audit.map((entry) => [entry.action, entry.transferId, entry.txId]), [
    ['transfer-blocked', 'T-ANNA', transaction.ctx.stub.getTxID()],
    ['bridge-out-blocked', 'B-ANNA', transaction.ctx.stub.getTxID()],
  ]);

  for (const officer of [DESK.officerA, DESK.officerB]) {
    await refused(t, worldState, officer, 'TRANSFER_STATE_CONFLICT', (ctx) => transfers.ApproveTransfer(ctx, 'T-ANNA', ''), at);
  }
  await refused(t, worldState, DESK.officerA, 'BRIDGE_OUT_STATE_CONFLICT', (ctx) => bridge.ApproveBridgeOut(ctx, 'B-ANNA', ''), at);
  await transfers.RejectTransfer(tx(DESK.officerB, worldState, at).ctx, 'T-ANNA', 'Sender on the SDN list');
  t.like(await transferOf(worldState, 'T-ANNA'), { status: 'REJECTED', closure: { status: 'REJECTED', byMsp: 'BankBMSP' }, blocked: { listVersion: LIST } });
  await bridge.CancelBridgeOut(tx(DESK.requesterA, worldState, at).ctx, 'B-ANNA');
  t.is((await bridgeOutOf(worldState, 'B-ANNA')).status, 'CANCELLED');
});

test("a hit on the receiver, recorded by the receiver's bank, blocks the transfer they would receive; it expires after its time to live", async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await record(worldState, DESK.officerB, INVESTORS.chloeB, screening('hit'));
  t.is((await transferOf(worldState, 'T-1')).status, 'BLOCKED');
  t.is((await investorOf(worldState, INVESTORS.chloeB)).kycStatus, 'suspended');
  const pastTtl = new Date(AFTER_LOCKUP.getTime() + TRANSFER_TTL_SECONDS * 1000);
  await refused(t, worldState, DESK.regulator, 'TRANSFER_NOT_EXPIRED', (ctx) => transfers.ExpireTransfer(ctx, 'T-1'), at);
  await transfers.ExpireTransfer(tx(DESK.regulator, worldState, { at: pastTtl }).ctx, 'T-1');
  t.is((await transferOf(worldState, 'T-1')).status, 'EXPIRED');
});

test('UpdateInvestor setting a hit takes the same path: suspended, pending transfer blocked', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  const hit = { status: 'hit', listVersion: LIST, screenedAt: unixSeconds(AFTER_LOCKUP) };
  await investors.UpdateInvestor(tx(CAST.bankAOfficer, worldState, at).ctx, json(investorDocument(INVESTORS.annaA, { sanctions: hit })), '');
  t.like(await investorOf(worldState, INVESTORS.annaA), { kycStatus: 'suspended', sanctions: hit });
  t.like(await transferOf(worldState, 'T-1'), { status: 'BLOCKED', blocked: { listVersion: LIST } });
});

test('clearing a hit later lifts neither the suspension nor the block; a repeated hit blocks nothing more', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await record(worldState, CAST.bankAOfficer, INVESTORS.annaA, screening('hit'));
  const again = await record(worldState, CAST.bankAOfficer, INVESTORS.annaA, screening('hit', { listVersion: 'SDN 2026-05-31' }));
  t.deepEqual(eventsOf(again)[0]?.envelope.payload.blocked, { transferIds: [], bridgeOutIds: [] });
  await record(worldState, CAST.bankAOfficer, INVESTORS.annaA, screening('clear', { listVersion: 'SDN 2026-06-01' }));
  t.like(await investorOf(worldState, INVESTORS.annaA), { kycStatus: 'suspended', sanctions: { status: 'clear', listVersion: 'SDN 2026-06-01' } });
  t.is((await transferOf(worldState, 'T-1')).status, 'BLOCKED');
  await refused(t, worldState, DESK.officerB, 'TRANSFER_STATE_CONFLICT', (ctx) => transfers.ApproveTransfer(ctx, 'T-1', ''), at);
});

test('a clear or review result updates the standing without suspending anyone or blocking anything', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await record(worldState, CAST.bankAOfficer, INVESTORS.annaA, screening('pending'));
  t.like(await investorOf(worldState, INVESTORS.annaA), { kycStatus: 'active', sanctions: { status: 'pending', listVersion: LIST } });
  t.is((await transferOf(worldState, 'T-1')).status, 'PENDING');
});

test("only a compliance officer of the investor's own bank records a screening; unknown, malformed, revoked and stale are refused", async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  const hit = json(screening('hit'));
  for (const caller of [DESK.regulator, BANK_A_MALLORY, CAST.appraiser]) {
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, hit), at);
  }
  await refused(t, worldState, DESK.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, hit), at);
  await refused(t, worldState, DESK.officerA, 'INVESTOR_NOT_FOUND', (ctx) => investors.RecordScreening(ctx, 'INV-A-9999', hit), at);
  await refused(t, worldState, DESK.officerA, 'LEDGER_ID_MALFORMED', (ctx) => investors.RecordScreening(ctx, 'has space', hit), at);
  await refused(t, worldState, DESK.officerA, 'ARGUMENT_EMPTY', (ctx) => investors.RecordScreening(ctx, '', hit), at);
  // Older than the screening on record (the day before T0).
  await refused(t, worldState, DESK.officerA, 'SCREENING_INVALID', (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, json(screening('clear', { screenedAt: unixSeconds('2026-01-01T00:00:00Z') }))), at);
  await investors.RevokeInvestor(tx(DESK.officerA, worldState, at).ctx, INVESTORS.benA, 'Relationship ended');
  await refused(t, worldState, DESK.officerA, 'INVESTOR_STATUS_CONFLICT', (ctx) => investors.RecordScreening(ctx, INVESTORS.benA, hit), at);
  t.is((await transferOf(worldState, 'T-1')).status, 'PENDING', 'no refusal blocked anything');
});

test('a malformed screening result is SCREENING_INVALID naming each problem, and writes nothing', async (t) => {
  const worldState = await ledgerForTransfers();
  for (const text of ['{"status":', '[]', 'null', '42', 'x'.repeat(70_000)]) {
    await refused(t, worldState, DESK.officerA, 'SCREENING_INVALID', (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, text), at);
  }
  await refused(t, worldState, DESK.officerA, 'ARGUMENT_EMPTY', (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, ''), at);
  const cases: Array<[Record<string, unknown>, string[]]> = [
    [screening('hit', { status: 'review' }), ['status']],
    [screening('hit', { matches: [] }), ['matches']],
    [screening('hit', { matches: [{ uid: '36', score: 1.5 }, { uid: '', score: 0 }] }), ['matches[0].score', 'matches[1].score', 'matches[1].uid']],
    [screening('hit', { matches: [{ uid: '36', score: 1, name: 'AEROCARIBBEAN AIRLINES' }] }), ['matches[0].name']],
    [screening('clear', { matches: Array.from({ length: 51 }, (_, index) => ({ uid: String(index), score: 0.8 })) }), ['matches']],
    [screening('clear', { listVersion: '' }), ['listVersion']],
    [screening('clear', { screenedAt: unixSeconds(AFTER_LOCKUP) + 60 }), ['screenedAt']],
    [screening('clear', { screenedAt: '2026-05-30' }), ['screenedAt']],
    [{ ...screening('clear'), listVersion: undefined, threshold: 0.9 }, ['listVersion', 'threshold']],
  ];
  for (const [document, paths] of cases) {
    const error = await refused(t, worldState, DESK.officerA, 'SCREENING_INVALID', (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, json(document)), at);
    t.deepEqual((error.details?.problems as Array<{ path: string }>).map((problem) => problem.path).sort(), paths, json(document));
  }
});

test('RecordScreening on any result either records with one event or refuses with a TrestleError, writing nothing', async (t) => {
  const base = await ledgerForTransfers();
  await request(base, transferRequest('T-1', 5_000n));
  const match = fc.record({ uid: mostly(fc.stringMatching(/^[0-9]{1,6}$/), fc.constantFrom('', 'has space')), score: mostly(fc.double({ min: 0.7, max: 1, noNaN: true }), fc.constantFrom(0, -1, 2, '0.9')) });
  const screeningJson = documentText({
    status: mostly(fc.constantFrom('clear', 'pending', 'hit'), fc.constantFrom('review', 'HIT')),
    listVersion: mostly(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('', 'x'.repeat(129))),
    screenedAt: mostly(fc.integer({ min: unixSeconds('2026-03-01T00:00:00Z'), max: unixSeconds(AFTER_LOCKUP) }), fc.constantFrom(unixSeconds(AFTER_LOCKUP) + 1, -1, 1.5)),
    matches: mostly(fc.array(match, { minLength: 1, maxLength: 3 }), fc.constant('none')),
  });
  let recorded = 0;
  await fc.assert(
    fc.asyncProperty(screeningJson, async (text) => {
      if (await succeedsOrRefusesCleanly(base, DESK.officerA, (ctx) => investors.RecordScreening(ctx, INVESTORS.annaA, text as string), at)) recorded += 1;
    }),
    { numRuns: 150 },
  );
  t.true(recorded > 3 && recorded < 147, `${recorded} of 150 runs recorded`);
});
