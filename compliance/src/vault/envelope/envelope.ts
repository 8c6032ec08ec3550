import { TrestleError } from '../../errors/trestle-error';
import { parseAccessConditions, type AccessConditions } from '../conditions/access-conditions';
import { isPublicKeyHex } from '../keys/bls12-381';
import { isThresholdParameters } from '../keys/threshold-parameters';
import { isSha256Hex } from '../sha256';

/** The `format` of every envelope; bump it on any change a version 1 reader would misread. */
export const ENVELOPE_FORMAT = 'trestle-evidence-envelope/1';

/** Fields every envelope has, whichever backend sealed it. */
type EnvelopeBase = {
  readonly format: typeof ENVELOPE_FORMAT;
  readonly conditions: AccessConditions;
  /** SHA-256 of the plaintext, hex: the data half of the Lit identity, checked again after decryption. */
  readonly dataHash: string;
  /** Lit's base64 ciphertext. */
  readonly ciphertext: string;
};

/** A file sealed to the consortium key: opened with `threshold` bank share services. */
export type ConsortiumEnvelope = EnvelopeBase & {
  readonly backend: 'consortium';
  readonly publicKey: string;
  readonly threshold: number;
};

/** A file sealed by a Lit network: opened by that network's nodes under the Lit conditions. */
export type LitNetworkEnvelope = EnvelopeBase & {
  readonly backend: 'lit-network';
  readonly network: string;
  readonly chain: string;
  /** The Lit access control conditions as JSON text, exactly as they were given to the network. */
  readonly litConditions: string;
};

/** An encrypted evidence file and what it takes to open it; stored under the SHA-256 of its bytes. */
export type Envelope = ConsortiumEnvelope | LitNetworkEnvelope;

/** The stored form: JSON with a fixed key order per backend, so one envelope always has one hash. */
export function envelopeBytes(envelope: Envelope): Uint8Array {
  const common = { format: envelope.format, backend: envelope.backend, conditions: parseAccessConditions(envelope.conditions) };
  const document =
    envelope.backend === 'consortium'
      ? { ...common, publicKey: envelope.publicKey, threshold: envelope.threshold, dataHash: envelope.dataHash, ciphertext: envelope.ciphertext }
      : { ...common, network: envelope.network, chain: envelope.chain, litConditions: envelope.litConditions, dataHash: envelope.dataHash, ciphertext: envelope.ciphertext };
  return new TextEncoder().encode(JSON.stringify(document));
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Reads stored envelope bytes back; anything that is not a well-formed envelope is `VAULT_ENVELOPE_CORRUPT`. */
export function parseEnvelope(bytes: Uint8Array): Envelope {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw corrupt('is not UTF-8 JSON', cause);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw corrupt('is not a JSON object');
  const record = document as Record<string, unknown>;
  if (record.format !== ENVELOPE_FORMAT) throw corrupt(`is not a ${ENVELOPE_FORMAT} envelope`);
  let conditions: AccessConditions;
  try {
    conditions = parseAccessConditions(record.conditions);
  } catch (cause) {
    throw corrupt('has invalid access conditions', cause);
  }
  const { dataHash, ciphertext } = record;
  if (!isSha256Hex(dataHash)) throw corrupt('has a data hash that is not SHA-256 hex');
  if (typeof ciphertext !== 'string' || !BASE64.test(ciphertext) || ciphertext.length % 4 !== 0) throw corrupt('has a ciphertext that is not base64');
  const base = { format: ENVELOPE_FORMAT, conditions, dataHash, ciphertext } as const;
  if (record.backend === 'consortium') {
    const { publicKey, threshold } = record;
    if (!isPublicKeyHex(publicKey)) throw corrupt('has a public key that is not a compressed G1 point');
    if (!isThresholdParameters(threshold, threshold)) throw corrupt('has a threshold below 2');
    return { ...base, backend: 'consortium', publicKey, threshold: threshold as number };
  }
  if (record.backend === 'lit-network') {
    const { network, chain, litConditions } = record;
    if (typeof network !== 'string' || typeof chain !== 'string' || typeof litConditions !== 'string') throw corrupt('lacks its Lit network, chain or conditions');
    return { ...base, backend: 'lit-network', network, chain, litConditions };
  }
  throw corrupt('names no known backend');
}

function corrupt(problem: string, cause?: unknown): TrestleError {
  return new TrestleError('VAULT_ENVELOPE_CORRUPT', `The evidence envelope ${problem}; it cannot be opened, so fetch it again from another bank's store.`, { cause });
}
