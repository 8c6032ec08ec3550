import { getAddress } from 'ethers';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { BurnEvent, BurnRecord } from '@trestle/compliance/src/bridge/burn-attestation';
import type { BridgeChainRecord } from '@trestle/compliance/src/bridge/bridge-chain';
import type { BridgeEscrow } from '@trestle/compliance/src/bridge/bridge-escrow';
import type { EscrowMoveEvent } from '@trestle/compliance/src/bridge/escrow-move';
import { TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import type { AttestationLedger, BurnAttestation, MintRecord } from './attestation-ledger';
import type { EscrowMoveLedger } from './escrow-move-watcher';
import { evaluateJson, submitLedger, type LedgerContract } from './ledger-call';

export type { LedgerContract } from './ledger-call';

/** Page size of the work-list queries: a validator takes the whole list in a few round trips. */
const PAGE_SIZE = '100';

/**
 * The AttestationLedger of one bank on one chain, backed by the chaincode's BridgeContract through
 * that bank's Fabric identity. The chaincode decides everything: it verifies each signature against
 * the bank's registered validator, counts distinct banks, and keeps the writes idempotent; this
 * adapter only translates arguments and records, and turns chaincode refusals back into typed
 * errors (`[CODE] sentence {details}` in the peer's message).
 */
export class FabricAttestationLedger implements AttestationLedger, EscrowMoveLedger {
  constructor(
    private readonly contract: LedgerContract,
    readonly chainId: bigint,
  ) {}

  async pendingMints(): Promise<MintRecord[]> {
    const mints: MintRecord[] = [];
    let bookmark = '';
    do {
      const page = (await this.#evaluate('ListPendingMints', this.chainId.toString(), PAGE_SIZE, bookmark)) as { records: BridgeOutRecord[]; bookmark: string };
      mints.push(...page.records.map(mintRecord));
      bookmark = page.records.length === 0 ? '' : page.bookmark;
    } while (bookmark !== '');
    return mints;
  }

  async mint(nonce: bigint): Promise<MintRecord | undefined> {
    try {
      return mintRecord((await this.#evaluate('GetMint', this.chainId.toString(), nonce.toString())) as BridgeOutRecord);
    } catch (error) {
      if (error instanceof TrestleError && error.code === 'BRIDGE_MINT_UNKNOWN') return undefined;
      throw error;
    }
  }

  /** `validator` is not sent: the chaincode takes the caller's bank's registered address and refuses a signature by any other key. */
  async recordMintSignature(nonce: bigint, _validator: string, signature: string): Promise<void> {
    await this.#submit('RecordMintSignature', this.chainId.toString(), nonce.toString(), signature);
  }

  async recordMinted(nonce: bigint, evmTxHash: string): Promise<void> {
    await this.#submit('RecordMinted', this.chainId.toString(), nonce.toString(), evmTxHash.toLowerCase());
  }

  async recordBurnAttestation(attestation: BurnAttestation): Promise<void> {
    const event: BurnEvent = {
      chainId: attestation.chainId.toString(),
      burnNonce: attestation.burnNonce.toString(),
      txHash: attestation.txHash.toLowerCase(),
      logIndex: attestation.logIndex,
      blockNumber: attestation.blockNumber,
      blockHash: attestation.blockHash.toLowerCase(),
      token: attestation.token,
      from: attestation.from,
      amount: attestation.amount.toString(),
      fabricInvestorRef: attestation.fabricInvestorRef.toLowerCase(),
    };
    await this.#submit('AttestBurn', JSON.stringify(event));
  }

  /** States a token transfer's change of beneficial owner; the chaincode moves the escrow at the threshold. */
  async recordEscrowMove(move: EscrowMoveEvent): Promise<void> {
    await this.#submit('AttestEscrowMove', JSON.stringify(move));
  }

  async burnAttestations(burnNonce: bigint): Promise<BurnAttestation[]> {
    let burn: BurnRecord;
    try {
      burn = (await this.#evaluate('GetBurn', this.chainId.toString(), burnNonce.toString())) as BurnRecord;
    } catch (error) {
      if (error instanceof TrestleError && error.code === 'BRIDGE_MINT_UNKNOWN') return [];
      throw error;
    }
    return burn.attestations.map(({ validator, event }) => ({
      chainId: BigInt(event.chainId),
      txHash: event.txHash,
      logIndex: event.logIndex,
      blockNumber: event.blockNumber,
      blockHash: event.blockHash,
      token: event.token,
      from: event.from,
      amount: BigInt(event.amount),
      fabricInvestorRef: event.fabricInvestorRef,
      burnNonce: BigInt(event.burnNonce),
      validator,
    }));
  }

  /** The asset's escrow (and suspense) for this chain, as the reconciler compares it with the token's supply. */
  async escrow(assetId: string): Promise<BridgeEscrow> {
    return (await this.#evaluate('GetEscrow', assetId, this.chainId.toString())) as BridgeEscrow;
  }

  /** The chain's bridge record: the configuration in force (gateway, threshold, tokens) and any proposal. */
  async chain(): Promise<BridgeChainRecord> {
    return (await this.#evaluate('GetBridgeChain', this.chainId.toString())) as BridgeChainRecord;
  }

  async #submit(name: string, ...args: string[]): Promise<void> {
    await submitLedger(this.contract, name, ...args);
  }

  async #evaluate(name: string, ...args: string[]): Promise<unknown> {
    return evaluateJson(this.contract, name, ...args);
  }
}

function mintRecord(record: BridgeOutRecord): MintRecord {
  if (record.nonce === null || record.fabricTxId === null || !['APPROVED', 'SIGNED', 'MINTED'].includes(record.status)) {
    throw new TrestleError('BRIDGE_MINT_INVALID', 'The ledger returned a bridge-out with no Mint; the chaincode and this validator disagree on the record.', {
      details: { bridgeOutId: record.bridgeOutId, status: record.status },
    });
  }
  return {
    nonce: BigInt(record.nonce),
    chainId: BigInt(record.chainId),
    token: getAddress(record.token),
    to: getAddress(record.wallet),
    amount: BigInt(record.amount),
    fabricTxId: record.fabricTxId,
    status: record.status as MintRecord['status'],
    signatures: record.signatures.map(({ validator, signature }) => ({ validator, signature })),
    ...(record.evmTxHash === null ? {} : { evmTxHash: record.evmTxHash }),
  };
}
