/**
 * The Fabric side of the bridge as the validator and relayer see it. The chaincode's
 * BridgeContract implements it for real (records on the ledger, checks each signature recovers to
 * the submitting bank's registered validator); `testing/in-memory-attestation-ledger.ts` is the unit
 * test stub. Every write is idempotent: recording the same fact twice is a no-op, recording a
 * different fact under the same key is refused.
 */
export interface AttestationLedger {
  /** Approved bridge-outs not yet MINTED, with the signatures recorded so far. */
  pendingMints(): Promise<MintRecord[]>;
  /** One bridge-out by nonce, in any state; undefined when the ledger has none. */
  mint(nonce: bigint): Promise<MintRecord | undefined>;
  /** Records `validator`'s EIP-712 signature of the Mint; APPROVED becomes SIGNED at the threshold. */
  recordMintSignature(nonce: bigint, validator: string, signature: string): Promise<void>;
  /** Marks the bridge-out MINTED with the EVM transaction that spent its nonce. */
  recordMinted(nonce: bigint, evmTxHash: string): Promise<void>;
  /** Records one validator's attestation of a confirmed `BurnedForRedeem` event. */
  recordBurnAttestation(attestation: BurnAttestation): Promise<void>;
  /** Attestations of the burn numbered `burnNonce` by the gateway, one per validator. */
  burnAttestations(burnNonce: bigint): Promise<BurnAttestation[]>;
}

/** What the validators sign for an approved bridge-out (the gateway's `Mint` message). */
export interface PendingMint {
  readonly nonce: bigint;
  /** The EVM chain the units are bridged to. */
  readonly chainId: bigint;
  readonly token: string;
  readonly to: string;
  readonly amount: bigint;
  /** The Fabric transaction that moved the units to escrow (bytes32 hex). */
  readonly fabricTxId: string;
}

export type MintStatus = 'APPROVED' | 'SIGNED' | 'MINTED';

/** A bridge-out as the ledger holds it. */
export interface MintRecord extends PendingMint {
  readonly status: MintStatus;
  readonly signatures: readonly MintSignature[];
  readonly evmTxHash?: string;
}

export interface MintSignature {
  readonly validator: string;
  readonly signature: string;
}

/** One validator's statement that a burn event is final on the EVM chain. */
export interface BurnAttestation {
  readonly chainId: bigint;
  readonly txHash: string;
  readonly logIndex: number;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly token: string;
  readonly from: string;
  readonly amount: bigint;
  readonly fabricInvestorRef: string;
  readonly burnNonce: bigint;
  /** The attesting bank's validator address. */
  readonly validator: string;
}

/** The key that makes a burn event unique across chains: chainId, tx hash, log index. */
export function burnEventKey(event: Pick<BurnAttestation, 'chainId' | 'txHash' | 'logIndex'>): string {
  return `${event.chainId}:${event.txHash.toLowerCase()}:${event.logIndex}`;
}
