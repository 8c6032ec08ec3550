import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { BridgeError } from './errors';

/** What the burn watcher has fully processed on one chain's gateway. */
export interface BurnCheckpoint {
  readonly chainId: string;
  readonly gateway: string;
  /** Every event up to and including this block has been attested. */
  readonly lastProcessedBlock: number;
  /** That block's hash, to notice a reorg deeper than the confirmation depth. */
  readonly blockHash: string;
}

/**
 * A checkpoint in one JSON file, replaced atomically: written to a temporary file in the same
 * folder, flushed, then renamed over the old one, so a crash leaves either the old or the new
 * checkpoint and never half of one.
 */
export class FileCheckpoint {
  constructor(readonly file: string) {}

  /** The stored checkpoint, or undefined before the first write. */
  async read(): Promise<BurnCheckpoint | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as Partial<BurnCheckpoint>;
      if (typeof parsed.chainId === 'string' && typeof parsed.gateway === 'string' && Number.isSafeInteger(parsed.lastProcessedBlock) && typeof parsed.blockHash === 'string') {
        return parsed as BurnCheckpoint;
      }
    } catch {
      // Reported below with the file named.
    }
    throw new BridgeError('BRIDGE_CHECKPOINT_CORRUPT', 'The burn watcher checkpoint file is not a checkpoint; restore it or remove it to rescan from the start block.', { path: this.file });
  }

  async write(checkpoint: BurnCheckpoint): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.file);
  }
}
