import type { Context } from 'fabric-contract-api';
import type { Asset } from '@trestle/compliance/src/ledger/asset';
import type { Holding } from '@trestle/compliance/src/ledger/holding';
import { investorSnapshot, type InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { Policy } from '@trestle/compliance/src/policy/policy';
import type { TransferCheckInput, TravelRuleData } from '@trestle/compliance/src/rules/transfer-check-input';
import { requireTokenized } from '../assets/current-policy';
import { readAsset } from '../assets/asset-key';
import { findHolding, holderCountOf } from '../assets/holdings';
import { isPaused } from '../controls/pause-key';
import { readInvestor } from '../investors/investor-key';
import { txTimestampSeconds } from '../support/tx-time';

/** The parties and amount of a transfer, as a request names them. */
export type TransferParties = { readonly assetId: string; readonly fromInvestorId: string; readonly toInvestorId: string; readonly amount: bigint };

/** The rules' input built from the ledger, with the records it came from (settlement writes the holdings). */
export type LedgerTransferInput = {
  readonly input: TransferCheckInput;
  readonly asset: Asset;
  readonly policy: Policy;
  readonly sender: InvestorRecord;
  readonly receiver: InvestorRecord;
  readonly senderHolding: Holding | undefined;
  readonly receiverHolding: Holding | undefined;
};

/**
 * Everything the rules judge a transfer on, read from the world state: the asset's policy in
 * force, whether it is paused, both investors, the sender's holding with its lots, the receiver's
 * units, the number of holders; the time is the transaction timestamp. Nothing comes from the
 * client but the parties, the amount and the travel-rule data.
 */
export async function ledgerTransferInput(ctx: Context, parties: TransferParties, travelRule: TravelRuleData | undefined): Promise<LedgerTransferInput> {
  const { asset, policy } = await requireTokenized(ctx, await readAsset(ctx, parties.assetId));
  const [sender, receiver] = await Promise.all([readInvestor(ctx, parties.fromInvestorId), readInvestor(ctx, parties.toInvestorId)]);
  const [senderHolding, receiverHolding] = await Promise.all([findHolding(ctx, asset.assetId, sender.investorId), findHolding(ctx, asset.assetId, receiver.investorId)]);
  const receiverBalance = receiverHolding === undefined ? 0n : receiverHolding.balance + receiverHolding.escrowed;
  const input: TransferCheckInput = {
    policy,
    asset: { assetId: asset.assetId, paused: await isPaused(ctx, asset.assetId) },
    sender: investorSnapshot(sender),
    receiver: investorSnapshot(receiver),
    senderHolding: senderHolding === undefined ? { balance: 0n, frozen: 0n, escrowed: 0n, lots: [] } : senderHolding,
    receiverBalance,
    holderCount: await holderCountOf(ctx, asset.assetId),
    receiverIsHolder: receiverBalance > 0n,
    amount: parties.amount,
    now: txTimestampSeconds(ctx),
    ...(travelRule === undefined ? {} : { travelRule }),
  };
  return { input, asset, policy, sender, receiver, senderHolding, receiverHolding };
}
