import type { RecordReader } from '../policy/record-reader';
import { readIsoInstant, readMspId } from '../ledger/record-fields';
import { isBytes32, readAddress, readBytes32, readUintText } from './bridge-fields';

// What the ledger's attested EVM events (burns, escrow moves) keep alike: one attestation per
// bank, and the Fabric transaction that acted at the threshold.

const MAX_BLOCK = Number.MAX_SAFE_INTEGER;

/** Where an attested EVM log sits: its chain, transaction and index, and the block it was final in. */
export type FinalLogPosition = {
  readonly chainId: string;
  readonly txHash: string;
  readonly logIndex: number;
  readonly blockNumber: number;
  readonly blockHash: string;
};

export const FINAL_LOG_FIELDS = ['chainId', 'txHash', 'logIndex', 'blockNumber', 'blockHash'] as const;

/** Reads the `FINAL_LOG_FIELDS` of an attested event. */
export function readFinalLogPosition(reader: RecordReader): FinalLogPosition {
  return {
    chainId: readUintText(reader, 'chainId', 1n),
    txHash: readBytes32(reader, 'txHash'),
    logIndex: reader.integer('logIndex', 0, MAX_BLOCK),
    blockNumber: reader.integer('blockNumber', 0, MAX_BLOCK),
    blockHash: readBytes32(reader, 'blockHash'),
  };
}

/** Most banks whose attestations one event keeps. */
const MAX_ATTESTATIONS = 16;
const ATTESTATION_FIELDS = ['bankMsp', 'validator', 'event', 'attestedAt'] as const;

/** One bank's attestation of an event: the bank, its registered validator address, the event as stated, when. */
export type BankAttestation<E> = { readonly bankMsp: string; readonly validator: string; readonly event: E; readonly attestedAt: string };

/** Reads a record's `attestations`, each event with `readEvent` over `eventFields`. */
export function readBankAttestations<E>(reader: RecordReader, eventFields: readonly string[], readEvent: (reader: RecordReader) => E): BankAttestation<E>[] {
  return reader.records('attestations', MAX_ATTESTATIONS, ATTESTATION_FIELDS, (inner) => ({
    bankMsp: readMspId(inner, 'bankMsp'),
    validator: readAddress(inner, 'validator'),
    event: readEvent(inner.record('event', eventFields)),
    attestedAt: readIsoInstant(inner, 'attestedAt'),
  }));
}

/** A Fabric transaction id as the ledger's records keep it: 64 lower-case hex digits. */
export function readFabricTxId(reader: RecordReader, key: string): string {
  return reader.string(key, (text) => isBytes32(`0x${text}`), '64 lower-case hex digits');
}
