import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import { MAX_REMEDIATION_WINDOW_DAYS } from '@trestle/compliance/src/ledger/legal-action';
import { json } from '../testing/ledger-documents';
import { BENCH, legalAction, ledgerForLegal, propose } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import { LegalContract } from './legal-contract';

// Bad input gets a typed error naming every problem, and changes nothing.

const contract = new LegalContract();

test('a proposal that is not a JSON object is refused before anything is read', async (t) => {
  const worldState = await ledgerForLegal();
  for (const text of ['{"proposalId":', '[]', '"redeem"', 'null', '42']) {
    await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_ACTION_INVALID', (ctx) => contract.ProposeLegalAction(ctx, text));
  }
  await refused(t, worldState, BENCH.spvAdmin, 'ARGUMENT_EMPTY', (ctx) => contract.ProposeLegalAction(ctx, ''));
  await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_ACTION_INVALID', (ctx) => contract.ProposeLegalAction(ctx, 'x'.repeat(70_000)));
});

test('malformed proposals are LEGAL_ACTION_INVALID, each problem at its path', async (t) => {
  const worldState = await ledgerForLegal();
  const cases: Array<[Record<string, unknown>, string[]]> = [
    [legalAction('L-1', 'start-remediation', { remediationWindowDays: 0 }), ['remediationWindowDays']],
    [legalAction('L-1', 'start-remediation', { remediationWindowDays: MAX_REMEDIATION_WINDOW_DAYS + 1 }), ['remediationWindowDays']],
    [legalAction('L-1', 'start-remediation', { remediationWindowDays: '90' }), ['remediationWindowDays']],
    [legalAction('L-1', 'start-remediation', { remediationWindowDays: undefined }), ['remediationWindowDays']],
    [legalAction('L-1', 'cure', { remediationWindowDays: 30 }), ['remediationWindowDays']],
    [legalAction('L-1', 'redeem', { cashSettlement: { reference: 'R-1', currency: 'CHF', pricePerUnit: '0' } }), ['cashSettlement.pricePerUnit']],
    [legalAction('L-1', 'redeem', { cashSettlement: { reference: '', currency: 'chf', pricePerUnit: 4250 } }), ['cashSettlement.currency', 'cashSettlement.pricePerUnit', 'cashSettlement.reference']],
    [legalAction('L-1', 'redeem', { remediationWindowDays: 30 }), ['remediationWindowDays']],
    [legalAction('L-1', 'liquidate'), ['action']],
    [legalAction('L-1', 'cure', { legalDocument: { uri: 'not a uri', sha256: 'ABC' } }), ['legalDocument.sha256', 'legalDocument.uri']],
    [legalAction('L-1', 'cure', { reason: '' }), ['reason']],
    [legalAction('L-1', 'cure', { proposalId: 'has space' }), ['proposalId']],
    [legalAction('L-1', 'cure', { assetId: undefined, extra: true }), ['assetId', 'extra']],
  ];
  for (const [document, paths] of cases) {
    const error = await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_ACTION_INVALID', (ctx) => contract.ProposeLegalAction(ctx, json(document)));
    t.deepEqual((error.details?.problems as Array<{ path: string }>).map((problem) => problem.path).sort(), paths, json(document));
  }
});

test('unknown or malformed ids are refused: asset, proposal', async (t) => {
  const worldState = await ledgerForLegal();
  await refused(t, worldState, BENCH.spvAdmin, 'ASSET_NOT_FOUND', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-1', 'cure', { assetId: 'NO-SUCH-ASSET' }))));
  const cases: Array<[TrestleErrorCode, string]> = [
    ['LEGAL_PROPOSAL_NOT_FOUND', 'L-404'],
    ['LEDGER_ID_MALFORMED', 'has space'],
    ['ARGUMENT_EMPTY', ''],
  ];
  for (const [code, proposalId] of cases) {
    await refused(t, worldState, BENCH.officerA, code, (ctx) => contract.ApproveLegalAction(ctx, proposalId, ''));
    await refused(t, worldState, BENCH.officerA, code, (ctx) => contract.RejectLegalAction(ctx, proposalId, 'No'));
    await refused(t, worldState, BENCH.spvAdmin, code, (ctx) => contract.WithdrawLegalAction(ctx, proposalId, 'No'));
    await refused(t, worldState, BENCH.regulator, code, (ctx) => contract.GetLegalProposal(ctx, proposalId));
  }
  await refused(t, worldState, BENCH.regulator, 'ASSET_NOT_FOUND', (ctx) => contract.GetLegalHistory(ctx, 'NO-SUCH-ASSET'));
});

test('reasons are checked: a rejection needs one, an approval\'s is optional but must be plain text', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, legalAction('L-1', 'start-remediation'));
  await refused(t, worldState, BENCH.officerA, 'ARGUMENT_EMPTY', (ctx) => contract.RejectLegalAction(ctx, 'L-1', ''));
  await refused(t, worldState, BENCH.officerA, 'REASON_INVALID', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', 'line\nbreak'));
  await refused(t, worldState, BENCH.officerA, 'REASON_INVALID', (ctx) => contract.RejectLegalAction(ctx, 'L-1', 'x'.repeat(501)));
});
