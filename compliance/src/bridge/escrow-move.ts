import type { RecordReader } from '../policy/record-reader';
import { oneOf } from '../rules/read-investor';
import { readJsonDocument, readJsonValue } from '../ledger/read-json-document';
import { readIsoInstant, readLedgerId } from '../ledger/record-fields';
import { FINAL_LOG_FIELDS, readBankAttestations, readFabricTxId, readFinalLogPosition, type BankAttestation, type FinalLogPosition } from './bank-attestations';
import { readAddress, readBytes32, readUintText } from './bridge-fields';

// Bridged units change hands on the EVM chain: a holder sends them to another verified wallet, a
// borrower supplies them as collateral on someone's behalf, a liquidator seizes them. The escrow on
// the ledger counts for the units' beneficial owners (the holder count and max balance rules read
// it), so validators attest each such move and the ledger moves the escrow with it. A move through a
// lending venue is stated between the beneficial wallets, not the venue: collateral a borrower
// supplies stays theirs; a liquidation moves it from the borrower to the liquidator.

const MAX_BLOCK = Number.MAX_SAFE_INTEGER;

/** One token transfer's change of beneficial owner, as a validator saw it final on the EVM chain; identified by (chainId, txHash, logIndex) of the token's Transfer log. */
export type EscrowMoveEvent = FinalLogPosition & {
  readonly token: string;
  /** The beneficial owners' wallets: for a venue's transfer, the borrower it acted for. */
  readonly from: string;
  readonly to: string;
  readonly amount: string;
  /** The lending venue the units went through, or null for a direct transfer. */
  readonly venue: string | null;
};

const EVENT_FIELDS = [...FINAL_LOG_FIELDS, 'token', 'from', 'to', 'amount', 'venue'] as const;

function readEvent(reader: RecordReader): EscrowMoveEvent {
  return {
    ...readFinalLogPosition(reader),
    token: readAddress(reader, 'token'),
    from: readAddress(reader, 'from'),
    to: readAddress(reader, 'to'),
    amount: reader.amount('amount', true).toString(),
    venue: reader.nullableString('venue', (value) => /^0x[0-9a-fA-F]{40}$/.test(value), 'an EVM address (0x and 40 hex digits) or null'),
  };
}

/** Validates an escrow-move attestation (JSON text of the event's fields); `BRIDGE_ATTESTATION_INVALID` lists every problem. */
export function parseEscrowMoveEvent(text: unknown): EscrowMoveEvent {
  return readJsonDocument(text, { code: 'BRIDGE_ATTESTATION_INVALID', name: 'escrow move attestation', fields: EVENT_FIELDS, read: readEvent });
}

/** One bank's attestation of a move. */
export type RecordedMoveAttestation = BankAttestation<EscrowMoveEvent>;

/**
 * What the ledger did at the threshold: how much escrow it moved between which investors. `moved`
 * is less than the amount, or zero, when a side is not an investor's bound wallet on this chain or
 * the sender's attributed escrow was short; `note` says which, and those units stay attributed as
 * they were (a later burn's release takes them from the burner first, then from other holders).
 */
export type EscrowMoveApplied = {
  readonly assetId: string;
  readonly fromInvestorId: string | null;
  readonly toInvestorId: string | null;
  readonly moved: string;
  readonly note: string | null;
  readonly appliedAt: string;
  readonly txId: string;
};

export const ESCROW_MOVE_STATUSES = ['ATTESTED', 'APPLIED'] as const;

/** A move's record on the ledger: each bank's attestation and, at the threshold, what was applied. */
export type EscrowMoveRecord = {
  readonly chainId: string;
  readonly txHash: string;
  readonly logIndex: number;
  readonly status: (typeof ESCROW_MOVE_STATUSES)[number];
  readonly attestations: readonly RecordedMoveAttestation[];
  readonly applied: EscrowMoveApplied | null;
};

const isStatus = (value: unknown): value is EscrowMoveRecord['status'] => (ESCROW_MOVE_STATUSES as readonly unknown[]).includes(value);

/** Validates a move record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseEscrowMoveRecord(value: unknown): EscrowMoveRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'escrow move record',
    fields: ['chainId', 'txHash', 'logIndex', 'status', 'attestations', 'applied'],
    read: (reader) => ({
      chainId: readUintText(reader, 'chainId', 1n),
      txHash: readBytes32(reader, 'txHash'),
      logIndex: reader.integer('logIndex', 0, MAX_BLOCK),
      status: reader.member('status', isStatus, oneOf(ESCROW_MOVE_STATUSES), 'ATTESTED'),
      attestations: readBankAttestations(reader, EVENT_FIELDS, readEvent),
      applied: reader.nullableRecord('applied', ['assetId', 'fromInvestorId', 'toInvestorId', 'moved', 'note', 'appliedAt', 'txId'], (inner) => ({
        assetId: readLedgerId(inner, 'assetId', 'an asset id'),
        fromInvestorId: inner.nullableString('fromInvestorId', () => true, 'an investor id'),
        toInvestorId: inner.nullableString('toInvestorId', () => true, 'an investor id'),
        moved: inner.amount('moved').toString(),
        note: inner.nullableString('note', (text) => text.length > 0, 'a sentence'),
        appliedAt: readIsoInstant(inner, 'appliedAt'),
        txId: readFabricTxId(inner, 'txId'),
      })),
    }),
  });
}
