import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import { assetOfToken } from '@trestle/compliance/src/bridge/bridge-chain';
import type { EscrowMoveEvent, EscrowMoveRecord } from '@trestle/compliance/src/bridge/escrow-move';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { txTimestampIso } from '../support/tx-time';
import { applyEscrowMove } from './apply-escrow-move';
import { activeChain, requireValidator } from './bridge-registry';
import { entriesInForce } from './entries-in-force';
import { findEscrowMove, writeEscrowMove } from './escrow-move-store';

const checksummed = (address: string): string => getAddress(address.toLowerCase());

/** Two attestations match when they state the same move, field for field. */
const sameMove = (a: EscrowMoveEvent, b: EscrowMoveEvent) => sortedJson(a) === sortedJson(b);

/**
 * Records the caller's bank's attestation of a token transfer's change of beneficial owner; at the
 * chain's threshold of matching attestations from distinct banks in force now (entriesInForce), moves the escrow (once: an
 * applied move is never applied again). Idempotent for a bank that repeats itself; a bank that
 * states different facts for the same transfer log is refused (BRIDGE_ATTESTATION_CONFLICT), and a
 * token the chain does not map is refused (BRIDGE_TOKEN_UNKNOWN).
 */
export async function attestEscrowMove(ctx: Context, stated: EscrowMoveEvent): Promise<void> {
  const caller = callerOf(ctx);
  const validator = await requireValidator(ctx, caller.mspId);
  const chain = await activeChain(ctx, stated.chainId);
  const event: EscrowMoveEvent = {
    ...stated,
    token: checksummed(stated.token),
    from: checksummed(stated.from),
    to: checksummed(stated.to),
    venue: stated.venue === null ? null : checksummed(stated.venue),
  };
  const assetId = assetOfToken(chain, event.token);
  if (assetId === undefined) {
    throw new TrestleError('BRIDGE_TOKEN_UNKNOWN', "The moved token is not an asset's token in this chain's bridge configuration; nothing on the ledger backs it.", { details: { chainId: event.chainId, token: event.token } });
  }
  if (event.from === event.to) {
    throw new TrestleError('BRIDGE_ATTESTATION_INVALID', 'A move names the same wallet as sender and receiver; a validator states only transfers that change the beneficial owner.', { details: { chainId: event.chainId, txHash: event.txHash, logIndex: event.logIndex } });
  }
  const move: EscrowMoveRecord = (await findEscrowMove(ctx, event.chainId, event.txHash, event.logIndex)) ?? { chainId: event.chainId, txHash: event.txHash, logIndex: event.logIndex, status: 'ATTESTED', attestations: [], applied: null };
  const own = move.attestations.find((attestation) => attestation.bankMsp === caller.mspId);
  if (own !== undefined) {
    if (sameMove(own.event, event)) return;
    throw new TrestleError('BRIDGE_ATTESTATION_CONFLICT', 'Your bank already attested this transfer with different facts; an attestation cannot be changed. Check the validator that sent it.', {
      details: { chainId: event.chainId, txHash: event.txHash, logIndex: event.logIndex, bankMsp: caller.mspId },
    });
  }
  const attested: EscrowMoveRecord = { ...move, attestations: [...move.attestations, { bankMsp: caller.mspId, validator: validator.address, event, attestedAt: txTimestampIso(ctx) }] };
  const matching = (await entriesInForce(ctx, attested.attestations.filter((attestation) => sameMove(attestation.event, event)))).length;
  if (attested.status === 'ATTESTED' && matching >= chain.threshold) {
    await applyEscrowMove(ctx, attested, event, assetId);
    return;
  }
  await writeEscrowMove(ctx, attested);
  emitLedgerEvent(ctx, { type: 'EscrowMoveAttested', payload: attested });
}
