import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { AssetContract } from '../assets/asset-contract';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { tx } from '../testing/ledger-cast';
import { ASSET_ID } from '../testing/ledger-documents';
import { approve, BENCH, legalAction, ledgerForLegal, proposalOf, propose } from '../testing/legal-story';
import { refused } from '../testing/refusal';
import type { WorldState } from '../testing/stub-context';
import { BANK_A_ADMIN, BANK_B_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { LegalContract } from './legal-contract';

// An open legal vote across a consortium membership change: what a removed bank said stops counting.

const consortium = new ConsortiumContract();
const legal = new LegalContract();

const stateOf = async (worldState: WorldState) => (JSON.parse(await new AssetContract().GetAsset(tx(BENCH.regulator, worldState).ctx, ASSET_ID)) as Asset).state;

async function removeBankB(worldState: WorldState): Promise<void> {
  const members = JSON.stringify({ banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] });
  await consortium.ProposeMembershipChange(tx(BANK_A_ADMIN, worldState).ctx, members);
  for (const admin of [BANK_C_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, worldState).ctx, members);
}

test('a bank removed after approving no longer counts: the remaining banks must make the quorum themselves', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, legalAction('L-1', 'start-remediation', { remediationWindowDays: 60 }));
  await approve(worldState, BENCH.officerB, 'L-1');
  await removeBankB(worldState);

  await approve(worldState, BENCH.officerC, 'L-1');
  t.is(await stateOf(worldState), 'TOKENIZED', "BankB's approval was given before it left; BankC's alone is one bank of the two in force");
  t.like(await proposalOf(worldState, 'L-1'), { status: 'PENDING' });
  t.deepEqual((await proposalOf(worldState, 'L-1')).votes.map((vote) => vote.officerMsp), ['BankBMSP', 'BankCMSP'], 'the record keeps every vote');

  await approve(worldState, BENCH.officerA, 'L-1');
  t.is(await stateOf(worldState), 'REMEDIATION', 'BankA and BankC are the two banks in force');
  t.like(await proposalOf(worldState, 'L-1'), { status: 'APPLIED', closure: { byMsp: 'BankAMSP' } });
});

test("a removed bank's officers cannot vote any more, and the banks in force decide over its rejection", async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, legalAction('L-2', 'start-remediation', { remediationWindowDays: 60 }));
  await legal.RejectLegalAction(tx(BENCH.officerB, worldState).ctx, 'L-2', 'Not convinced');
  await removeBankB(worldState);
  await refused(t, worldState, BANK_B_ADMIN, 'CALLER_NOT_MEMBER', (ctx) => legal.ApproveLegalAction(ctx, 'L-2', ''));

  await approve(worldState, BENCH.officerC, 'L-2');
  await approve(worldState, BENCH.officerA, 'L-2');
  t.like(await proposalOf(worldState, 'L-2'), { status: 'APPLIED', closure: { byMsp: 'BankAMSP' } });
  t.is(await stateOf(worldState), 'REMEDIATION');
});

test('a proposal open while the consortium loses a bank is decided by the banks in force: one rejection of two banks closes it', async (t) => {
  const worldState = await ledgerForLegal();
  await propose(worldState, legalAction('L-3', 'start-remediation', { remediationWindowDays: 30 }));
  await removeBankB(worldState);
  await legal.RejectLegalAction(tx(BENCH.officerC, worldState).ctx, 'L-3', 'Not yet');
  t.like(await proposalOf(worldState, 'L-3'), { status: 'REJECTED' }, 'with two banks in force and a quorum of two, one rejection decides');
  t.is((await proposalOf(worldState, 'L-3')).quorum.requiredBanks, 2);
  await refused(t, worldState, BENCH.officerA, 'LEGAL_PROPOSAL_STATE_CONFLICT', (ctx) => legal.ApproveLegalAction(ctx, 'L-3', ''));
});
