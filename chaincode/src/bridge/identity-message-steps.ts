import type { Context } from 'fabric-contract-api';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import type { LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { callerOf } from '../identity/caller';
import { sortedJson } from '../support/sorted-json';
import { openMessageKey } from './bridge-keys';
import { activeChain, requireValidator } from './bridge-registry';
import { listOpenGatewayMessages, proposeDerived } from './gateway-message-steps';
import { registerIdentityMessage, revokeIdentityMessage } from './identity-message';
import type { DerivedMessage } from './message-fields';

type IdentityMessage = Extract<LedgerGatewayMessage, 'RegisterIdentity' | 'RevokeIdentity'>;

/**
 * Refuses a second identity message for a wallet while one is open. The gateway orders validator
 * sets, legal states and KYC phases per subject (MessageNonceStale) but not identities, and register
 * and revoke have separate nonce spaces there: with both open, relayers could land them in either
 * order and leave the registry holding the opposite of what the ledger noted last. So one at a time
 * per token and wallet; the same message again is a no-op (proposeDerived). One exception: a new
 * registration replaces an open one that has not reached the threshold (PROPOSED), so a claim the
 * other banks would not sign (made for the wrong identity) does not block the wallet for good; the
 * replaced one leaves the work list.
 */
async function closeOrRefuseOtherOpen(ctx: Context, chain: BridgeChainConfig, type: IdentityMessage, derived: DerivedMessage): Promise<void> {
  const { token, wallet } = derived.fields;
  for (const kind of ['RegisterIdentity', 'RevokeIdentity'] as const) {
    const conflicting = (await listOpenGatewayMessages(ctx, chain.chainId, kind)).filter(
      (open) => open.fields.token === token && open.fields.wallet === wallet && (kind !== type || sortedJson(open.fields) !== sortedJson(derived.fields)),
    );
    for (const open of conflicting) {
      if (type === 'RegisterIdentity' && kind === 'RegisterIdentity' && open.status === 'PROPOSED') {
        await ctx.stub.deleteState(openMessageKey(ctx, open));
        continue;
      }
      throw new TrestleError('BRIDGE_OUT_STATE_CONFLICT', `A ${kind} for this wallet and token is open (nonce ${open.nonce}, ${open.status}); it must be relayed before another identity message for the wallet.`, {
        details: { chainId: chain.chainId, type: kind, nonce: open.nonce, wallet: wallet ?? null },
      });
    }
  }
}

async function proposeIdentity(ctx: Context, chain: BridgeChainConfig, type: IdentityMessage, derived: DerivedMessage, reason: string): Promise<void> {
  await closeOrRefuseOtherOpen(ctx, chain, type, derived);
  await proposeDerived(ctx, chain, type, derived, reason);
}

/** Proposes registering `wallet` on `token`'s identity registry, as the investor's bank's validator, with the KYC claim in `claimsJson` (identity-message.ts). */
export async function proposeIdentityRegistration(ctx: Context, chainId: string, token: string, wallet: string, claimsJson: string, reason: string): Promise<void> {
  const proposer = await requireValidator(ctx, callerOf(ctx).mspId);
  const chain = await activeChain(ctx, chainId);
  await proposeIdentity(ctx, chain, 'RegisterIdentity', await registerIdentityMessage(ctx, chain, proposer, token, wallet, claimsJson), reason);
}

/** Proposes removing `wallet` from `token`'s identity registry, as any member bank's validator, once its investor is revoked, erased or a sanctions hit. */
export async function proposeIdentityRevocation(ctx: Context, chainId: string, token: string, wallet: string, reason: string): Promise<void> {
  await requireValidator(ctx, callerOf(ctx).mspId);
  const chain = await activeChain(ctx, chainId);
  await proposeIdentity(ctx, chain, 'RevokeIdentity', await revokeIdentityMessage(ctx, chain, token, wallet), reason);
}
