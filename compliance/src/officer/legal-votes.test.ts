import test from 'ava';
import { AFTER_LOCKUP } from '@trestle/chaincode/src/testing/transfer-story';
import { ASSET_ID } from '@trestle/chaincode/src/testing/ledger-documents';
import { BENCH, legalAction, propose } from '@trestle/chaincode/src/testing/legal-story';
import { LegalContract } from '@trestle/chaincode/src/legal/legal-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { startHarness } from './testing/officer-harness';

// Officers vote on a legal proposal over HTTP; each vote is a LegalContract transaction signed by
// the officer's own (test) identity, run by the in-process chaincode stub (no Fabric peer here).

type Counting = { approvals: string[]; rejections: string[]; requiredBanks: number; consortiumBanks: number; notCounted: string[] };
type Proposal = { proposalId: string; status: string; counting: Counting | null; votes: Array<{ decision: string; officerMsp: string; reason: string | null }> };
type Legal = { assetId: string; state: string; openProposal: Proposal | null; transitions: unknown[] };

test('the asset\'s open remediation shows its count; Bob and Carol approve it with reasons and it applies; Alice, its proposer, may not vote', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  await propose(harness.worldState, legalAction('L-HTTP-1', 'start-remediation', { remediationWindowDays: 30 }), BENCH.spvAdmin, { at: AFTER_LOCKUP });
  const [alice, bob, carol, rita] = await Promise.all([harness.as('alice'), harness.as('bob'), harness.as('carol'), harness.as('rita')]);

  const open = await rita.send('GET', `/api/v1/assets/${ASSET_ID}/legal`);
  t.is(open.status, 200, open.text);
  t.like(open.body as Legal, { assetId: ASSET_ID, state: 'TOKENIZED', openProposal: { proposalId: 'L-HTTP-1', status: 'PENDING', counting: { approvals: [], requiredBanks: 2, consortiumBanks: 3, notCounted: [] } } });

  const own = await alice.send('POST', '/api/v1/legal-proposals/L-HTTP-1/approve', { json: { reason: 'My own proposal' } });
  t.is(own.status, 403);
  t.is((own.body as { code: string }).code, 'LEGAL_SELF_VOTE');
  const regulator = await rita.send('POST', '/api/v1/legal-proposals/L-HTTP-1/approve', { json: { reason: 'Regulators do not vote' } });
  t.is((regulator.body as { code: string }).code, 'OFFICER_ROLE_FORBIDDEN');

  const first = await bob.send('POST', '/api/v1/legal-proposals/L-HTTP-1/approve', { json: { reason: 'Default notice checked' } });
  t.is(first.status, 200, first.text);
  t.like(first.body as Proposal, { status: 'PENDING', counting: { approvals: ['BankAMSP'] } });
  const deciding = await carol.send('POST', '/api/v1/legal-proposals/L-HTTP-1/approve', { json: { reason: 'Agreed' } });
  t.is(deciding.status, 200, deciding.text);
  t.like(deciding.body as Proposal, { status: 'APPLIED', counting: null });
  t.deepEqual((deciding.body as Proposal).votes.map((vote) => [vote.officerMsp, vote.reason]), [['BankAMSP', 'Default notice checked'], ['BankBMSP', 'Agreed']]);

  const after = (await alice.send('GET', `/api/v1/assets/${ASSET_ID}/legal`)).body as Legal;
  t.is(after.state, 'REMEDIATION');
  t.is(after.openProposal, null);
  t.is(after.transitions.length, 1);
});

test('a vote without a reason, on an unknown proposal or on a closed one is refused with a typed error and writes nothing', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  // One proposal is open at a time per asset: L-HTTP-3 is withdrawn before L-HTTP-2 is made.
  await propose(harness.worldState, legalAction('L-HTTP-3', 'start-remediation'), BENCH.spvAdmin, { at: AFTER_LOCKUP });
  await new LegalContract().WithdrawLegalAction(tx(BENCH.spvAdmin, harness.worldState, { at: AFTER_LOCKUP }).ctx, 'L-HTTP-3', 'Filed too early');
  await propose(harness.worldState, legalAction('L-HTTP-2', 'start-remediation'), BENCH.spvAdmin, { at: AFTER_LOCKUP });
  const bob = await harness.as('bob');
  const before = harness.snapshot();
  const cases: Array<[string, unknown, number, string]> = [
    ['/api/v1/legal-proposals/L-HTTP-2/approve', {}, 400, 'OFFICER_REQUEST_MALFORMED'],
    ['/api/v1/legal-proposals/L-HTTP-2/reject', { reason: '' }, 400, 'OFFICER_REQUEST_MALFORMED'],
    ['/api/v1/legal-proposals/L-NONE/approve', { reason: 'x' }, 404, 'LEGAL_PROPOSAL_NOT_FOUND'],
    ['/api/v1/legal-proposals/L-HTTP-3/approve', { reason: 'Too late' }, 409, 'LEGAL_PROPOSAL_STATE_CONFLICT'],
  ];
  for (const [path, body, status, code] of cases) {
    const answer = await bob.send('POST', path, { json: body });
    t.is(answer.status, status, `${path}: ${answer.text}`);
    t.is((answer.body as { code: string }).code, code, path);
  }
  t.deepEqual(harness.snapshot(), before);
});
