import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import { readJsonDocument, readJsonValue } from '../ledger/read-json-document';
import { readIsoInstant, readLedgerId } from '../ledger/record-fields';
import { parseUint256 } from '../ledger/wallet-binding';
import { FINAL_LOG_FIELDS, readBankAttestations, readFabricTxId, readFinalLogPosition, type BankAttestation, type FinalLogPosition } from './bank-attestations';
import { readAddress, readBytes32, readUintText } from './bridge-fields';

/**
 * A `BurnedForRedeem` event as a validator saw it final on the EVM chain. The event is identified
 * by (chainId, burnNonce): the gateway numbers its burns, so a second event cannot reuse one.
 */
export type BurnEvent = FinalLogPosition & {
  readonly burnNonce: string;
  readonly token: string;
  readonly from: string;
  readonly amount: string;
  readonly fabricInvestorRef: string;
};

const EVENT_FIELDS = [...FINAL_LOG_FIELDS, 'burnNonce', 'token', 'from', 'amount', 'fabricInvestorRef'] as const;

function readEvent(reader: RecordReader): BurnEvent {
  return {
    ...readFinalLogPosition(reader),
    burnNonce: readUintText(reader, 'burnNonce'),
    token: readAddress(reader, 'token'),
    from: readAddress(reader, 'from'),
    amount: reader.amount('amount', true).toString(),
    fabricInvestorRef: readBytes32(reader, 'fabricInvestorRef'),
  };
}

/** Validates a burn attestation (JSON text of the event's fields); `BRIDGE_ATTESTATION_INVALID` lists every problem. */
export function parseBurnEvent(text: unknown): BurnEvent {
  return readJsonDocument(text, { code: 'BRIDGE_ATTESTATION_INVALID', name: 'burn attestation', fields: EVENT_FIELDS, read: readEvent });
}

/** One bank's attestation of a burn. */
export type RecordedBurnAttestation = BankAttestation<BurnEvent>;

/**
 * Where the units of a released burn went: to the investor whose bound wallet burned them and
 * whom the burn names, or to the asset's suspense holding when that investor is not KYC-active,
 * the burning wallet is not bound, or the burn names someone else.
 */
export type BurnRelease = {
  readonly assetId: string;
  readonly amount: string;
  /** The investor credited, or null for suspense. */
  readonly investorId: string | null;
  /** Why the units went to suspense; null when the investor was credited. */
  readonly suspenseReason: string | null;
  readonly releasedAt: string;
  /** The Fabric transaction of the release (64 hex digits). */
  readonly txId: string;
};

export const BURN_STATUSES = ['ATTESTED', 'RELEASED'] as const;

/** A burn's record on the ledger: each bank's attestation and, at the threshold, the release. */
export type BurnRecord = {
  readonly chainId: string;
  readonly burnNonce: string;
  readonly status: (typeof BURN_STATUSES)[number];
  readonly attestations: readonly RecordedBurnAttestation[];
  readonly release: BurnRelease | null;
};

const isStatus = (value: unknown): value is BurnRecord['status'] => (BURN_STATUSES as readonly unknown[]).includes(value);

/** Validates a burn record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseBurnRecord(value: unknown): BurnRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'burn record',
    fields: ['chainId', 'burnNonce', 'status', 'attestations', 'release'],
    read: (reader) => ({
      chainId: readUintText(reader, 'chainId', 1n),
      burnNonce: readUintText(reader, 'burnNonce'),
      status: reader.member('status', isStatus, oneOf(BURN_STATUSES), 'ATTESTED'),
      attestations: readBankAttestations(reader, EVENT_FIELDS, readEvent),
      release: reader.nullableRecord('release', ['assetId', 'amount', 'investorId', 'suspenseReason', 'releasedAt', 'txId'], (inner) => ({
        assetId: readLedgerId(inner, 'assetId', 'an asset id'),
        amount: inner.amount('amount', true).toString(),
        investorId: inner.nullableString('investorId', () => true, 'an investor id'),
        suspenseReason: inner.nullableString('suspenseReason', (text) => text.length > 0, 'a sentence'),
        releasedAt: readIsoInstant(inner, 'releasedAt'),
        txId: readFabricTxId(inner, 'txId'),
      })),
    }),
  });
}

/** The burn nonce as a bigint (validated text). */
export function burnNonceOf(event: BurnEvent): bigint {
  return parseUint256(event.burnNonce) ?? 0n;
}
