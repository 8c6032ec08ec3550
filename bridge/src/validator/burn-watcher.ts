import { getAddress, type JsonRpcProvider, type Log } from 'ethers';
import type { DeployedContract } from '../evm/deploy-contract';
import { burnEventKey, type AttestationLedger, type BurnAttestation } from './attestation-ledger';
import type { FileCheckpoint } from './checkpoint';
import { scanFinalBlocks } from './final-block-scan';
import type { BridgeMetrics } from './metrics';

export interface BurnWatcherOptions {
  readonly provider: JsonRpcProvider;
  readonly gateway: DeployedContract;
  readonly ledger: AttestationLedger;
  readonly checkpoint: FileCheckpoint;
  /** The attesting bank's validator address. */
  readonly validator: string;
  /** A block counts as final when it has this many confirmations (the block itself is the first). */
  readonly confirmations: number;
  /** Where to start without a checkpoint: the gateway's deployment block. */
  readonly startBlock: number;
  /** Most blocks per `eth_getLogs` request. */
  readonly maxBlockRange?: number;
  readonly metrics?: BridgeMetrics;
}

/** What one pass did. */
export interface BurnWatcherPass {
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly attested: readonly BurnAttestation[];
}

/**
 * Follows the gateway's `BurnedForRedeem` events and attests each on the ledger once it has the
 * configured confirmations (`scanFinalBlocks`: final blocks only, a reorg below the checkpoint
 * stops it with a typed error). Handlers are idempotent
 * by chain id, tx hash and log index: a restart re-reads at most the blocks after the checkpoint.
 */
export class BurnWatcher {
  readonly #seen = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;

  constructor(readonly options: BurnWatcherOptions) {
    if (!Number.isInteger(options.confirmations) || options.confirmations < 1) throw new RangeError('confirmations must be an integer of at least 1');
  }

  /** Processes every final block after the checkpoint, then advances the checkpoint. */
  async poll(): Promise<BurnWatcherPass> {
    const { provider, gateway, checkpoint, confirmations, startBlock, maxBlockRange, metrics } = this.options;
    const attested: BurnAttestation[] = [];
    const span = await scanFinalBlocks({ provider, checkpoint, contract: await gateway.getAddress(), confirmations, startBlock, maxBlockRange, metrics, name: 'burn-watcher' }, async (from, to, chainId) => {
      for (const log of await gateway.queryFilter(gateway.getEvent('BurnedForRedeem')(), from, to)) {
        const attestation = await this.#attest(log, chainId);
        if (attestation !== undefined) attested.push(attestation);
      }
    });
    return { ...span, attested };
  }

  /** Polls every `intervalMs` until `stop`; a failed pass counts an error and is retried next time. */
  start(intervalMs: number): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => {
      if (this.#running !== undefined) return;
      this.#running = this.poll()
        .catch(() => this.options.metrics?.increment('errors', 'burn-watcher'))
        .finally(() => (this.#running = undefined));
    }, intervalMs);
  }

  /** Stops polling and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #attest(log: Log, chainId: bigint): Promise<BurnAttestation | undefined> {
    const key = burnEventKey({ chainId, txHash: log.transactionHash, logIndex: log.index });
    if (this.#seen.has(key)) return undefined;
    const parsed = this.options.gateway.interface.parseLog(log);
    if (parsed?.name !== 'BurnedForRedeem') return undefined;
    const attestation: BurnAttestation = {
      chainId,
      txHash: log.transactionHash,
      logIndex: log.index,
      blockNumber: log.blockNumber,
      blockHash: log.blockHash,
      token: getAddress(parsed.args.token as string),
      from: getAddress(parsed.args.from as string),
      amount: parsed.args.amount as bigint,
      fabricInvestorRef: parsed.args.fabricInvestorRef as string,
      burnNonce: parsed.args.burnNonce as bigint,
      validator: getAddress(this.options.validator),
    };
    await this.options.ledger.recordBurnAttestation(attestation);
    this.#seen.add(key);
    this.options.metrics?.increment('burnAttestations');
    return attestation;
  }
}
