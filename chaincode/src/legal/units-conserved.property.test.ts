import '../testing/quiet-fabric-logs';
import test from 'ava';
import fc from 'fast-check';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import { AssetContract } from '../assets/asset-contract';
import { tx } from '../testing/ledger-cast';
import { ASSET_ID, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { BENCH, legalAction, legalHistoryOf, ledgerForLegal } from '../testing/legal-story';
import { submitCleanly } from '../testing/malformed-input';
import { snapshot, type WorldState } from '../testing/stub-context';
import { daysAfterT0, DESK, transferRequest, unitsOnLedger } from '../testing/transfer-story';
import { TransferContract } from '../transfers/transfer-contract';
import { LegalContract } from './legal-contract';

// Random interleavings of legal steps, votes by any officer (the proposer included) and transfers,
// at times that only move forward: every step either succeeds with one event or is refused with a
// typed error and no write, the units on the ledger stay the tokenized supply until a redemption
// retires all of them, and the asset's transitions form one chain from TOKENIZED.

const legal = new LegalContract();
const transfers = new TransferContract();
const SUPPLY = 1_000_000n;
const VOTERS = [BENCH.officerA, BENCH.officerB, BENCH.secondOfficerB, BENCH.officerC, BENCH.spvAdmin] as const;

type Vote = { readonly voter: number; readonly decision: 'approve' | 'reject' };
type Step =
  | { readonly kind: 'propose'; readonly action: string; readonly days: number; readonly price: string; readonly votes: readonly Vote[] }
  | { readonly kind: 'vote'; readonly vote: Vote }
  | { readonly kind: 'withdraw' }
  | { readonly kind: 'transfer'; readonly amount: bigint; readonly from: string };

// Mostly approvals, so quorums are reached often enough for the legal states to be explored.
const decision = fc.oneof({ weight: 3, arbitrary: fc.constant('approve' as const) }, { weight: 1, arbitrary: fc.constant('reject' as const) });
const vote: fc.Arbitrary<Vote> = fc.record({ voter: fc.nat({ max: VOTERS.length - 1 }), decision });
// Distinct voters in a random order, so most proposals are decided one way or the other.
const ballot: fc.Arbitrary<Vote[]> = fc
  .tuple(fc.shuffledSubarray([...VOTERS.keys()], { minLength: 1 }), fc.array(decision, { minLength: VOTERS.length, maxLength: VOTERS.length }))
  .map(([voters, decisions]) => voters.map((voter, index) => ({ voter, decision: decisions[index] ?? 'approve' })));
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('propose' as const),
      // Redemption ends the story, so it comes up less often than the steps that continue it.
      action: fc.oneof({ weight: 3, arbitrary: fc.constant('start-remediation') }, { weight: 2, arbitrary: fc.constantFrom('cure', 'write-off') }, { weight: 1, arbitrary: fc.constant('redeem') }),
      days: fc.integer({ min: 1, max: 60 }),
      price: fc.constantFrom('1', '7', '4250000000'),
      votes: ballot,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('vote' as const), vote }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'withdraw' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), amount: fc.bigInt({ min: 1n, max: 5_000n }), from: fc.constantFrom(INVESTORS.annaA, INVESTORS.benA) }) },
);

async function castVote(worldState: WorldState, cast: Vote, proposalId: string, at: Date): Promise<void> {
  const voter = VOTERS[cast.voter] ?? BENCH.officerA;
  await submitCleanly(worldState, voter, (ctx) => (cast.decision === 'approve' ? legal.ApproveLegalAction(ctx, proposalId, '') : legal.RejectLegalAction(ctx, proposalId, 'Not convinced')), { at });
}

async function play(worldState: WorldState, steps: readonly Step[], gaps: readonly number[]): Promise<void> {
  let day = 91;
  let proposalId = 'P-0';
  for (const [index, next] of steps.entries()) {
    day += gaps[index] ?? 0;
    const at = daysAfterT0(day);
    switch (next.kind) {
      case 'propose': {
        proposalId = `P-${index}`;
        const id = proposalId;
        const terms = next.action === 'redeem' ? { cashSettlement: { reference: 'R', currency: 'CHF', pricePerUnit: next.price } } : next.action === 'start-remediation' ? { remediationWindowDays: next.days } : {};
        await submitCleanly(worldState, BENCH.spvAdmin, (ctx) => legal.ProposeLegalAction(ctx, json(legalAction(id, next.action, terms))), { at });
        for (const cast of next.votes) await castVote(worldState, cast, id, at);
        break;
      }
      case 'vote':
        await castVote(worldState, next.vote, proposalId, at);
        break;
      case 'withdraw':
        await submitCleanly(worldState, BENCH.spvAdmin, (ctx) => legal.WithdrawLegalAction(ctx, proposalId, 'Withdrawn'), { at });
        break;
      case 'transfer': {
        const transferId = `T-${index}`;
        await submitCleanly(worldState, DESK.requesterA, (ctx) => transfers.RequestTransfer(ctx, json(transferRequest(transferId, next.amount, { fromInvestorId: next.from }))), { at });
        await submitCleanly(worldState, DESK.officerA, (ctx) => transfers.ApproveTransfer(ctx, transferId, ''), { at });
        await submitCleanly(worldState, DESK.officerB, (ctx) => transfers.ApproveTransfer(ctx, transferId, ''), { at });
        break;
      }
    }
  }
}

test('legal steps, votes and transfers in any order conserve the units until a redemption retires them all, and chain the transitions', async (t) => {
  const base = await ledgerForLegal();
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 14, size: 'large' }), fc.array(fc.nat({ max: 45 }), { minLength: 14, maxLength: 14 }), async (steps, gaps) => {
      const worldState = snapshot(base);
      await play(worldState, steps, gaps);
      const reader = tx(BENCH.regulator, worldState);
      const asset = JSON.parse(await new AssetContract().GetAsset(reader.ctx, ASSET_ID)) as Asset;
      const units = unitsOnLedger(worldState, reader.ctx);
      const history = await legalHistoryOf(worldState);
      if (asset.state === 'REDEEMED') {
        if (units !== 0n) return false;
        if (history.transitions.at(-1)?.redemption?.unitsRetired !== SUPPLY.toString()) return false;
      } else if (units !== SUPPLY) return false;
      if (history.transitions.length !== asset.legalTransitionCount) return false;
      return history.transitions.every((transition, index) => transition.seq === index + 1 && transition.from === (index === 0 ? 'TOKENIZED' : history.transitions[index - 1]?.to));
    }),
    { numRuns: 100 },
  );
  t.pass();
});
