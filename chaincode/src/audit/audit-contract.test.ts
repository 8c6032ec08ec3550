import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import { ControlContract } from '../controls/control-contract';
import { CAST, tx } from '../testing/ledger-cast';
import { ASSET_ID } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf } from '../testing/stub-context';
import { AFTER_LOCKUP, approve, daysAfterT0, DESK, ledgerForTransfers, request, transferRequest } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';
import { AuditContract } from './audit-contract';

const contract = new AuditContract();
type Page = { records: AuditRecord[]; bookmark: string };
const list = async (worldState: Map<string, Uint8Array>, from: Date, to: Date, pageSize: string, bookmark = '') =>
  JSON.parse(await contract.ListAudit(tx(DESK.regulator, worldState).ctx, from.toISOString(), to.toISOString(), pageSize, bookmark)) as Page;

test('the audit lists every request, decision and control action of a period with actor, time, policy version and verdicts', async (t) => {
  const worldState = await ledgerForTransfers();
  await new ControlContract().PauseAsset(tx(DESK.officerA, worldState, { at: daysAfterT0(80) }).ctx, ASSET_ID, 'Review');
  await new ControlContract().UnpauseAsset(tx(DESK.officerA, worldState, { at: daysAfterT0(85) }).ctx, ASSET_ID, 'Review done');
  await request(worldState, transferRequest('T-1', 5_000n));
  await approve(worldState, DESK.officerA, 'T-1');
  await approve(worldState, DESK.officerB, 'T-1');
  await request(worldState, transferRequest('T-2', 5_000n), DESK.requesterA, { at: daysAfterT0(95) });
  await new TransferContract().RejectTransfer(tx(DESK.officerB, worldState, { at: daysAfterT0(95) }).ctx, 'T-2', 'Duplicate');

  const all = await list(worldState, daysAfterT0(0), daysAfterT0(100), '100');
  t.deepEqual(all.records.map((record) => record.action), ['asset-paused', 'asset-unpaused', 'transfer-requested', 'transfer-approved', 'transfer-settled', 'transfer-requested', 'transfer-rejected']);
  const settled = all.records[4];
  t.like(settled, { actor: identityIdOf(DESK.officerB), actorMsp: 'BankBMSP', at: AFTER_LOCKUP.toISOString(), assetId: ASSET_ID, policyVersion: 1, transferId: 'T-1', investorIds: [INVESTORS.annaA, INVESTORS.chloeB], amount: '5000' });
  t.is(settled?.verdicts?.length, 16);
  t.is(all.bookmark, '');

  const window = await list(worldState, daysAfterT0(84), daysAfterT0(95), '100');
  t.deepEqual(window.records.map((record) => record.action), ['asset-unpaused', 'transfer-requested', 'transfer-approved', 'transfer-settled'], 'from inclusive, to exclusive');
});

test('the audit pages with bookmarks and refuses a bad period or a caller without the role', async (t) => {
  const worldState = await ledgerForTransfers();
  await request(worldState, transferRequest('T-1', 5_000n));
  await request(worldState, transferRequest('T-2', 5_000n));
  await request(worldState, transferRequest('T-3', 5_000n));
  const first = await list(worldState, daysAfterT0(0), daysAfterT0(100), '2');
  const second = await list(worldState, daysAfterT0(0), daysAfterT0(100), '2', first.bookmark);
  t.deepEqual([...first.records, ...second.records].map((record) => record.transferId).sort(), ['T-1', 'T-2', 'T-3']);
  t.is(second.bookmark, '');
  await refused(t, worldState, DESK.regulator, 'AUDIT_PERIOD_INVALID', (ctx) => contract.ListAudit(ctx, daysAfterT0(5).toISOString(), daysAfterT0(1).toISOString(), '10', ''));
  await refused(t, worldState, DESK.regulator, 'AUDIT_PERIOD_INVALID', (ctx) => contract.ListAudit(ctx, 'yesterday', daysAfterT0(1).toISOString(), '10', ''));
  await refused(t, worldState, CAST.appraiser, 'CALLER_LACKS_ROLE', (ctx) => contract.ListAudit(ctx, daysAfterT0(0).toISOString(), daysAfterT0(1).toISOString(), '10', ''));
});
