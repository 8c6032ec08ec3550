import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import { assetOfToken } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BurnEvent, BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf } from '../identity/caller';
import { emitLedgerEvent } from '../support/ledger-event';
import { sortedJson } from '../support/sorted-json';
import { txTimestampIso } from '../support/tx-time';
import { activeChain, requireValidator } from './bridge-registry';
import { releaseBurn } from './burn-release';
import { findBurn, writeBurn } from './burn-store';
import { entriesInForce } from './entries-in-force';

/** Two attestations match when they state the same event, field for field. */
const sameEvent = (a: BurnEvent, b: BurnEvent) => sortedJson(a) === sortedJson(b);

/**
 * Records the caller's bank's attestation of a burn; at the chain's threshold of matching
 * attestations from distinct banks in force now (entriesInForce), releases it. Idempotent for a bank that repeats itself; a bank
 * that states a different event for the same burn is refused (BRIDGE_ATTESTATION_CONFLICT), and
 * a burn of a token the chain does not map is refused (BRIDGE_TOKEN_UNKNOWN).
 */
export async function attestBurn(ctx: Context, stated: BurnEvent): Promise<void> {
  const caller = callerOf(ctx);
  const validator = await requireValidator(ctx, caller.mspId);
  const chain = await activeChain(ctx, stated.chainId);
  const event: BurnEvent = { ...stated, token: getAddress(stated.token.toLowerCase()), from: getAddress(stated.from.toLowerCase()) };
  const assetId = assetOfToken(chain, event.token);
  if (assetId === undefined) {
    throw new TrestleError('BRIDGE_TOKEN_UNKNOWN', "The burned token is not an asset's token in this chain's bridge configuration; nothing on the ledger backs it.", {
      details: { chainId: event.chainId, token: event.token },
    });
  }
  const burn: BurnRecord = (await findBurn(ctx, event.chainId, chain.gateway, event.burnNonce)) ?? { chainId: event.chainId, burnNonce: event.burnNonce, status: 'ATTESTED', attestations: [], release: null };
  const own = burn.attestations.find((attestation) => attestation.bankMsp === caller.mspId);
  if (own !== undefined) {
    if (sameEvent(own.event, event)) return;
    throw new TrestleError('BRIDGE_ATTESTATION_CONFLICT', 'Your bank already attested this burn with different facts; an attestation cannot be changed. Check the validator that sent it.', {
      details: { chainId: event.chainId, burnNonce: event.burnNonce, bankMsp: caller.mspId },
    });
  }
  const attested: BurnRecord = { ...burn, attestations: [...burn.attestations, { bankMsp: caller.mspId, validator: validator.address, event, attestedAt: txTimestampIso(ctx) }] };
  const matching = (await entriesInForce(ctx, attested.attestations.filter((attestation) => sameEvent(attestation.event, event)))).length;
  if (attested.status === 'ATTESTED' && matching >= chain.threshold) {
    await releaseBurn(ctx, attested, event, assetId, chain.gateway);
    return;
  }
  await writeBurn(ctx, chain.gateway, attested);
  emitLedgerEvent(ctx, { type: 'BurnAttested', payload: attested });
}
