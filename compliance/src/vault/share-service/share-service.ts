import { TrestleError } from '../../errors/trestle-error';
import type { AccessGate } from '../access/access-gate';
import { checkAndRecordAccess, type Clock } from '../access/check-and-record-access';
import { accessConditionsHash } from '../conditions/access-conditions';
import { litIdentity } from '../conditions/lit-identity';
import { encodeSignatureShare, type DecryptionShare } from '../envelope/decryption-share';
import type { KeyShare } from '../keys/key-share';
import { parseDecryptionShareRequest, type DecryptionShareRequest } from './decryption-share-request';

/** What a vault client needs from a share service, in process today and over HTTP later. */
export interface DecryptionShareSource {
  /** This service's share of one file's decryption key, or a typed refusal. */
  signDecryptionShare(request: DecryptionShareRequest): Promise<DecryptionShare>;
}

/** A bank share service's dependencies; `clock` stamps the access record. */
export type ShareServiceOptions = {
  readonly keyShare: KeyShare;
  readonly gate: AccessGate;
  readonly clock: Clock;
};

/**
 * One bank's share service: holds one key share and releases a signature share for a file only to
 * a requester the gate allows, after the gate has recorded the attempt. Refusals are recorded too
 * and thrown as `VAULT_ACCESS_DENIED`.
 */
export class ShareService implements DecryptionShareSource {
  readonly #keyShare: KeyShare;
  readonly #gate: AccessGate;
  readonly #clock: Clock;

  constructor(options: ShareServiceOptions) {
    this.#keyShare = options.keyShare;
    this.#gate = options.gate;
    this.#clock = options.clock;
  }

  /** The x-coordinate of this service's key share. */
  get shareIndex(): number {
    return this.#keyShare.shareIndex;
  }

  /** The consortium public key this service holds a share of. */
  get publicKey(): string {
    return this.#keyShare.publicKey;
  }

  /** Checks, records, then signs the file's Lit identity with this service's share. */
  async signDecryptionShare(request: DecryptionShareRequest): Promise<DecryptionShare> {
    const { requester, publicKey, conditions, dataHash } = parseDecryptionShareRequest(request);
    if (publicKey !== this.#keyShare.publicKey) {
      throw new TrestleError('VAULT_KEY_MISMATCH', 'This share service holds a share of another consortium key; ask the services of the key that sealed the file.', {
        details: { fileId: conditions.fileId, shareIndex: this.shareIndex },
      });
    }
    const conditionsHash = accessConditionsHash(conditions);
    await checkAndRecordAccess(this.#gate, this.#clock, { requester, conditions, conditionsHash, dataHash }, this.shareIndex);
    const identity = litIdentity(conditionsHash, dataHash);
    const signature = this.#keyShare.sign(new TextEncoder().encode(identity));
    return { shareIndex: this.shareIndex, publicKey, identity, signatureShare: encodeSignatureShare(this.shareIndex, signature) };
  }
}
