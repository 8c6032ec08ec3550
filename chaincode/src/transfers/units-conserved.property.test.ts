import '../testing/quiet-fabric-logs';
import test from 'ava';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import type { Context } from 'fabric-contract-api';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { ControlContract } from '../controls/control-contract';
import { tx } from '../testing/ledger-cast';
import { ASSET_ID, json } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { snapshot, snapshotLedger, type TestIdentity, type WorldState } from '../testing/stub-context';
import { AFTER_LOCKUP, DESK, ledgerForTransfers, TRAVEL_RULE, transferOf, transferRequest, unitsOnLedger } from '../testing/transfer-story';
import { TransferContract } from './transfer-contract';

const transfers = new TransferContract();
const controls = new ControlContract();
const PEOPLE = [INVESTORS.annaA, INVESTORS.benA, INVESTORS.chloeB];
const OFFICERS = [DESK.requesterA, DESK.officerA, DESK.secondOfficerA, DESK.officerB, DESK.secondOfficerB];
const ids = fc.constantFrom('T-1', 'T-2', 'T-3');
const investor = fc.constantFrom(...PEOPLE);
// Mostly amounts the rules allow, so runs reach settlement; now and then one they refuse.
const amount = fc.oneof({ weight: 6, arbitrary: fc.bigInt({ min: 100n, max: 70_000n }) }, { weight: 1, arbitrary: fc.constantFrom(0n, 99n, 300_000n, 600_001n) });

type Step = { readonly who: TestIdentity; readonly label: string; readonly run: (ctx: Context) => Promise<unknown> };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(ids, investor, investor, amount).map(([id, from, to, units]): Step => ({
    who: from === INVESTORS.chloeB ? DESK.officerB : DESK.requesterA,
    label: `request ${id} ${from}->${to} ${units}`,
    run: (ctx) => transfers.RequestTransfer(ctx, json(transferRequest(id, units, { fromInvestorId: from, toInvestorId: to }))),
  })) },
  { weight: 6, arbitrary: fc.tuple(ids, fc.constantFrom(...OFFICERS)).map(([id, who]): Step => ({ who, label: `approve ${id}`, run: (ctx) => transfers.ApproveTransfer(ctx, id, '') })) },
  { weight: 1, arbitrary: fc.tuple(ids, fc.constantFrom(...OFFICERS)).map(([id, who]): Step => ({ who, label: `reject ${id}`, run: (ctx) => transfers.RejectTransfer(ctx, id, 'No') })) },
  { weight: 1, arbitrary: fc.tuple(investor, amount).map(([id, units]): Step => ({ who: DESK.regulator, label: `freeze ${id} ${units}`, run: (ctx) => controls.FreezePartial(ctx, ASSET_ID, id, units.toString(), 'Hold') })) },
  { weight: 1, arbitrary: fc.tuple(investor, investor, amount).map(([from, to, units]): Step => ({
    who: DESK.regulator,
    label: `force ${from}->${to} ${units}`,
    run: (ctx) => controls.ForcedTransfer(ctx, ASSET_ID, from, to, units.toString(), 'Order 7', 'cd'.repeat(32)),
  })) },
);

test('any sequence of requests, approvals, rejections, freezes and forced transfers keeps the units constant; a refused call changes nothing', async (t) => {
  const base = await ledgerForTransfers();
  let settled = 0;
  let refusals = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
      const worldState: WorldState = snapshot(base);
      for (const { who, label, run } of steps) {
        const before = snapshotLedger(worldState);
        const transaction = tx(who, worldState, { at: AFTER_LOCKUP, transient: TRAVEL_RULE });
        try {
          await run(transaction.ctx);
        } catch (error) {
          if (!isTrestleError(error)) throw new Error(`${label}: not a TrestleError: ${String(error)}`, { cause: error });
          if (!isDeepStrictEqual(snapshotLedger(worldState), before)) throw new Error(`${label}: refused with ${error.code} but wrote`);
          refusals += 1;
        }
        if (unitsOnLedger(worldState, transaction.ctx) !== 1_000_000n) throw new Error(`${label}: units not conserved`);
      }
      for (const id of ['T-1', 'T-2', 'T-3']) {
        const transfer = await transferOf(worldState, id).catch(() => undefined);
        if (transfer?.status === 'SETTLED') {
          settled += 1;
          const banks = new Set(transfer.approvals.map((approval) => approval.officerMsp));
          if (!banks.has(transfer.senderBankMsp) || !banks.has(transfer.receiverBankMsp)) throw new Error(`${id} settled without both banks' approvals`);
        }
      }
    }),
    { numRuns: 150 },
  );
  t.log(`${settled} settlements, ${refusals} refusals`);
  t.true(settled > 0 && refusals > 0, 'the runs reached both settlements and refusals');
});
