import type { LitNodeClient } from '@lit-protocol/lit-node-client';
import { TrestleError } from '../../errors/trestle-error';
import type { AccessGate, Requester } from '../access/access-gate';
import { checkAndRecordAccess, type Clock } from '../access/check-and-record-access';
import { parseRequester } from '../access/parse-requester';
import { accessConditionsHash, parseAccessConditions, type AccessConditions } from '../conditions/access-conditions';
import { ENVELOPE_FORMAT, type LitNetworkEnvelope } from '../envelope/envelope';
import { callLit } from '../lit/call-lit';
import { withOutputSilenced } from '../lit/silence-output';
import { sha256Hex } from '../sha256';
import type { VaultStore } from '../store/vault-store';
import type { EvidenceVault, SealedFile } from './evidence-vault';

/** The two `LitNodeClient` calls this backend makes, so a test can hand it a connected client. */
export type LitNetworkClient = Pick<LitNodeClient, 'encrypt' | 'decrypt'>;

type DecryptParams = Parameters<LitNodeClient['decrypt']>[0];

/** Lit access control conditions (the `accessControlConditions` of `LitNodeClient.encrypt`). */
export type LitAccessControlConditions = NonNullable<DecryptParams['accessControlConditions']>;

/** How a requester proves to the Lit nodes who they are: session signatures or a bare auth signature. */
export type LitAuthorization = Pick<DecryptParams, 'sessionSigs' | 'authSig'>;

/** The Lit backend's parts. The Lit nodes enforce `litConditionsFor`; Trestle's gate records the access. */
export type LitNetworkVaultOptions = {
  readonly client: LitNetworkClient;
  /** The network the client is connected to (`datil-dev`, `datil-test`, `datil`); kept in each envelope. */
  readonly network: string;
  /** The chain Lit evaluates the conditions on. */
  readonly chain: string;
  readonly store: VaultStore;
  /** Lit's own conditions for a file; the Lit nodes decide on these, not on Trestle's. */
  readonly litConditionsFor: (conditions: AccessConditions) => LitAccessControlConditions;
  /** The requester's Lit authorization (their wallet's signature), fetched when they open a file. */
  readonly authorizationFor: (requester: Requester) => Promise<LitAuthorization>;
  readonly gate: AccessGate;
  readonly clock: Clock;
};

/**
 * The backend that leaves the key with a Lit network through `LitNodeClient`. The Lit nodes check
 * their conditions and hold the shares; before asking them, this client checks and records the
 * access through the same gate as the share services, so the ledger still says who opened what.
 */
export class LitNetworkVault implements EvidenceVault {
  readonly #options: LitNetworkVaultOptions;

  constructor(options: LitNetworkVaultOptions) {
    this.#options = options;
  }

  /** @inheritdoc */
  async seal(file: Uint8Array, conditions: AccessConditions): Promise<SealedFile> {
    const checked = parseAccessConditions(conditions);
    const litConditions = this.#options.litConditionsFor(checked);
    const { ciphertext, dataToEncryptHash } = await this.#call('encrypt', () =>
      this.#options.client.encrypt({ accessControlConditions: litConditions, dataToEncrypt: file }),
    );
    const dataHash = sha256Hex(file);
    if (dataToEncryptHash !== dataHash) throw unavailable('returned a data hash that is not the SHA-256 of the file');
    const envelope: LitNetworkEnvelope = {
      format: ENVELOPE_FORMAT,
      backend: 'lit-network',
      conditions: checked,
      network: this.#options.network,
      chain: this.#options.chain,
      litConditions: JSON.stringify(litConditions),
      dataHash,
      ciphertext,
    };
    return { contentHash: await this.#options.store.put(envelope), envelope };
  }

  /** Checks and records the access, then asks the Lit network to decrypt (its signature print silenced). */
  async open(contentHash: string, requester: Requester): Promise<Uint8Array> {
    const checkedRequester = parseRequester(requester);
    const envelope = await this.#options.store.get(contentHash);
    if (envelope.backend !== 'lit-network' || envelope.network !== this.#options.network) {
      throw new TrestleError('VAULT_KEY_MISMATCH', 'This envelope was not sealed by this Lit network; open it with the backend that sealed it.', {
        details: { contentHash, backend: envelope.backend },
      });
    }
    const conditionsHash = accessConditionsHash(envelope.conditions);
    const request = { requester: checkedRequester, conditions: envelope.conditions, conditionsHash, dataHash: envelope.dataHash };
    await checkAndRecordAccess(this.#options.gate, this.#options.clock, request, 0);
    const authorization = await this.#options.authorizationFor(checkedRequester);
    const { decryptedData } = await this.#call('decrypt', () =>
      // LitNodeClient.decrypt ends in @lit-protocol/crypto's doDecrypt, which prints the signature.
      withOutputSilenced(() =>
        this.#options.client.decrypt({
          ...authorization,
          accessControlConditions: JSON.parse(envelope.litConditions) as LitAccessControlConditions,
          chain: envelope.chain,
          ciphertext: envelope.ciphertext,
          dataToEncryptHash: envelope.dataHash,
        }),
      ),
    );
    if (sha256Hex(decryptedData) !== envelope.dataHash) {
      throw new TrestleError('VAULT_ENVELOPE_CORRUPT', 'The Lit network decrypted the envelope to other data; fetch it again from another bank\'s store.', {
        details: { contentHash },
      });
    }
    return decryptedData;
  }

  async #call<T>(name: string, call: () => Promise<T>): Promise<T> {
    try {
      return await callLit(name, call);
    } catch (cause) {
      throw unavailable(`could not ${name} the file`, cause);
    }
  }
}

function unavailable(problem: string, cause?: unknown): TrestleError {
  return new TrestleError('VAULT_BACKEND_UNAVAILABLE', `The Lit network ${problem}; check the network and the requester's Lit authorization.`, { cause });
}
