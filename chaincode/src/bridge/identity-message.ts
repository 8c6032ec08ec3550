import type { Context } from 'fabric-contract-api';
import { getAddress } from 'ethers';
import type { BridgeChainConfig } from '@trestle/compliance/src/bridge/bridge-chain';
import { parseIdentityClaimsDocument, KYC_CLAIM_TOPIC } from '@trestle/compliance/src/bridge/identity-claims';
import { registrationRefusal, revocationGround } from '@trestle/compliance/src/bridge/identity-standing';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { BridgeValidator } from '@trestle/compliance/src/bridge/bridge-validator';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { InvestorRecord } from '@trestle/compliance/src/ledger/investor';
import type { WalletBinding } from '@trestle/compliance/src/ledger/wallet-binding';
import { jurisdictionNumeric } from '@trestle/compliance/src/policy/jurisdiction-numeric';
import { readInvestor } from '../investors/investor-key';
import { txTimestampSeconds } from '../support/tx-time';
import { findWalletBinding } from '../wallets/wallet-key';
import { claimSigner, identityClaimsHash } from './identity-claim-check';
import { bridgedToken, type DerivedMessage } from './message-fields';

/** The chain's ClaimIssuer, or BRIDGE_CLAIM_ISSUER_MISSING: without it no claim can be checked. */
export function claimIssuerOf(chain: BridgeChainConfig): string {
  if (chain.claimIssuer === undefined) {
    throw new TrestleError('BRIDGE_CLAIM_ISSUER_MISSING', "This chain's bridge configuration names no claimIssuer; operators of two banks propose and approve one that does before identities are mirrored.", { details: { chainId: chain.chainId } });
  }
  return chain.claimIssuer;
}

/** The binding of `wallet` on this chain and its investor, or BRIDGE_WALLET_MISMATCH. */
export async function boundInvestor(ctx: Context, chain: BridgeChainConfig, wallet: string): Promise<{ binding: WalletBinding; investor: InvestorRecord }> {
  const binding = await findWalletBinding(ctx, getAddress(wallet.toLowerCase()));
  if (binding === undefined || binding.chainId !== chain.chainId) {
    throw new TrestleError('BRIDGE_WALLET_MISMATCH', 'Identity messages name a wallet bound to an investor on this chain; this one is not.', { details: { chainId: chain.chainId, wallet } });
  }
  return { binding, investor: await readInvestor(ctx, binding.investorId) };
}

/**
 * Derives a RegisterIdentity for `wallet` on `token`'s registry: investorRef and country (ISO 3166-1
 * numeric) from the investor record, the claims from the proposer. Only the investor's own bank
 * proposes (its validator key is the CLAIM key vouching for the KYC), only for an investor who may
 * receive units, and the one claim must be a KYC claim of the chain's ClaimIssuer whose signature
 * for `identity` recovers to that bank's registered validator address. The ledger cannot predict the
 * identity's CREATE2 address; the other banks' validators check it against the EVM before signing.
 */
export async function registerIdentityMessage(ctx: Context, chain: BridgeChainConfig, proposer: BridgeValidator, token: string, wallet: string, claimsJson: string): Promise<DerivedMessage> {
  const issuer = claimIssuerOf(chain);
  const entry = bridgedToken(chain, token, 'RegisterIdentity');
  const { binding, investor } = await boundInvestor(ctx, chain, wallet);
  if (investor.bankMsp !== proposer.bankMsp) {
    throw new TrestleError('CALLER_OF_OTHER_BANK', "Only the investor's own bank vouches for their KYC; its validator proposes the registration.", { details: { investorBank: investor.bankMsp, callerBank: proposer.bankMsp } });
  }
  const refusal = registrationRefusal(investor, txTimestampSeconds(ctx));
  if (refusal !== undefined) throw new TrestleError('BRIDGE_IDENTITY_INELIGIBLE', `The wallet is not registered: ${refusal}.`, { details: { investorId: investor.investorId } });
  const { identity, claims } = parseIdentityClaimsDocument(claimsJson);
  const [claim] = claims;
  if (claim === undefined || claims.length !== 1 || claim.topic !== KYC_CLAIM_TOPIC) {
    throw new TrestleError('BRIDGE_CLAIM_INVALID', `A registration carries exactly one claim, of the KYC topic (${KYC_CLAIM_TOPIC}).`, { details: { topics: claims.map((entry) => entry.topic) } });
  }
  if (getAddress(claim.issuer.toLowerCase()) !== getAddress(issuer.toLowerCase())) {
    throw new TrestleError('BRIDGE_CLAIM_INVALID', "The claim's issuer is not this chain's ClaimIssuer.", { details: { issuer: claim.issuer, claimIssuer: issuer } });
  }
  const checksummedIdentity = getAddress(identity.toLowerCase());
  const signer = claimSigner(checksummedIdentity, claim);
  if (signer !== getAddress(proposer.address.toLowerCase())) {
    throw new TrestleError('BRIDGE_SIGNER_MISMATCH', "The claim was not signed by your bank's registered validator key for this identity.", { details: { recovered: signer, validator: proposer.address } });
  }
  const normalized = [{ topic: claim.topic, issuer: getAddress(claim.issuer.toLowerCase()), signature: claim.signature.toLowerCase(), data: claim.data }];
  return {
    fields: {
      token: getAddress(entry.token.toLowerCase()),
      wallet: binding.address,
      investorRef: investorRef(investor.investorId),
      country: jurisdictionNumeric(investor.jurisdiction),
      claimsHash: identityClaimsHash(normalized),
      identity: checksummedIdentity,
      claims: normalized,
    },
    verifyingContract: chain.gateway,
  };
}

/** Derives a RevokeIdentity: the wallet's investor must be REVOKED, erased or a sanctions hit (identity-standing.ts). */
export async function revokeIdentityMessage(ctx: Context, chain: BridgeChainConfig, token: string, wallet: string): Promise<DerivedMessage> {
  const entry = bridgedToken(chain, token, 'RevokeIdentity');
  const { binding, investor } = await boundInvestor(ctx, chain, wallet);
  if (revocationGround(investor) === undefined) {
    throw new TrestleError('BRIDGE_IDENTITY_INELIGIBLE', 'The wallet stays registered: its investor is not revoked, erased or a sanctions hit.', { details: { investorId: investor.investorId } });
  }
  return { fields: { token: getAddress(entry.token.toLowerCase()), wallet: binding.address }, verifyingContract: chain.gateway };
}
