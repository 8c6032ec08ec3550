import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { AuditRecord } from '@trestle/compliance/src/audit/audit-record';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { AssetContract } from '../assets/asset-contract';
import { AuditContract } from '../audit/audit-contract';
import { CAST, eventsOf, T0, tx, unixSeconds } from '../testing/ledger-cast';
import { ASSET_ID, json, valuationDocument } from '../testing/ledger-documents';
import { approve, BENCH, decide, legalAction, legalHistoryOf, ledgerForLegal, ledgerInLegalState, proposalOf, propose, RESOLUTION } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import { DAY, daysAfterT0 } from '../testing/transfer-story';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { LegalContract } from './legal-contract';

const contract = new LegalContract();
const assets = new AssetContract();

async function assetOf(worldState: WorldState): Promise<Asset> {
  return JSON.parse(await assets.GetAsset(tx(BENCH.regulator, worldState).ctx, ASSET_ID)) as Asset;
}

async function auditActions(worldState: WorldState): Promise<AuditRecord[]> {
  const page = JSON.parse(await new AuditContract().ListAudit(tx(BENCH.regulator, worldState).ctx, '2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z', '100', '')) as { records: AuditRecord[] };
  return page.records;
}

test('a remediation proposed by the SPV administrator and approved by officers of two of the three banks puts the asset in REMEDIATION with its window', async (t) => {
  const worldState = await ledgerForLegal();
  const proposal = tx(BENCH.spvAdmin, worldState);
  await contract.ProposeLegalAction(proposal.ctx, json(legalAction('L-1', 'start-remediation', { remediationWindowDays: 60 })));
  t.deepEqual(eventsOf(proposal).map((event) => event.name), ['LegalActionProposed']);
  t.like(await proposalOf(worldState, 'L-1'), { status: 'PENDING', from: 'TOKENIZED', to: 'REMEDIATION', quorum: { consortiumBanks: 3, requiredBanks: 2 }, remediationWindowDays: 60, cashSettlement: null });

  const first = tx(BENCH.officerA, worldState, { at: daysAfterT0(1) });
  await contract.ApproveLegalAction(first.ctx, 'L-1', 'Default notice checked');
  t.deepEqual(eventsOf(first).map((event) => event.name), ['LegalActionApproved']);
  t.is((await assetOf(worldState)).state, 'TOKENIZED', 'one bank is not a quorum');

  const deciding = tx(BENCH.officerC, worldState, { at: daysAfterT0(2) });
  await contract.ApproveLegalAction(deciding.ctx, 'L-1', '');
  const asset = await assetOf(worldState);
  const startedAt = unixSeconds(daysAfterT0(2));
  t.is(asset.state, 'REMEDIATION');
  t.deepEqual(asset.remediation, { startedAt, endsAt: startedAt + 60 * DAY, transitionSeq: 1 });
  t.is(asset.legalTransitionCount, 1);
  t.is(asset.updatedBy, identityIdOf(BENCH.officerC));

  const events = eventsOf(deciding);
  t.deepEqual(events.map((event) => event.name), ['AssetRemediationStarted'], 'exactly one event');
  t.like(events[0]?.envelope.payload, { asset: { state: 'REMEDIATION' }, transition: { seq: 1, action: 'start-remediation', from: 'TOKENIZED', to: 'REMEDIATION' } });

  const applied = await proposalOf(worldState, 'L-1');
  t.is(applied.status, 'APPLIED');
  t.deepEqual(applied.votes.map((vote) => [vote.decision, vote.officerMsp, vote.reason]), [['approve', 'BankAMSP', 'Default notice checked'], ['approve', 'BankCMSP', null]]);
  t.like(applied.closure, { status: 'APPLIED', byMsp: 'BankCMSP', transitionSeq: 1 });

  const history = await legalHistoryOf(worldState);
  t.is(history.openProposal, null);
  t.is(history.transitions.length, 1);
  t.like(history.transitions[0], { seq: 1, at: daysAfterT0(2).toISOString(), proposal: { proposedBy: identityIdOf(BENCH.spvAdmin), reason: 'Board resolution for start-remediation', legalDocument: RESOLUTION } });

  const audit = (await auditActions(worldState)).filter((record) => record.action.startsWith('legal-') || record.action.startsWith('asset-'));
  t.deepEqual(audit.map((record) => [record.action, record.actorMsp]), [['legal-action-proposed', 'BankAMSP'], ['legal-action-approved', 'BankAMSP'], ['asset-remediation-started', 'BankCMSP']]);
  t.true(audit.every((record) => record.documentHash === RESOLUTION.sha256 && record.policyVersion === 1));
});

test('a cure during remediation moves the asset to CURED; the history keeps both transitions and the last window', async (t) => {
  const worldState = await ledgerInLegalState('REMEDIATION');
  const window = (await assetOf(worldState)).remediation;
  await decide(worldState, legalAction('L-CURE', 'cure', { reason: 'Arrears paid in full' }), { at: daysAfterT0(10) });
  const asset = await assetOf(worldState);
  t.is(asset.state, 'CURED');
  t.deepEqual(asset.remediation, window, 'the window of the last remediation stays on the record');
  const history = await legalHistoryOf(worldState);
  t.deepEqual(history.transitions.map((transition) => [transition.seq, transition.from, transition.to]), [[1, 'TOKENIZED', 'REMEDIATION'], [2, 'REMEDIATION', 'CURED']]);
  t.is(history.transitions[1]?.proposal.reason, 'Arrears paid in full');
});

test('a cured asset is back to normal: it can be re-appraised and fall into remediation again', async (t) => {
  const worldState = await ledgerInLegalState('CURED');
  await assets.RecordValuation(tx(CAST.appraiser, worldState, { at: daysAfterT0(8) }).ctx, ASSET_ID, json(valuationDocument({ effectiveDate: '2026-03-08' })));
  t.is((await assetOf(worldState)).state, 'CURED');
  await decide(worldState, legalAction('L-AGAIN', 'start-remediation', { remediationWindowDays: 30 }), { at: daysAfterT0(20) });
  const asset = await assetOf(worldState);
  t.is(asset.state, 'REMEDIATION');
  t.deepEqual(asset.remediation, { startedAt: unixSeconds(daysAfterT0(20)), endsAt: unixSeconds(daysAfterT0(50)), transitionSeq: 3 });
});

test('a write-off is refused while the remediation window is open and allowed from its end on', async (t) => {
  const worldState = await ledgerInLegalState('REMEDIATION');
  const endsAt = unixSeconds(T0) + 90 * DAY;
  const early = await refused(t, worldState, BENCH.spvAdmin, 'REMEDIATION_WINDOW_OPEN', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-WO', 'write-off'))), { at: daysAfterT0(89) });
  t.like(early.details, { remediationEndsAt: endsAt });

  await propose(worldState, legalAction('L-WO', 'write-off'), BENCH.spvAdmin, { at: daysAfterT0(90) });
  await approve(worldState, BENCH.officerB, 'L-WO', { at: daysAfterT0(91) });
  await approve(worldState, BENCH.officerC, 'L-WO', { at: daysAfterT0(91) });
  t.is((await assetOf(worldState)).state, 'WRITTEN_OFF');
  const history = await legalHistoryOf(worldState);
  t.deepEqual(history.transitions.map((transition) => transition.to), ['REMEDIATION', 'WRITTEN_OFF']);
});

test('the window is checked again when the quorum applies a write-off: a deciding approval stamped before the end is refused', async (t) => {
  const worldState = await ledgerInLegalState('REMEDIATION');
  await propose(worldState, legalAction('L-WO', 'write-off'), BENCH.spvAdmin, { at: daysAfterT0(95) });
  await approve(worldState, BENCH.officerA, 'L-WO', { at: daysAfterT0(95) });
  // Clients set the transaction time; one stamped inside the window must not write the asset off.
  await refused(t, worldState, BENCH.officerB, 'REMEDIATION_WINDOW_OPEN', (ctx) => contract.ApproveLegalAction(ctx, 'L-WO', ''), { at: daysAfterT0(30) });
  await approve(worldState, BENCH.officerB, 'L-WO', { at: daysAfterT0(96) });
  t.is((await assetOf(worldState)).state, 'WRITTEN_OFF');
});

test('a cure or write-off needs the asset in REMEDIATION, and nothing follows a write-off', async (t) => {
  const tokenized = await ledgerForLegal();
  for (const action of ['cure', 'write-off']) {
    const error = await refused(t, tokenized, BENCH.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-X', action))));
    t.is(error.sentence, `The asset is TOKENIZED; ${action} needs it in REMEDIATION.`);
  }
  const writtenOff = await ledgerInLegalState('WRITTEN_OFF');
  for (const action of ['start-remediation', 'cure', 'redeem']) {
    const error = await refused(t, writtenOff, BENCH.spvAdmin, 'ASSET_TRANSITION_ILLEGAL', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-X', action))), { at: daysAfterT0(100) });
    t.regex(error.sentence, /^The asset is WRITTEN_OFF; .* which it is past\.$/);
  }
});

test('an asset in remediation can still be re-appraised, and the valuation keeps the state', async (t) => {
  const worldState = await ledgerInLegalState('REMEDIATION');
  await assets.RecordValuation(tx(CAST.appraiser, worldState, { at: daysAfterT0(3) }).ctx, ASSET_ID, json(valuationDocument({ amount: '3100000000', effectiveDate: '2026-03-03' })));
  const asset = await assetOf(worldState);
  t.is(asset.state, 'REMEDIATION');
  t.is(asset.valuationCount, 2);
});
