import type { BurnAttestation, MintRecord } from '../validator/attestation-ledger';

/** A bridge-out on the wire (PendingMintV1): bigints as decimal strings. */
export interface PendingMintV1 {
  nonce: string;
  chainId: string;
  token: string;
  to: string;
  amount: string;
  fabricTxId: string;
  status: MintRecord['status'];
  evmTxHash?: string;
  signatures: { validator: string; signature: string }[];
  need: number;
  ready: boolean;
  reason: string;
}

export interface StatusV1 {
  instanceId: string;
  validator: string;
  chainId: string;
  gateway: string;
  paused: boolean;
  threshold: number;
  latestBlock: number;
  lastProcessedBlock: number | null;
  pendingMints: number;
  blocked: { nonce: string; reason: string }[];
}

export interface BurnAttestationV1 {
  chainId: string;
  txHash: string;
  logIndex: number;
  blockNumber: number;
  token: string;
  from: string;
  amount: string;
  fabricInvestorRef: string;
  burnNonce: string;
  validator: string;
}

export interface AttestationsV1 {
  nonce: string;
  mint: PendingMintV1 | null;
  burns: BurnAttestationV1[];
}

export interface HealthV1 {
  status: 'UP' | 'DOWN';
  checks: { evm: string; ledger: string };
}

/** `mint` as PendingMintV1, judged against the gateway's `threshold` and pause. */
export function mintToWire(mint: MintRecord, threshold: number, paused: boolean): PendingMintV1 {
  const have = mint.signatures.length;
  const ready = mint.status !== 'MINTED' && have >= threshold;
  const reason =
    mint.status === 'MINTED'
      ? 'Minted on the EVM chain.'
      : have < threshold
        ? `Quorum not met: ${have} of ${threshold} validator signatures recorded; waiting for more banks to sign.`
        : paused
          ? 'Signed, but the gateway is paused; no relayer can submit until a super quorum unpauses it.'
          : 'Signed by a quorum; waiting for a relayer to submit.';
  return {
    nonce: mint.nonce.toString(),
    chainId: mint.chainId.toString(),
    token: mint.token,
    to: mint.to,
    amount: mint.amount.toString(),
    fabricTxId: mint.fabricTxId,
    status: mint.status,
    ...(mint.evmTxHash === undefined ? {} : { evmTxHash: mint.evmTxHash }),
    signatures: mint.signatures.map((s) => ({ validator: s.validator, signature: s.signature })),
    need: threshold,
    ready,
    reason,
  };
}

export function burnToWire(a: BurnAttestation): BurnAttestationV1 {
  return {
    chainId: a.chainId.toString(),
    txHash: a.txHash,
    logIndex: a.logIndex,
    blockNumber: a.blockNumber,
    token: a.token,
    from: a.from,
    amount: a.amount.toString(),
    fabricInvestorRef: a.fabricInvestorRef,
    burnNonce: a.burnNonce.toString(),
    validator: a.validator,
  };
}
