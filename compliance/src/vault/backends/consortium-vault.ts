import { isTrestleError, TrestleError } from '../../errors/trestle-error';
import type { Requester } from '../access/access-gate';
import type { AccessConditions } from '../conditions/access-conditions';
import type { DecryptionShare } from '../envelope/decryption-share';
import { openEnvelope } from '../envelope/open-envelope';
import { sealEnvelope } from '../envelope/seal-envelope';
import type { ConsortiumPublicKey } from '../keys/consortium-public-key';
import type { DecryptionShareSource } from '../share-service/share-service';
import type { VaultStore } from '../store/vault-store';
import type { EvidenceVault, SealedFile } from './evidence-vault';

/** The consortium backend's parts: the published key, this bank's store and every bank's share service. */
export type ConsortiumVaultOptions = {
  readonly key: ConsortiumPublicKey;
  readonly store: VaultStore;
  readonly shareSources: readonly DecryptionShareSource[];
};

/**
 * The default backend: files sealed to the consortium key with Lit's format, opened with decryption
 * shares from at least `threshold` bank share services, each of which checks and records the access.
 */
export class ConsortiumVault implements EvidenceVault {
  readonly #options: ConsortiumVaultOptions;

  constructor(options: ConsortiumVaultOptions) {
    this.#options = options;
  }

  /** @inheritdoc */
  async seal(file: Uint8Array, conditions: AccessConditions): Promise<SealedFile> {
    const envelope = await sealEnvelope(file, conditions, this.#options.key);
    return { contentHash: await this.#options.store.put(envelope), envelope };
  }

  /**
   * Asks every share service at once and decrypts when `threshold` have answered. Too few shares is
   * `VAULT_ACCESS_DENIED` when a service refused the requester, `VAULT_NOT_ENOUGH_SHARES` otherwise.
   */
  async open(contentHash: string, requester: Requester): Promise<Uint8Array> {
    const envelope = await this.#options.store.get(contentHash);
    if (envelope.backend !== 'consortium' || envelope.publicKey !== this.#options.key.publicKey) {
      throw new TrestleError('VAULT_KEY_MISMATCH', 'This envelope was not sealed to the consortium key of this vault; open it with the backend that sealed it.', {
        details: { contentHash, backend: envelope.backend },
      });
    }
    const request = { requester, publicKey: envelope.publicKey, conditions: envelope.conditions, dataHash: envelope.dataHash };
    const answers = await Promise.allSettled(this.#options.shareSources.map((source) => source.signDecryptionShare(request)));
    const shares: DecryptionShare[] = [];
    const failures: unknown[] = [];
    for (const answer of answers) {
      if (answer.status === 'fulfilled') shares.push(answer.value);
      else failures.push(answer.reason);
    }
    if (shares.length < envelope.threshold) {
      const denial = failures.find((failure) => isTrestleError(failure, 'VAULT_ACCESS_DENIED'));
      if (denial !== undefined) throw denial;
      throw new TrestleError('VAULT_NOT_ENOUGH_SHARES', 'Too few bank share services answered to open this file; try again when more of them are up.', {
        details: { contentHash, received: shares.length, threshold: envelope.threshold, failures: failures.map(describeFailure) },
      });
    }
    return openEnvelope(envelope, shares);
  }
}

function describeFailure(failure: unknown): string {
  if (isTrestleError(failure)) return failure.code;
  return failure instanceof Error ? failure.name : 'unknown';
}
