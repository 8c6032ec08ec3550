import type { JsonRpcProvider } from 'ethers';
import type { FileCheckpoint } from './checkpoint';
import { BridgeError } from './errors';
import type { BridgeMetrics } from './metrics';

/** How a watcher follows final blocks of one chain for one contract (the gateway whose assets it watches). */
export interface FinalBlockScanOptions {
  readonly provider: JsonRpcProvider;
  readonly checkpoint: FileCheckpoint;
  /** The contract the checkpoint belongs to; a checkpoint of another is refused. */
  readonly contract: string;
  /** A block counts as final when it has this many confirmations (the block itself is the first). */
  readonly confirmations: number;
  /** Where to start without a checkpoint: the gateway's deployment block. */
  readonly startBlock: number;
  /** Most blocks per range handed to `visit` (one `eth_getLogs` each). */
  readonly maxBlockRange?: number;
  readonly metrics?: BridgeMetrics;
  /** The metrics' label for this watcher's errors. */
  readonly name: string;
}

/**
 * Hands every final block range after the checkpoint to `visit`, in order, advancing the checkpoint
 * after each. Only final blocks are read, so a reorg shallower than the depth never reaches a
 * visitor; a deeper one is detected through the checkpoint's block hash and stops the scan with
 * BRIDGE_REORG_BELOW_CHECKPOINT instead of acting on a forked history. Returns the scanned span.
 */
export async function scanFinalBlocks(options: FinalBlockScanOptions, visit: (fromBlock: number, toBlock: number, chainId: bigint) => Promise<void>): Promise<{ fromBlock: number; toBlock: number }> {
  const { provider, checkpoint, confirmations } = options;
  const [{ chainId }, latest] = await Promise.all([provider.getNetwork(), provider.getBlockNumber()]);
  const stored = await checkpoint.read();
  if (stored !== undefined) await checkContinuity(options, stored, chainId);
  const fromBlock = stored === undefined ? options.startBlock : stored.lastProcessedBlock + 1;
  const finalBlock = latest - confirmations + 1;
  const range = options.maxBlockRange ?? 2_000;
  for (let start = fromBlock; start <= finalBlock; start += range) {
    const end = Math.min(start + range - 1, finalBlock);
    await visit(start, end, chainId);
    const block = await provider.getBlock(end);
    if (block?.hash == null) throw new Error(`the node returned no block ${end}`);
    await checkpoint.write({ chainId: chainId.toString(), gateway: options.contract, lastProcessedBlock: end, blockHash: block.hash });
    options.metrics?.setLastProcessedBlock(end);
  }
  return { fromBlock, toBlock: Math.max(finalBlock, fromBlock - 1) };
}

async function checkContinuity(options: FinalBlockScanOptions, stored: { chainId: string; gateway: string; lastProcessedBlock: number; blockHash: string }, chainId: bigint): Promise<void> {
  if (stored.chainId !== chainId.toString() || stored.gateway.toLowerCase() !== options.contract.toLowerCase()) {
    throw new BridgeError('BRIDGE_CHECKPOINT_MISMATCH', 'The checkpoint file belongs to another chain or gateway; give this watcher its own file.', {
      path: options.checkpoint.file,
      checkpointChainId: stored.chainId,
      checkpointGateway: stored.gateway,
    });
  }
  const block = await options.provider.getBlock(stored.lastProcessedBlock);
  if (block?.hash !== stored.blockHash) {
    options.metrics?.increment('errors', options.name);
    throw new BridgeError('BRIDGE_REORG_BELOW_CHECKPOINT', 'A block the watcher already processed was replaced: the chain reorganised deeper than the confirmation depth. Stop, reconcile, and raise the depth.', {
      block: stored.lastProcessedBlock,
      expectedHash: stored.blockHash,
      foundHash: block?.hash ?? null,
    });
  }
}
