import type { Context } from 'fabric-contract-api';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import type { LedgerGatewayMessage } from '@trestle/compliance/src/bridge/gateway-message';
import { callerOf } from '../identity/caller';
import { sortedJson } from '../support/sorted-json';
import { openMessageKey } from './bridge-keys';
import { activeChain, requireValidator } from './bridge-registry';
import { listOpenGatewayMessages, proposeDerived } from './gateway-message-steps';
import { registerIdentityMessage, revokeIdentityMessage } from './identity-message';
import type { DerivedMessage } from './message-fields';

type IdentityMessage = Extract<LedgerGatewayMessage, 'RegisterIdentity' | 'RevokeIdentity'>;

/**
 * Takes the wallet's other open identity messages off the work list: the newest decision wins. The
 * gateway applies a wallet's registrations and revocations in one nonce order (MessageNonceStale),
 * and the ledger numbers both from one counter, so the message proposed now carries the largest
 * nonce: once relayed it makes every older one unusable, and an older one relayed first is undone
 * by it. Closing them early keeps relayers from carrying what the ledger no longer wants, such as a
 * registration still collecting signatures when a sanctions hit calls for a revocation. The same
 * message again is a no-op (proposeDerived) and stays.
 */
async function closeOlderOpen(ctx: Context, chain: BridgeChainConfig, type: IdentityMessage, derived: DerivedMessage): Promise<void> {
  const { token, wallet } = derived.fields;
  for (const kind of ['RegisterIdentity', 'RevokeIdentity'] as const) {
    const older = (await listOpenGatewayMessages(ctx, chain.chainId, kind)).filter(
      (open) => open.fields.token === token && open.fields.wallet === wallet && (kind !== type || sortedJson(open.fields) !== sortedJson(derived.fields)),
    );
    for (const open of older) await ctx.stub.deleteState(openMessageKey(ctx, open));
  }
}

async function proposeIdentity(ctx: Context, chain: BridgeChainConfig, type: IdentityMessage, derived: DerivedMessage, reason: string): Promise<void> {
  await closeOlderOpen(ctx, chain, type, derived);
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
