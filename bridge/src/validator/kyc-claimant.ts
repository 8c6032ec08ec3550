import { getBytes, hexlify, type ContractRunner } from 'ethers';
import { KYC_CLAIM_TOPIC, type IdentityClaimsDocument } from '@trestle/compliance/src/bridge/identity-claims';
import { onchainIdArtifact } from '../evm/artifacts';
import { claimDigest, identityAddressFor } from '../evm/claims';
import type { DeployedContract } from '../evm/deploy-contract';
import { attach } from '../evm/deploy/steps';
import type { ValidatorSigner } from './signer/validator-signer';

export interface KycClaimantOptions {
  /** This bank's validator key: a CLAIM key of the ClaimIssuer (identity-infra.ts). */
  readonly signer: ValidatorSigner;
  /** This bank's MSP id: it vouches only for its own investors. */
  readonly bankMsp: string;
  /** The gateway, whose `identityFactory()` creates investors' identities. */
  readonly gateway: DeployedContract;
  /** The consortium ClaimIssuer (the chain configuration's `claimIssuer`). */
  readonly claimIssuer: string;
}

/**
 * Signs this bank's KYC claims for its investors' wallets: the claim is for the wallet's ONCHAINID,
 * the one the gateway's IdFactory already links to it or will create (identityAddressFor), so it
 * must be read from the EVM; the ledger cannot predict the CREATE2 address.
 */
export class KycClaimant {
  #idFactory: DeployedContract | undefined;

  constructor(readonly options: KycClaimantOptions) {}

  get bankMsp(): string {
    return this.options.bankMsp;
  }

  /** The claims document ProposeIdentityRegistration takes for `wallet`: one KYC claim, no data. */
  async claimsFor(wallet: string): Promise<IdentityClaimsDocument> {
    const identity = await identityAddressFor(await this.#factory(), wallet);
    const data = '0x';
    const signature = await this.options.signer.signMessage(getBytes(claimDigest(identity, BigInt(KYC_CLAIM_TOPIC), data)));
    return { identity, claims: [{ topic: KYC_CLAIM_TOPIC, issuer: this.options.claimIssuer, signature: hexlify(signature), data }] };
  }

  async #factory(): Promise<DeployedContract> {
    if (this.#idFactory === undefined) this.#idFactory = await identityFactoryOf(this.options.gateway);
    return this.#idFactory;
  }
}

/** The IdFactory the gateway creates identities with, read from the gateway itself. */
export async function identityFactoryOf(gateway: DeployedContract): Promise<DeployedContract> {
  return attach(onchainIdArtifact('IdFactory'), (await gateway.identityFactory()) as string, gateway.runner as ContractRunner);
}
