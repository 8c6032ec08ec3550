import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { registrationRefusal, revocationGround } from '@trestle/compliance/src/bridge/identity-standing';
import { parseWalletBindingRecord } from '@trestle/compliance/src/ledger/wallet-binding';
import { readInvestor } from '../investors/investor-key';
import { decodeJson, valuesByPartialKey } from '../support/state';
import { txTimestampSeconds } from '../support/tx-time';
import { WALLET_KEY_TYPE } from '../wallets/wallet-key';
import { listOpenGatewayMessages } from './gateway-message-steps';
import { IDENTITY_NOTE, readSent } from './message-sent';

/** An identity the registry should gain or lose; `bank` is the investor's bank, the only one that can sign a registration's claim. */
export type IdentityDrift = { readonly type: 'RegisterIdentity' | 'RevokeIdentity'; readonly assetId: string; readonly token: string; readonly wallet: string; readonly bank: string; readonly why: string };

/**
 * For every wallet bound on the chain and every bridged token, with no identity message open for
 * them: a registration when the investor may receive units and the ledger noted none, or noted one
 * vouched for by another bank than the investor's (the investor moved banks: the old claim stands
 * on the old bank's CLAIM key, removed when it left); a revocation when one was noted and the
 * investor is REVOKED, erased or a sanctions hit. Nothing without a ClaimIssuer in the chain's
 * configuration: no registration could be checked.
 */
export async function identityDrift(ctx: Context, chain: BridgeChainConfig): Promise<IdentityDrift[]> {
  if (chain.claimIssuer === undefined) return [];
  const bindings = (await valuesByPartialKey(ctx, WALLET_KEY_TYPE, [])).map((value) => parseWalletBindingRecord(decodeJson(value))).filter((binding) => binding.chainId === chain.chainId);
  if (bindings.length === 0) return [];
  const open: GatewayMessageRecord[] = [...(await listOpenGatewayMessages(ctx, chain.chainId, 'RegisterIdentity')), ...(await listOpenGatewayMessages(ctx, chain.chainId, 'RevokeIdentity'))];
  const now = txTimestampSeconds(ctx);
  const drift: IdentityDrift[] = [];
  for (const binding of bindings) {
    const investor = await readInvestor(ctx, binding.investorId);
    for (const entry of chain.tokens) {
      const token = getAddress(entry.token.toLowerCase());
      if (open.some((record) => record.fields.token === token && record.fields.wallet === binding.address)) continue;
      const sent = await readSent(ctx, chain.chainId, IDENTITY_NOTE, `${token}/${binding.address}`);
      const registered = sent?.value === 1;
      const subject = { assetId: entry.assetId, token, wallet: binding.address, bank: investor.bankMsp };
      const eligible = registrationRefusal(investor, now) === undefined;
      if (!registered && eligible) drift.push({ type: 'RegisterIdentity', ...subject, why: `RegisterIdentity: ${investor.bankMsp}'s investor, bound and eligible, not registered` });
      if (registered && eligible && sent.vouchedBy !== investor.bankMsp) {
        drift.push({ type: 'RegisterIdentity', ...subject, why: `RegisterIdentity: registered on ${sent.vouchedBy ?? 'an unnamed bank'}'s claim, now ${investor.bankMsp}'s investor` });
      }
      const ground = registered ? revocationGround(investor) : undefined;
      if (ground !== undefined) drift.push({ type: 'RevokeIdentity', ...subject, why: `RevokeIdentity: registered, and ${ground}` });
    }
  }
  return drift;
}
