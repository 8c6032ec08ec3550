import type { Context } from 'fabric-contract-api';
import { Contract } from 'fabric-contract-api';
import { holdingRecord } from '@trestle/compliance/src/ledger/holding';
import { moveUnits } from '@trestle/compliance/src/transfers/move-units';
import { readHolding } from '@trestle/chaincode/src/assets/holding-key';
import { findHolding, writeHolding } from '@trestle/chaincode/src/assets/holdings';
import { sortedJsonBytes } from '@trestle/chaincode/src/support/sorted-json';
import { txTimestampSeconds } from '@trestle/chaincode/src/support/tx-time';

/**
 * BENCH ONLY, NEVER DEPLOYABLE: a balance move that skips compliance, kept solely as the baseline
 * `npm run bench` compares TransferContract against (issue 4). It lives under test/bench, outside
 * chaincode/src, and is not in the chaincode package's contract list; chaincode-package.test.ts
 * asserts that it stays out.
 *
 * What it does is what a settlement does to the holdings, with the same code: read the sender's
 * and the receiver's holding (the real holding keys and records), move the units oldest lots first
 * (`moveUnits`, as settlement does), write both holdings back and set one chaincode event carrying
 * them. What it skips is everything compliance adds: the caller's role and bank checks, the
 * investor, policy and holder-count reads, the rules engine (at request and again at settlement),
 * the officers' approvals, the transfer record and its pending index, the audit record and the
 * travel-rule trace. Its amounts come in trusted (no argument validation), as only the bench calls it.
 */
export class PlainMoveBaselineContract extends Contract {
  constructor() {
    super('PlainMoveBaselineContract');
  }

  /** Moves `amount` units of `assetId` from one investor's holding to another's, unchecked. */
  async PlainMove(ctx: Context, assetId: string, fromInvestorId: string, toInvestorId: string, amount: bigint): Promise<void> {
    const sender = await readHolding(ctx, assetId, fromInvestorId);
    const receiver = await findHolding(ctx, assetId, toInvestorId);
    // A receiver without a holding gets one at the sender's bank: the baseline knows no investor records.
    const receiverIds = { assetId, investorId: toInvestorId, bankMsp: receiver?.bankMsp ?? sender.bankMsp };
    const moved = moveUnits(sender, receiver, receiverIds, amount, txTimestampSeconds(ctx), 'keep');
    await writeHolding(ctx, sender, moved.sender);
    await writeHolding(ctx, receiverIds, moved.receiver);
    const holdings = [moved.receiver, ...(moved.sender === null ? [] : [moved.sender])].map(holdingRecord);
    ctx.stub.setEvent('UnitsMoved', sortedJsonBytes({ type: 'UnitsMoved', payload: { holdings } }));
  }
}
