import { getAddress, getBytes, verifyMessage } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { claimDigest, identityAddressFor } from '../evm/claims';
import type { DeployedContract } from '../evm/deploy-contract';
import { claimsHash as hashOfClaims } from '../evm/messages';
import { evaluateJson, type LedgerContract } from './ledger-call';

export interface RegistrationCheckOptions {
  /** The IdFactory the gateway creates identities with (kyc-claimant.ts identityFactoryOf). */
  readonly idFactory: DeployedContract;
  /** The validator address a bank registered on the ledger, or undefined (validatorsOnLedger). */
  readonly validatorOfBank: (bankMsp: string) => Promise<string | undefined>;
}

/**
 * Why this validator must not sign a RegisterIdentity, or undefined when it may: the ledger checked
 * the proposer's bank, the investor and the claim's signer, but it cannot see the EVM. So each
 * claim must be for the wallet's ONCHAINID as the gateway's IdFactory gives it (a claim for another
 * address would be refused by the identity, or vouch for the wrong one), must recover to the
 * proposing bank's registered validator key, and the claims hash must be the claims'.
 */
export async function registrationRefusal(message: GatewayMessageRecord, options: RegistrationCheckOptions): Promise<string | undefined> {
  const { wallet, identity, claims, claimsHash } = message.fields;
  if (wallet === undefined || identity === undefined || claims === undefined || claims.length === 0) return 'the record lacks its wallet, identity or claims';
  const expected = await identityAddressFor(options.idFactory, wallet);
  if (getAddress(identity) !== getAddress(expected)) return `the claims are for ${identity}, and the wallet's identity is ${expected}`;
  const proposer = await options.validatorOfBank(message.proposerMsp);
  if (proposer === undefined) return `${message.proposerMsp} has no registered validator`;
  for (const claim of claims) {
    const signer = verifyMessage(getBytes(claimDigest(expected, BigInt(claim.topic), claim.data)), claim.signature);
    if (signer !== getAddress(proposer)) return `a claim recovers to ${signer}, not to ${message.proposerMsp}'s validator ${proposer}`;
  }
  if (hashOfClaims(claims.map((claim) => ({ ...claim, topic: BigInt(claim.topic) }))) !== claimsHash) return 'the claims hash is not the hash of the stored claims';
  return undefined;
}

/** Each bank's registered validator address, read from the ledger's BridgeContract (ListBridgeValidators). */
export function validatorsOnLedger(bridgeContract: LedgerContract): (bankMsp: string) => Promise<string | undefined> {
  return async (bankMsp) => {
    const validators = (await evaluateJson(bridgeContract, 'ListBridgeValidators')) as { bankMsp: string; address: string }[];
    return validators.find((validator) => validator.bankMsp === bankMsp)?.address;
  };
}
