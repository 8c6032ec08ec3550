import type { ApprovalsRequired } from '../rules/approvals-required';
import type { RecordReader } from '../policy/record-reader';
import { isIn, oneOf } from '../rules/read-investor';
import type { RuleVerdict } from '../rules/rule-verdict';
import { readJsonDocument, readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readUnixSeconds } from '../ledger/record-fields';
import { parseUint256 } from '../ledger/wallet-binding';
import { isTransferId, readApprovals, readApprovalsRequired, readBlock, readClosure, readVerdicts, type RequestBlock, type TransferApproval } from '../transfers/transfer-record';
import { readAddress, readBytes32, readSignature, readUintText } from './bridge-fields';

/** What an investor's bank submits to bridge units to the investor's wallet on an EVM chain. */
export type BridgeOutRequest = {
  /** Chosen by the client, so a retried submission cannot create a second bridge-out. */
  readonly bridgeOutId: string;
  readonly assetId: string;
  readonly investorId: string;
  readonly chainId: bigint;
  /** A wallet bound to the investor on the ledger (WalletContract); the mint goes there. */
  readonly wallet: string;
  readonly amount: bigint;
};

/**
 * PENDING awaits officers' approvals; the last approval re-runs the rules and moves the units to
 * escrow (APPROVED, nonce assigned) or fails it (FAILED_AT_APPROVAL); validators' signatures make
 * it SIGNED at the chain's threshold; a relayer records the EVM transaction (MINTED). A sanctions
 * hit on the investor while PENDING makes it BLOCKED: never escrowed, only rejected, cancelled or expired.
 */
export const BRIDGE_OUT_STATUSES = ['PENDING', 'BLOCKED', 'APPROVED', 'SIGNED', 'MINTED', 'FAILED_AT_APPROVAL', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const;
export type BridgeOutStatus = (typeof BRIDGE_OUT_STATUSES)[number];

/** Bridge-outs that hold escrowed units and wait for the EVM side. */
export const IN_FLIGHT_STATUSES = ['APPROVED', 'SIGNED'] as const satisfies readonly BridgeOutStatus[];

/** Closed without escrow: no units moved. */
export type BridgeOutClosure = { readonly status: 'FAILED_AT_APPROVAL' | 'REJECTED' | 'CANCELLED' | 'EXPIRED'; readonly at: string; readonly by: string; readonly byMsp: string; readonly reason: string | null };

/** One bank validator's EIP-712 signature of the Mint, as the chaincode verified it. */
export type RecordedMintSignature = { readonly bankMsp: string; readonly validator: string; readonly signature: string; readonly recordedAt: string };

/** A bridge-out on the ledger. */
export type BridgeOutRecord = {
  readonly bridgeOutId: string;
  readonly assetId: string;
  readonly investorId: string;
  readonly bankMsp: string;
  readonly chainId: string;
  readonly wallet: string;
  readonly token: string;
  readonly amount: string;
  readonly status: BridgeOutStatus;
  readonly policyVersion: number;
  readonly approvalsRequired: ApprovalsRequired;
  readonly approvals: readonly TransferApproval[];
  readonly requestVerdicts: readonly RuleVerdict[];
  readonly approvalVerdicts: readonly RuleVerdict[] | null;
  readonly requestedAt: string;
  readonly requestedAtSeconds: number;
  readonly expiresAtSeconds: number;
  readonly requestedBy: string;
  readonly requesterMsp: string;
  /** The gateway nonce of the Mint (decimal), from the escrow on. */
  readonly nonce: string | null;
  /** The Fabric transaction that escrowed the units, as the Mint's bytes32 `fabricTxId`. */
  readonly fabricTxId: string | null;
  readonly escrowedAt: string | null;
  readonly signatures: readonly RecordedMintSignature[];
  readonly evmTxHash: string | null;
  readonly mintedAt: string | null;
  readonly closure: BridgeOutClosure | null;
  /** Set when a sanctions hit on the investor blocked the bridge-out while it was pending; null otherwise. */
  readonly blocked: RequestBlock | null;
};

const REQUEST_FIELDS = ['bridgeOutId', 'assetId', 'investorId', 'chainId', 'wallet', 'amount'] as const;

/** Validates a bridge-out request (JSON text); `BRIDGE_OUT_INVALID` lists every problem. */
export function parseBridgeOutRequest(text: unknown): BridgeOutRequest {
  return readJsonDocument(text, {
    code: 'BRIDGE_OUT_INVALID',
    name: 'bridge-out request',
    fields: REQUEST_FIELDS,
    read: (reader) => ({
      bridgeOutId: reader.string('bridgeOutId', isTransferId, 'an id of 1 to 128 printable ASCII characters without spaces'),
      assetId: readLedgerId(reader, 'assetId', 'an asset id'),
      investorId: readLedgerId(reader, 'investorId', 'an investor id'),
      chainId: parseUint256(readUintText(reader, 'chainId', 1n)) ?? 0n,
      wallet: readAddress(reader, 'wallet'),
      amount: reader.amount('amount', true),
    }),
  });
}

const CLOSED = BRIDGE_OUT_STATUSES.filter((status): status is BridgeOutClosure['status'] => ['FAILED_AT_APPROVAL', 'REJECTED', 'CANCELLED', 'EXPIRED'].includes(status));
const RECORD_FIELDS = [
  'bridgeOutId', 'assetId', 'investorId', 'bankMsp', 'chainId', 'wallet', 'token', 'amount', 'status', 'policyVersion', 'approvalsRequired', 'approvals',
  'requestVerdicts', 'approvalVerdicts', 'requestedAt', 'requestedAtSeconds', 'expiresAtSeconds', 'requestedBy', 'requesterMsp', 'nonce', 'fabricTxId',
  'escrowedAt', 'signatures', 'evmTxHash', 'mintedAt', 'closure', 'blocked',
] as const;

function readRecord(reader: RecordReader, raw: Record<string, unknown>): BridgeOutRecord {
  const nullableIso = (key: string) => reader.nullableString(key, (value) => value.length > 0, 'an ISO instant');
  return {
    bridgeOutId: reader.string('bridgeOutId', isTransferId, 'a bridge-out id'),
    assetId: readLedgerId(reader, 'assetId', 'an asset id'),
    investorId: readLedgerId(reader, 'investorId', 'an investor id'),
    bankMsp: readMspId(reader, 'bankMsp'),
    chainId: readUintText(reader, 'chainId', 1n),
    wallet: readAddress(reader, 'wallet'),
    token: readAddress(reader, 'token'),
    amount: reader.amount('amount', true).toString(),
    status: reader.member('status', isIn(BRIDGE_OUT_STATUSES), oneOf(BRIDGE_OUT_STATUSES), 'PENDING'),
    policyVersion: reader.integer('policyVersion', 1),
    approvalsRequired: readApprovalsRequired(reader),
    approvals: readApprovals(reader),
    requestVerdicts: readVerdicts(raw.requestVerdicts, 'requestVerdicts', reader.problems),
    approvalVerdicts: raw.approvalVerdicts === null ? null : readVerdicts(raw.approvalVerdicts, 'approvalVerdicts', reader.problems),
    requestedAt: readIsoInstant(reader, 'requestedAt'),
    requestedAtSeconds: readUnixSeconds(reader, 'requestedAtSeconds'),
    expiresAtSeconds: reader.integer('expiresAtSeconds', 0),
    requestedBy: readIdentityId(reader, 'requestedBy'),
    requesterMsp: readMspId(reader, 'requesterMsp'),
    nonce: raw.nonce === null ? null : readUintText(reader, 'nonce'),
    fabricTxId: raw.fabricTxId === null ? null : readBytes32(reader, 'fabricTxId'),
    escrowedAt: nullableIso('escrowedAt'),
    signatures: reader.records('signatures', 16, ['bankMsp', 'validator', 'signature', 'recordedAt'], (inner) => ({
      bankMsp: readMspId(inner, 'bankMsp'),
      validator: readAddress(inner, 'validator'),
      signature: readSignature(inner, 'signature'),
      recordedAt: readIsoInstant(inner, 'recordedAt'),
    })),
    evmTxHash: raw.evmTxHash === null ? null : readBytes32(reader, 'evmTxHash'),
    mintedAt: nullableIso('mintedAt'),
    closure: readClosure(reader, CLOSED),
    blocked: readBlock(reader),
  };
}

/** Validates a bridge-out record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseBridgeOutRecord(value: unknown): BridgeOutRecord {
  return readJsonValue(value, { code: 'RECORD_MALFORMED', name: 'bridge-out record', fields: RECORD_FIELDS, read: (reader) => readRecord(reader, value as Record<string, unknown>) });
}
