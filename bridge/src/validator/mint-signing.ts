import { isAddress, isHexString } from 'ethers';
import { isTrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { DeployedContract } from '../evm/deploy-contract';
import type { AttestationLedger, PendingMint } from './attestation-ledger';
import { BridgeError } from './errors';
import { MINT_TYPE_HASH, mintTypedData } from './gateway';
import type { BridgeMetrics } from './metrics';
import type { ValidatorSigner } from './signer/validator-signer';

export interface MintSigningOptions {
  readonly signer: ValidatorSigner;
  /** The BridgeGateway, read through a provider. */
  readonly gateway: DeployedContract;
  readonly ledger: AttestationLedger;
  readonly metrics?: BridgeMetrics;
}

/** What happened to one pending bridge-out. */
export type MintSigningOutcome =
  | { readonly kind: 'signed'; readonly nonce: bigint; readonly signature: string }
  | { readonly kind: 'refused'; readonly nonce: bigint; readonly error: BridgeError };

/**
 * Signs the gateway's `Mint` for approved bridge-outs after checking them against the gateway, and
 * records each signature on the ledger. ECDSA signing is deterministic (RFC 6979), so signing an
 * item again gives the same signature and the ledger's record stays a no-op: a crash between
 * signing and recording only repeats both.
 */
export class MintSigning {
  constructor(readonly options: MintSigningOptions) {}

  /** Checks `mint` against the gateway and returns this validator's signature; records nothing. */
  async sign(mint: PendingMint): Promise<string> {
    await this.#check(mint);
    const { domain, types, value } = mintTypedData(await this.options.gateway.getAddress(), mint);
    return this.options.signer.signTypedData(domain, types, value);
  }

  /** Signs and records one bridge-out. */
  async signAndRecord(mint: PendingMint): Promise<string> {
    const signature = await this.sign(mint);
    await this.options.ledger.recordMintSignature(mint.nonce, this.options.signer.address, signature);
    this.options.metrics?.increment('mintsSigned');
    return signature;
  }

  /** Signs every pending bridge-out this validator has not signed yet; refusals are reported, not thrown. */
  async signPending(): Promise<MintSigningOutcome[]> {
    const outcomes: MintSigningOutcome[] = [];
    for (const mint of await this.options.ledger.pendingMints()) {
      if (mint.signatures.some((s) => s.validator.toLowerCase() === this.options.signer.address.toLowerCase())) continue;
      try {
        outcomes.push({ kind: 'signed', nonce: mint.nonce, signature: await this.signAndRecord(mint) });
      } catch (error) {
        const refusal = error instanceof BridgeError ? error : await this.#mintedMeanwhile(mint, error);
        if (refusal === undefined) throw error;
        this.options.metrics?.increment('errors', 'mint-signing');
        outcomes.push({ kind: 'refused', nonce: mint.nonce, error: refusal });
      }
    }
    return outcomes;
  }

  /**
   * The ledger refused the signature because another bank's relayer minted the bridge-out between
   * this validator's check and its record (seen possible on the real network, where the three banks'
   * passes overlap): the same outcome as a nonce the check finds spent, not a failure of the duty.
   */
  async #mintedMeanwhile(mint: PendingMint, error: unknown): Promise<BridgeError | undefined> {
    if (!isTrestleError(error) || error.code !== 'BRIDGE_OUT_STATE_CONFLICT') return undefined;
    if ((await this.options.ledger.mint(mint.nonce))?.status !== 'MINTED') return undefined;
    return new BridgeError('BRIDGE_NONCE_ALREADY_USED', 'The bridge-out was minted while this validator signed it; its signature is no longer needed.', { nonce: mint.nonce.toString() }, { cause: error });
  }

  async #check(mint: PendingMint): Promise<void> {
    const { gateway, signer } = this.options;
    const nonce = mint.nonce.toString();
    if (!isAddress(mint.token) || !isAddress(mint.to) || mint.amount <= 0n || mint.nonce < 0n || !isHexString(mint.fabricTxId, 32)) {
      throw new BridgeError('BRIDGE_MINT_INVALID', 'The bridge-out has a malformed token, recipient, amount, nonce or Fabric tx id; it is not signed.', { nonce });
    }
    const network = await (gateway.runner?.provider ?? raise('the gateway has no provider')).getNetwork();
    if (network.chainId !== mint.chainId) {
      throw new BridgeError('BRIDGE_CHAIN_MISMATCH', 'The bridge-out targets another chain than the gateway this validator watches.', { nonce, expected: network.chainId.toString(), got: mint.chainId.toString() });
    }
    const [isValidator, [configured], used] = await Promise.all([
      gateway.isValidator(signer.address) as Promise<boolean>,
      gateway.assetConfig(mint.token) as Promise<[boolean, string, bigint]>,
      gateway.isNonceUsed(MINT_TYPE_HASH, mint.nonce) as Promise<boolean>,
    ]);
    if (!isValidator) throw new BridgeError('BRIDGE_NOT_A_VALIDATOR', 'This key is not in the gateway\'s validator set; its signature would not count.', { validator: signer.address });
    if (!configured) throw new BridgeError('BRIDGE_ASSET_NOT_CONFIGURED', 'The gateway has no configuration for the asset token; a mint would revert.', { nonce, token: mint.token });
    if (used) throw new BridgeError('BRIDGE_NONCE_ALREADY_USED', 'The gateway has already processed this nonce; nothing to sign.', { nonce });
  }
}

function raise(message: string): never {
  throw new Error(message);
}
