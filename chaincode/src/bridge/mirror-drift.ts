import type { Context } from 'fabric-contract-api';
import type { LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { sortedJson } from '../support/sorted-json';
import { activeChain } from './bridge-registry';
import { listOpenGatewayMessages } from './gateway-message-steps';
import { deriveMessage } from './message-fields';
import { alreadySent } from './message-sent';

/** One message the ledger holds and the EVM side does not yet: what validators' mirrors propose. */
export type MirrorDrift = { readonly type: LedgerGatewayMessage; readonly assetId: string; readonly token: string; readonly why: string };

/** The types a mirror keeps in step, in the order it proposes them (a legal state before a NAV, a write-off last). */
const MIRRORED: readonly LedgerGatewayMessage[] = ['SetLegalState', 'Nav', 'WriteOff'];

/**
 * For every bridged asset, the legal state, NAV and write-off the ledger holds that the gateway or
 * the asset's oracle does not, with none on its way. A message the ledger cannot derive now (no
 * oracle configured, no valuation in force, not written off) is simply not drift.
 */
export async function mirrorDrift(ctx: Context, chainId: string): Promise<MirrorDrift[]> {
  const chain = await activeChain(ctx, chainId);
  const drift: MirrorDrift[] = [];
  for (const type of MIRRORED) {
    const open = await listOpenGatewayMessages(ctx, chainId, type);
    for (const { assetId, token } of chain.tokens) {
      let fields;
      try {
        ({ fields } = await deriveMessage(ctx, chain, type, token));
      } catch (error) {
        // Not derivable now is not drift; anything else (a malformed record) must surface.
        if (isTrestleError(error, 'BRIDGE_OUT_STATE_CONFLICT') || isTrestleError(error, 'BRIDGE_ASSET_NOT_CONFIGURED')) continue;
        throw error;
      }
      if (open.some((record) => sortedJson(record.fields) === sortedJson(fields))) continue;
      if (await alreadySent(ctx, chainId, type, fields)) continue;
      drift.push({ type, assetId, token, why: `${type} ${sortedJson(fields)}` });
    }
  }
  return drift;
}
