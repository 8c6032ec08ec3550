import type { Context } from 'fabric-contract-api';
import type { EscrowMoveApplied, EscrowMoveEvent, EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import { holdingRecord, type Holding } from '@trestle/compliance/src/ledger/holding';
import { appendAudit } from '../audit/audit-key';
import { findHolding, writeHolding } from '../assets/holdings';
import { findInvestor } from '../investors/investor-key';
import { emitLedgerEvent } from '../support/ledger-event';
import { txTimestampIso } from '../support/tx-time';
import { findWalletBinding } from '../wallets/wallet-key';
import { writeEscrowMove } from './escrow-move-store';

/** The investor a wallet is bound to on this chain, with their bank; undefined when it is not bound here. */
async function ownerOf(ctx: Context, wallet: string, chainId: string): Promise<{ investorId: string; bankMsp: string } | undefined> {
  const binding = await findWalletBinding(ctx, wallet);
  if (binding === undefined || binding.chainId !== chainId) return undefined;
  const investor = await findInvestor(ctx, binding.investorId);
  return investor === undefined ? undefined : { investorId: investor.investorId, bankMsp: investor.bankMsp };
}

/**
 * Moves the escrow a token transfer carried to its new beneficial owner: from the sender's holding
 * to the receiver's (created when they held none), as far as the sender's attributed escrow goes.
 * Only the attribution changes: the pool's total and every balance stay as they were, and no rule
 * is judged, because the EVM chain's compliance already let the transfer happen; the ledger records
 * who owns what it escrows. When a side is not an investor's bound wallet on this chain, nothing
 * moves and the record says why.
 */
export async function applyEscrowMove(ctx: Context, record: EscrowMoveRecord, event: EscrowMoveEvent, assetId: string): Promise<void> {
  const [from, to] = [await ownerOf(ctx, event.from, event.chainId), await ownerOf(ctx, event.to, event.chainId)];
  const amount = BigInt(event.amount);
  const changed: Holding[] = [];
  let moved = 0n;
  let note: string | null = null;
  if (from === undefined || to === undefined) {
    note = `The ${from === undefined ? 'sending' : 'receiving'} wallet is not bound to an investor on this chain, so the escrow stays attributed as it was.`;
  } else if (from.investorId === to.investorId) {
    note = 'Both wallets are bound to the same investor: the beneficial owner did not change.';
  } else {
    const sender = await findHolding(ctx, assetId, from.investorId);
    const available = sender?.escrowed ?? 0n;
    moved = available < amount ? available : amount;
    if (moved < amount) note = `The sender's attributed escrow was ${available}, short of ${amount}: ${amount - moved} units stay attributed as they were.`;
    if (sender !== undefined && moved > 0n) {
      const receiver: Holding = (await findHolding(ctx, assetId, to.investorId)) ?? { assetId, investorId: to.investorId, bankMsp: to.bankMsp, balance: 0n, frozen: 0n, escrowed: 0n, lots: [] };
      changed.push({ ...sender, escrowed: sender.escrowed - moved }, { ...receiver, escrowed: receiver.escrowed + moved });
    }
  }
  const applied: EscrowMoveApplied = {
    assetId,
    fromInvestorId: from?.investorId ?? null,
    toInvestorId: to?.investorId ?? null,
    moved: moved.toString(),
    note,
    appliedAt: txTimestampIso(ctx),
    txId: ctx.stub.getTxID(),
  };
  const done: EscrowMoveRecord = { ...record, status: 'APPLIED', applied };
  for (const holding of changed) await writeHolding(ctx, holding, holding.balance + holding.escrowed === 0n ? null : holding);
  await writeEscrowMove(ctx, done);
  await appendAudit(ctx, {
    action: 'bridge-escrow-moved',
    assetId,
    policyVersion: null,
    transferId: `move:${event.chainId}:${event.txHash}:${event.logIndex}`,
    investorIds: [from?.investorId, to?.investorId].filter((id): id is string => id !== undefined),
    amount: moved.toString(),
    reason: note,
    documentHash: null,
    verdicts: null,
  });
  emitLedgerEvent(ctx, { type: 'EscrowMoved', payload: { move: done, holdings: changed.map(holdingRecord) } });
}
