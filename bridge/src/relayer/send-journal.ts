import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { BridgeError } from '../validator/errors';

/** A signed mint transaction the relayer handed to the node, kept until its receipt is recorded. */
export interface SentMint {
  /** The bridge-out's Fabric nonce, as a decimal string. */
  readonly mintNonce: string;
  readonly txHash: string;
  /** The signed transaction, so a dropped one can be broadcast again with the same EVM nonce. */
  readonly rawTx: string;
}

/**
 * What the relayer has sent and not yet recorded, in a file: written (temp file, flush, rename)
 * before the transaction is broadcast, so a relayer restarted while its transaction is still
 * unmined waits for that transaction, or re-broadcasts the same bytes, instead of paying for a
 * second one that the gateway would revert.
 */
export class SendJournal {
  #entries: Map<string, SentMint> | undefined;

  constructor(readonly file: string) {}

  /** The transaction sent for this bridge-out, if one is outstanding. */
  async get(mintNonce: bigint): Promise<SentMint | undefined> {
    return (await this.#load()).get(mintNonce.toString());
  }

  /** Records a transaction before it is broadcast. */
  async put(entry: SentMint): Promise<void> {
    const entries = await this.#load();
    entries.set(entry.mintNonce, entry);
    await this.#save(entries);
  }

  /** Forgets a bridge-out once its outcome is on the ledger (or its transaction failed). */
  async delete(mintNonce: bigint): Promise<void> {
    const entries = await this.#load();
    if (entries.delete(mintNonce.toString())) await this.#save(entries);
  }

  async #load(): Promise<Map<string, SentMint>> {
    if (this.#entries) return this.#entries;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.#entries = new Map();
      return this.#entries;
    }
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || !parsed.every(isSentMint)) {
      throw new BridgeError('BRIDGE_CHECKPOINT_CORRUPT', 'The relayer send journal is not a list of sent mints; move it aside only after checking its transactions on the chain.', { file: this.file });
    }
    this.#entries = new Map(parsed.map((entry) => [entry.mintNonce, entry]));
    return this.#entries;
  }

  async #save(entries: Map<string, SentMint>): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    // A unique name: two relayer runs sharing the journal never write the same temp file.
    const temporary = `${this.file}.${process.pid}.${randomUUID()}.tmp`;
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify([...entries.values()], null, 2));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, this.file);
  }
}

function isSentMint(value: unknown): value is SentMint {
  const entry = value as Partial<SentMint> | null;
  return typeof entry?.mintNonce === 'string' && typeof entry.txHash === 'string' && typeof entry.rawTx === 'string';
}
