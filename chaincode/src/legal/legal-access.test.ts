import '../testing/quiet-fabric-logs';
import test from 'ava';
import { CAST, eventsOf, tx } from '../testing/ledger-cast';
import { json } from '../testing/ledger-documents';
import { approve, BENCH, legalAction, legalHistoryOf, ledgerForLegal, proposalOf, propose } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import { LegalContract } from './legal-contract';

// Who may do what: deny by default, one vote per officer and per bank, never the proposer's.

const contract = new LegalContract();
const remediation = legalAction('L-1', 'start-remediation');

test('only an spv-admin of the asset\'s administering bank proposes a legal action', async (t) => {
  const worldState = await ledgerForLegal();
  for (const identity of [BENCH.officerA, CAST.appraiser, BENCH.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.ProposeLegalAction(ctx, json(remediation)));
  }
  // Carol is spv-admin at BankB, but the asset's SPV is administered by BankA.
  await refused(t, worldState, BENCH.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => contract.ProposeLegalAction(ctx, json(remediation)));
});

test('only compliance officers vote; the proposer never does, even holding the role', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, remediation);
  for (const identity of [CAST.appraiser, BENCH.regulator, CAST.nobody]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', ''));
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.RejectLegalAction(ctx, 'L-1', 'No'));
  }
  await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_SELF_VOTE', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', ''));
  await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_SELF_VOTE', (ctx) => contract.RejectLegalAction(ctx, 'L-1', 'Changed my mind'));
});

test('an officer votes once, and a bank once: a second officer of the same bank is refused', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, remediation);
  await approve(worldState, BENCH.officerB, 'L-1');
  await refused(t, worldState, BENCH.officerB, 'LEGAL_ALREADY_VOTED', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', ''));
  await refused(t, worldState, BENCH.officerB, 'LEGAL_ALREADY_VOTED', (ctx) => contract.RejectLegalAction(ctx, 'L-1', 'Second thoughts'));
  await refused(t, worldState, BENCH.secondOfficerB, 'LEGAL_BANK_ALREADY_VOTED', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', ''));
  t.is((await proposalOf(worldState, 'L-1')).votes.length, 1);
  t.is((await legalHistoryOf(worldState)).state, 'TOKENIZED', 'one bank, however many officers, is not a quorum');
});

test('a proposal closes as REJECTED once so many banks reject that the quorum is out of reach; nothing more is accepted on it', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, remediation);
  const first = tx(BENCH.officerB, worldState);
  await contract.RejectLegalAction(first.ctx, 'L-1', 'No default has occurred');
  t.is((await proposalOf(worldState, 'L-1')).status, 'PENDING', 'two banks can still approve');
  t.deepEqual(eventsOf(first).map((event) => event.name), ['LegalActionRejected']);
  await approve(worldState, BENCH.officerA, 'L-1');
  await contract.RejectLegalAction(tx(BENCH.officerC, worldState).ctx, 'L-1', 'Agree with BankB');
  const rejected = await proposalOf(worldState, 'L-1');
  t.is(rejected.status, 'REJECTED');
  t.like(rejected.closure, { status: 'REJECTED', byMsp: 'BankCMSP', reason: 'Agree with BankB', transitionSeq: null });
  await refused(t, worldState, BENCH.secondOfficerB, 'LEGAL_PROPOSAL_STATE_CONFLICT', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', ''));
  await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_PROPOSAL_STATE_CONFLICT', (ctx) => contract.WithdrawLegalAction(ctx, 'L-1', 'Too late'));
  t.is((await legalHistoryOf(worldState)).state, 'TOKENIZED');
  await propose(worldState, legalAction('L-2', 'start-remediation'));
  t.is((await legalHistoryOf(worldState)).openProposal?.proposalId, 'L-2', 'a closed proposal frees the asset for the next');
});

test('the administering bank\'s spv-admin withdraws a pending proposal; another bank cannot', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, remediation);
  await refused(t, worldState, BENCH.officerB, 'CALLER_OF_OTHER_BANK', (ctx) => contract.WithdrawLegalAction(ctx, 'L-1', 'Not yours'));
  await refused(t, worldState, BENCH.officerA, 'CALLER_LACKS_ROLE', (ctx) => contract.WithdrawLegalAction(ctx, 'L-1', 'Not an spv-admin'));
  await refused(t, worldState, BENCH.spvAdmin, 'ARGUMENT_EMPTY', (ctx) => contract.WithdrawLegalAction(ctx, 'L-1', ''));
  const withdrawal = tx(BENCH.spvAdmin, worldState);
  await contract.WithdrawLegalAction(withdrawal.ctx, 'L-1', 'Borrower paid before the vote');
  t.deepEqual(eventsOf(withdrawal).map((event) => event.name), ['LegalActionWithdrawn']);
  t.like((await proposalOf(worldState, 'L-1')).closure, { status: 'WITHDRAWN', byMsp: 'BankAMSP', reason: 'Borrower paid before the vote' });
  await refused(t, worldState, BENCH.officerA, 'LEGAL_PROPOSAL_STATE_CONFLICT', (ctx) => contract.ApproveLegalAction(ctx, 'L-1', ''));
});

test('one proposal at a time per asset, and a proposal id is used once', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, remediation);
  const open = await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_PROPOSAL_OPEN', (ctx) => contract.ProposeLegalAction(ctx, json(legalAction('L-2', 'redeem'))));
  t.deepEqual(open.details, { assetId: 'ZOB', openProposalId: 'L-1' });
  await refused(t, worldState, BENCH.spvAdmin, 'LEGAL_PROPOSAL_ALREADY_EXISTS', (ctx) => contract.ProposeLegalAction(ctx, json(remediation)));
});

test('the legal history is for the holding readers; a proposal is for every role', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, remediation);
  await refused(t, worldState, CAST.appraiser, 'CALLER_LACKS_ROLE', (ctx) => contract.GetLegalHistory(ctx, 'ZOB'));
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', (ctx) => contract.GetLegalProposal(ctx, 'L-1'));
  t.is((JSON.parse(await contract.GetLegalProposal(tx(CAST.appraiser, worldState).ctx, 'L-1')) as { status: string }).status, 'PENDING');
});
