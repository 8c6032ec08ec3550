import { getAddress, Transaction, type NonceManager, verifyTypedData, type Provider, type Signer, type TransactionReceipt } from 'ethers';
import { nonceManaged } from './nonce-managed';
import type { DeployedContract } from '../evm/deploy-contract';
import type { AttestationLedger, MintRecord } from '../validator/attestation-ledger';
import { BridgeError } from '../validator/errors';
import { gatewayAt, MINT_TYPE_HASH, mintTypedData } from '../validator/gateway';
import type { BridgeMetrics } from '../validator/metrics';
import { DEFAULT_RETRY, withBackoff, type RetryOptions } from './backoff';
import type { SendJournal } from './send-journal';

export interface RelayerOptions {
  readonly ledger: AttestationLedger;
  readonly gateway: string;
  /** The account that pays for gas; wrapped in a NonceManager so back-to-back sends never share a nonce. */
  readonly sender: Signer;
  /** First block to search for the transaction of an already-used nonce (the gateway's deployment). */
  readonly fromBlock?: number;
  readonly retry?: RetryOptions;
  readonly metrics?: BridgeMetrics;
  /**
   * Where sent-but-unrecorded transactions are kept across restarts. Without it a relayer restarted
   * while its transaction is unmined sends a second one (the gateway reverts it: gas lost, no mint).
   */
  readonly journal?: SendJournal;
}

/** What happened to one bridge-out. */
export type RelayOutcome =
  | { readonly kind: 'minted'; readonly nonce: bigint; readonly txHash: string }
  | { readonly kind: 'already-minted'; readonly nonce: bigint; readonly txHash: string }
  | { readonly kind: 'quorum-not-met'; readonly nonce: bigint; readonly have: number; readonly need: number; readonly reason: string }
  | { readonly kind: 'failed'; readonly nonce: bigint; readonly error: BridgeError };

/**
 * Submits quorum-signed mints to the gateway. Any bank may run one, several may race: the gateway
 * spends each nonce once, and the relayer asks it before every submission and after every failure,
 * so a restart or a lost race ends in recording the transaction that did mint, never in a second
 * mint.
 */
export class Relayer {
  readonly #sender: NonceManager;
  readonly #gateway: DeployedContract;

  constructor(readonly options: RelayerOptions) {
    this.#sender = nonceManaged(options.sender);
    this.#gateway = gatewayAt(options.gateway, this.#sender);
  }

  /** Relays every pending bridge-out once, in nonce order. */
  async relayPending(): Promise<RelayOutcome[]> {
    const pending = [...(await this.options.ledger.pendingMints())].sort((a, b) => (a.nonce < b.nonce ? -1 : 1));
    const outcomes: RelayOutcome[] = [];
    for (const mint of pending) outcomes.push(await this.relay(mint));
    return outcomes;
  }

  /** Relays one bridge-out: already minted → recorded; below quorum → reported; else submitted and recorded. */
  async relay(mint: MintRecord): Promise<RelayOutcome> {
    const { nonce } = mint;
    try {
      if (await this.#nonceUsed(nonce)) return await this.#recordExisting(mint);
      const [threshold, validators] = await Promise.all([this.#gateway.threshold() as Promise<bigint>, this.#gateway.validators() as Promise<string[]>]);
      const need = Number(threshold);
      const bundle = this.#validBundle(mint, validators);
      if (bundle.length < need) {
        return { kind: 'quorum-not-met', nonce, have: bundle.length, need, reason: `${bundle.length} of ${need} validator signatures recorded; waiting for more banks to sign` };
      }
      const receipt = await this.#submit(mint, bundle.slice(0, need));
      if (receipt === 'nonce-used') return await this.#recordExisting(mint);
      await this.options.ledger.recordMinted(nonce, receipt.hash);
      await this.options.journal?.delete(nonce);
      this.options.metrics?.increment('mintsRelayed');
      return { kind: 'minted', nonce, txHash: receipt.hash };
    } catch (error) {
      this.options.metrics?.increment('errors', 'relayer');
      if (error instanceof BridgeError) return { kind: 'failed', nonce, error };
      throw error;
    }
  }

  /** Sends the mint, retrying transient failures; 'nonce-used' when another submission won. */
  async #submit(mint: MintRecord, signatures: string[]): Promise<TransactionReceipt | 'nonce-used'> {
    return withBackoff(async () => {
      const outstanding = await this.#awaitOutstanding(mint);
      if (outstanding) return outstanding;
      if (await this.#nonceUsed(mint.nonce)) return 'nonce-used';
      try {
        const rawTx = await this.#signMint(mint, signatures);
        const txHash = Transaction.from(rawTx).hash as string;
        await this.options.journal?.put({ mintNonce: mint.nonce.toString(), txHash, rawTx });
        await this.#provider.broadcastTransaction(rawTx);
        this.#sender.increment();
        return await this.#receiptOf(mint, txHash);
      } catch (error) {
        // A failed estimate or send leaves the NonceManager's count ahead of the chain.
        this.#sender.reset();
        if (await this.#nonceUsed(mint.nonce)) return 'nonce-used';
        throw error;
      }
    }, this.options.retry ?? DEFAULT_RETRY).catch((error: unknown) => {
      if (error instanceof BridgeError) throw error;
      const reason = (error as { shortMessage?: string; message?: string }).shortMessage ?? (error as Error).message;
      throw new BridgeError('BRIDGE_MINT_SUBMIT_FAILED', 'The gateway refused the mint or the node kept failing; it stays pending.', { nonce: mint.nonce.toString(), reason }, { cause: error });
    });
  }

  /** Signs the gateway call with the next EVM nonce, without broadcasting it. */
  async #signMint(mint: MintRecord, signatures: string[]): Promise<string> {
    const call = await this.#gateway.mint.populateTransaction(mint.token, mint.to, mint.amount, mint.nonce, mint.fabricTxId, signatures);
    const populated = await this.#sender.populateTransaction(call);
    return this.#sender.signTransaction(populated);
  }

  /**
   * A transaction journalled by an earlier run: its receipt once mined (waiting while the node still
   * holds it, broadcasting the same bytes again if the node dropped it); undefined when there is none
   * or it failed, so a fresh submission follows.
   */
  async #awaitOutstanding(mint: MintRecord): Promise<TransactionReceipt | undefined> {
    const sent = await this.options.journal?.get(mint.nonce);
    if (!sent) return undefined;
    const known = await this.#provider.getTransaction(sent.txHash);
    if (!known) await this.#provider.broadcastTransaction(sent.rawTx).catch(() => undefined);
    try {
      return await this.#receiptOf(mint, sent.txHash);
    } catch {
      await this.options.journal?.delete(mint.nonce);
      return undefined;
    }
  }

  /** Waits for the mint's receipt; a reverted one is an error, the journal entry is dropped either way. */
  async #receiptOf(mint: MintRecord, txHash: string): Promise<TransactionReceipt> {
    const receipt = await this.#provider.waitForTransaction(txHash);
    if (receipt?.status !== 1) {
      await this.options.journal?.delete(mint.nonce);
      throw new Error(`mint transaction ${txHash} was not mined successfully`);
    }
    return receipt;
  }

  get #provider(): Provider {
    const provider = this.options.sender.provider;
    if (!provider) throw new BridgeError('BRIDGE_MINT_SUBMIT_FAILED', 'The relayer account has no provider to send through.', {});
    return provider;
  }

  /** Signatures that recover to their recorded validator and to a current gateway validator, one per signer, ascending. */
  #validBundle(mint: MintRecord, validators: readonly string[]): string[] {
    const current = new Set(validators.map((v) => getAddress(v)));
    const { domain, types, value } = mintTypedData(this.options.gateway, mint);
    const bySigner = new Map<string, string>();
    for (const { validator, signature } of mint.signatures) {
      let signer: string;
      try {
        signer = verifyTypedData(domain, types, value, signature);
      } catch {
        continue;
      }
      if (signer === getAddress(validator) && current.has(signer) && !bySigner.has(signer)) bySigner.set(signer, signature);
    }
    return [...bySigner].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1)).map(([, signature]) => signature);
  }

  #nonceUsed(nonce: bigint): Promise<boolean> {
    return this.#gateway.isNonceUsed(MINT_TYPE_HASH, nonce) as Promise<boolean>;
  }

  /** Finds the transaction that spent the nonce (Minted, or MintDelayed above the delay threshold) and records it. */
  async #recordExisting(mint: MintRecord): Promise<RelayOutcome> {
    const gateway = this.#gateway;
    const fromBlock = this.options.fromBlock ?? 0;
    const minted = await gateway.queryFilter(gateway.getEvent('Minted')(mint.token, mint.to, null, mint.nonce), fromBlock, 'latest');
    let txHash = minted[0]?.transactionHash;
    if (txHash === undefined) {
      const delayed = await gateway.queryFilter(gateway.getEvent('MintDelayed')(null, mint.token, mint.to), fromBlock, 'latest');
      txHash = delayed.find((log) => gateway.interface.parseLog(log)?.args.nonce === mint.nonce)?.transactionHash;
    }
    if (txHash === undefined) {
      throw new BridgeError('BRIDGE_MINT_TX_NOT_FOUND', 'The gateway reports the nonce used but no Minted or MintDelayed event matches the bridge-out; check the token, recipient and search start block.', {
        nonce: mint.nonce.toString(),
        fromBlock,
      });
    }
    await this.options.ledger.recordMinted(mint.nonce, txHash);
    await this.options.journal?.delete(mint.nonce);
    return { kind: 'already-minted', nonce: mint.nonce, txHash };
  }
}
