import type { Context } from 'fabric-contract-api';
import type { GatewayMessageFields, LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { parseWalletBindingRecord } from '@trestle/compliance/src/ledger/wallet-binding';
import { sortedJson } from '../support/sorted-json';
import { decodeJson, valuesByPartialKey } from '../support/state';
import { WALLET_KEY_TYPE } from '../wallets/wallet-key';
import { activeChain } from './bridge-registry';
import { listOpenGatewayMessages } from './gateway-message-steps';
import { identityDrift } from './identity-drift';
import { deriveMessage } from './message-fields';
import { alreadySent } from './message-sent';

/**
 * One message the ledger holds and the EVM side does not yet: what validators' mirrors propose. An
 * identity registration names the `bank` whose validator alone can propose it (its claim).
 */
export type MirrorDrift = { readonly type: LedgerGatewayMessage; readonly assetId: string; readonly token: string; readonly wallet?: string; readonly bank?: string; readonly why: string };

/** The types a mirror keeps in step, in the order it proposes them (states before a NAV, a write-off last). */
const MIRRORED: readonly LedgerGatewayMessage[] = ['SetLegalState', 'SetKycPhase', 'Nav', 'WriteOff'];

/** What each message is about: an asset, or for a KYC phase each wallet bound on the chain, per asset. */
async function subjects(ctx: Context, chainId: string, type: LedgerGatewayMessage): Promise<(string | undefined)[]> {
  if (type !== 'SetKycPhase') return [undefined];
  const bindings = (await valuesByPartialKey(ctx, WALLET_KEY_TYPE, [])).map((value) => parseWalletBindingRecord(decodeJson(value)));
  return bindings.filter((binding) => binding.chainId === chainId).map((binding) => binding.address);
}

/**
 * For every bridged asset, the legal state, KYC phases of bound wallets, NAV and write-off the
 * ledger holds that the gateway or the asset's oracle does not, with none on its way, then the
 * identities to register or revoke (identity-drift.ts). A message the ledger cannot derive now (no
 * oracle configured, no valuation in force, not written off) is simply not drift.
 */
export async function mirrorDrift(ctx: Context, chainId: string): Promise<MirrorDrift[]> {
  const chain = await activeChain(ctx, chainId);
  const drift: MirrorDrift[] = [];
  for (const type of MIRRORED) {
    const open = await listOpenGatewayMessages(ctx, chainId, type);
    const wallets = await subjects(ctx, chainId, type);
    for (const { assetId, token } of chain.tokens) {
      for (const wallet of wallets) {
        let fields: GatewayMessageFields;
        try {
          ({ fields } = await deriveMessage(ctx, chain, type, token, wallet));
        } catch (error) {
          // Not derivable now is not drift; anything else (a malformed record) must surface.
          if (isTrestleError(error, 'BRIDGE_OUT_STATE_CONFLICT') || isTrestleError(error, 'BRIDGE_ASSET_NOT_CONFIGURED')) continue;
          throw error;
        }
        if (open.some((record) => sortedJson(record.fields) === sortedJson(fields))) continue;
        if (await alreadySent(ctx, chainId, type, fields)) continue;
        drift.push({ type, assetId, token, ...(wallet === undefined ? {} : { wallet }), why: `${type} ${sortedJson(fields)}` });
      }
    }
  }
  return [...drift, ...(await identityDrift(ctx, chain))];
}
