import { getAddress } from 'ethers';
import { BridgeError } from '../errors';
import { burnEventKey, type AttestationLedger, type BurnAttestation, type MintRecord, type PendingMint } from '../attestation-ledger';

/**
 * UNIT-TEST STUB of the Fabric side, held in memory. It keeps the ledger's idempotency rules so
 * the EVM half can be tested against them; it is not a ledger (no persistence, no endorsement, no
 * signature recovery) and nothing outside tests may use it.
 */
export class InMemoryAttestationLedger implements AttestationLedger {
  readonly #mints = new Map<bigint, MintRecord>();
  readonly #burns = new Map<string, BurnAttestation>();

  /** @param threshold signatures that make a bridge-out SIGNED (the gateway's threshold). */
  constructor(readonly threshold: number) {}

  /** Stands in for the chaincode's approval of a bridge-out. */
  approve(mint: PendingMint): void {
    if (this.#mints.has(mint.nonce)) throw new Error(`stub: nonce ${mint.nonce} already approved`);
    this.#mints.set(mint.nonce, { ...mint, status: 'APPROVED', signatures: [] });
  }

  async pendingMints(): Promise<MintRecord[]> {
    return [...this.#mints.values()].filter((m) => m.status !== 'MINTED');
  }

  async mint(nonce: bigint): Promise<MintRecord | undefined> {
    return this.#mints.get(nonce);
  }

  async recordMintSignature(nonce: bigint, validator: string, signature: string): Promise<void> {
    const mint = this.#known(nonce);
    const address = getAddress(validator);
    const existing = mint.signatures.find((s) => s.validator === address);
    if (existing !== undefined) {
      if (existing.signature === signature) return;
      throw new BridgeError('BRIDGE_SIGNATURE_CONFLICT', 'This validator already recorded a different signature for the nonce.', { nonce: nonce.toString(), validator: address });
    }
    const signatures = [...mint.signatures, { validator: address, signature }];
    const status = mint.status === 'MINTED' ? 'MINTED' : signatures.length >= this.threshold ? 'SIGNED' : 'APPROVED';
    this.#mints.set(nonce, { ...mint, signatures, status });
  }

  async recordMinted(nonce: bigint, evmTxHash: string): Promise<void> {
    const mint = this.#known(nonce);
    if (mint.status === 'MINTED') {
      if (mint.evmTxHash === evmTxHash) return;
      throw new BridgeError('BRIDGE_MINTED_CONFLICT', 'The nonce is already recorded as minted by another transaction.', { nonce: nonce.toString(), recorded: mint.evmTxHash ?? null, offered: evmTxHash });
    }
    this.#mints.set(nonce, { ...mint, status: 'MINTED', evmTxHash });
  }

  async recordBurnAttestation(attestation: BurnAttestation): Promise<void> {
    const key = `${burnEventKey(attestation)}:${getAddress(attestation.validator)}`;
    if (!this.#burns.has(key)) this.#burns.set(key, attestation);
  }

  async burnAttestations(burnNonce: bigint): Promise<BurnAttestation[]> {
    return [...this.#burns.values()].filter((a) => a.burnNonce === burnNonce);
  }

  /** Every attestation recorded, in recording order (for assertions). */
  allBurnAttestations(): BurnAttestation[] {
    return [...this.#burns.values()];
  }

  #known(nonce: bigint): MintRecord {
    const mint = this.#mints.get(nonce);
    if (mint === undefined) throw new BridgeError('BRIDGE_MINT_UNKNOWN', 'No approved bridge-out has this nonce.', { nonce: nonce.toString() });
    return mint;
  }
}
