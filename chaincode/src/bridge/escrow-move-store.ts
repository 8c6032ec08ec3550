import type { Context } from 'fabric-contract-api';
import { parseEscrowMoveRecord, type EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import { readRecord, writeRecord } from '../support/state';
import { escrowMoveKey } from './bridge-keys';

/** The move's record, or undefined before its first attestation. */
export async function findEscrowMove(ctx: Context, chainId: string, txHash: string, logIndex: number): Promise<EscrowMoveRecord | undefined> {
  return readRecord(ctx, escrowMoveKey(ctx, chainId, txHash, logIndex), parseEscrowMoveRecord);
}

export async function writeEscrowMove(ctx: Context, move: EscrowMoveRecord): Promise<void> {
  await writeRecord(ctx, escrowMoveKey(ctx, move.chainId, move.txHash, move.logIndex), move);
}
