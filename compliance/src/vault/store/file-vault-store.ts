import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrestleError } from '../../errors/trestle-error';
import { envelopeBytes, parseEnvelope, type Envelope } from '../envelope/envelope';
import { isSha256Hex, sha256Hex } from '../sha256';
import type { VaultStore } from './vault-store';

/**
 * A bank's envelope store: a directory where each envelope is a file named by the SHA-256 of its
 * bytes (the content hash that goes on the ledger). Writes are atomic and idempotent; reads check
 * the hash, so a changed or truncated file is `VAULT_ENVELOPE_CORRUPT`, never a wrong envelope.
 */
export class FileVaultStore implements VaultStore {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  /** Stores the envelope and returns its content hash; storing the same envelope again is a no-op. */
  async put(envelope: Envelope): Promise<string> {
    const bytes = envelopeBytes(envelope);
    const contentHash = sha256Hex(bytes);
    await mkdir(this.directory, { recursive: true });
    // Write beside, then rename: a reader never sees half a file under a content hash.
    const temporary = join(this.directory, `.${contentHash}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx', mode: 0o640 });
      await rename(temporary, this.pathOf(contentHash));
    } finally {
      await rm(temporary, { force: true });
    }
    return contentHash;
  }

  /** The envelope stored under `contentHash`, after checking its bytes still hash to it. */
  async get(contentHash: string): Promise<Envelope> {
    if (!isSha256Hex(contentHash)) {
      throw new TrestleError('VAULT_ENVELOPE_NOT_FOUND', 'A content hash is 64 lower-case hex digits; check the hash on the ledger.', { details: { contentHash: String(contentHash).slice(0, 80) } });
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.pathOf(contentHash));
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
      throw new TrestleError('VAULT_ENVELOPE_NOT_FOUND', 'This bank\'s store has no envelope with that content hash; fetch it from the bank that sealed it.', {
        details: { contentHash },
      });
    }
    if (sha256Hex(bytes) !== contentHash) {
      throw new TrestleError('VAULT_ENVELOPE_CORRUPT', 'The stored envelope no longer matches its content hash; restore it from another bank\'s store.', {
        details: { contentHash },
      });
    }
    return parseEnvelope(bytes);
  }

  private pathOf(contentHash: string): string {
    return join(this.directory, contentHash);
  }
}
