import type { RecordReader } from '../policy/record-reader';
import { isIn, oneOf } from '../rules/read-investor';
import { readJsonValue } from '../ledger/read-json-document';
import { readIdentityId, readIsoInstant, readMspId } from '../ledger/record-fields';
import { isPlainText } from '../rules/plain-text';
import { childPath } from '../policy/problem-list';
import { isEvmAddressForm } from '../ledger/wallet-binding';
import type { RecordedMintSignature } from './bridge-out';
import { isBytes32, readAddress, readBytes32, readSignature, readUintText } from './bridge-fields';
import { readClaims, type IdentityClaimRecord } from './identity-claims';

/**
 * The quorum messages that travel the ledger's path besides Mint: to the gateway, a pause or
 * unpause (the reconciler's alarm), an asset's legal state (REMEDIATION blocks new collateral in
 * lending venues), a bound wallet's KYC phase (kyc-phase.ts) and the validator set (the banks in
 * force after a membership change); to an asset's NavOracle, a NAV from the current valuation and a
 * write-off; and a bound wallet's identity registration or revocation (identity mirroring,
 * DESIGN.md §7). Each is proposed on the ledger, which fills in what the ledger knows and numbers it,
 * and signed by the banks' validators like a Mint; any relayer submits it.
 */
export const LEDGER_GATEWAY_MESSAGES = ['Pause', 'Unpause', 'SetLegalState', 'SetKycPhase', 'SetValidators', 'Nav', 'WriteOff', 'RegisterIdentity', 'RevokeIdentity'] as const;

/** The messages addressed to an asset's NavOracle (its EIP-712 domain) rather than the gateway. */
export const ORACLE_MESSAGES = ['Nav', 'WriteOff'] as const satisfies readonly LedgerGatewayMessage[];
export type LedgerGatewayMessage = (typeof LEDGER_GATEWAY_MESSAGES)[number];

/**
 * The type whose nonce counter a message type takes from. A wallet's registration and revocation
 * set one thing (whether it is verified), as a pause and an unpause do (the flag): the gateway
 * orders each pair as one sequence (MessageNonceStale for an older nonce), so the ledger numbers
 * each pair from one counter, and the later decision always carries the larger nonce.
 */
export function nonceSequenceOf<T extends string>(type: T): T | 'RegisterIdentity' | 'Pause' {
  if (type === 'RevokeIdentity') return 'RegisterIdentity';
  if (type === 'Unpause') return 'Pause';
  return type;
}

/** Whether two message types share one nonce sequence (nonceSequenceOf). */
export function sameNonceSequence(a: LedgerGatewayMessage, b: LedgerGatewayMessage): boolean {
  return nonceSequenceOf(a) === nonceSequenceOf(b);
}

/** The gateway's `LegalState` enum, in its order. */
export const EVM_LEGAL_STATES = ['Normal', 'Remediation'] as const;

/**
 * The fields of each message besides its nonce, as the EIP-712 structs name them: `token` and
 * `state` for SetLegalState; `asset` (the token) for WriteOff; `asset`, `navPerUnit` (decimal
 * string, 18-decimal fixed point), `valuationSeq` and `validUntil` for Nav, whose nonce is the
 * valuation sequence; `token`, `wallet` and `phase` (0 current, 1 repay-only, 2 frozen) for
 * SetKycPhase; `validators` (addresses), `threshold` and `superThreshold` for SetValidators;
 * `token`, `wallet`, `investorRef` (investor-ref.ts), `country` (ISO 3166-1 numeric) and
 * `claimsHash` (keccak256(abi.encode(claims))) for RegisterIdentity, which also keeps what the relayer
 * submits and signers check but the struct does not name: the `claims` and the wallet's `identity`
 * they are signed for; `token` and `wallet` for RevokeIdentity.
 */
export type GatewayMessageFields = {
  readonly token?: string;
  readonly state?: number;
  readonly wallet?: string;
  readonly phase?: number;
  readonly asset?: string;
  readonly navPerUnit?: string;
  readonly valuationSeq?: number;
  readonly validUntil?: number;
  readonly validators?: readonly string[];
  readonly threshold?: number;
  readonly superThreshold?: number;
  readonly investorRef?: string;
  readonly country?: number;
  readonly claimsHash?: string;
  readonly identity?: string;
  readonly claims?: readonly IdentityClaimRecord[];
};

export const GATEWAY_MESSAGE_STATUSES = ['PROPOSED', 'SIGNED', 'RELAYED'] as const;
export type GatewayMessageStatus = (typeof GATEWAY_MESSAGE_STATUSES)[number];

/** A gateway message on the ledger. */
export type GatewayMessageRecord = {
  readonly chainId: string;
  readonly type: LedgerGatewayMessage;
  readonly nonce: string;
  /** The EIP-712 domain's contract: the gateway, or the asset's NavOracle for Nav and WriteOff. */
  readonly verifyingContract: string;
  readonly fields: GatewayMessageFields;
  /** Why it was proposed, for the people reading status and audit. */
  readonly reason: string;
  readonly proposedBy: string;
  readonly proposerMsp: string;
  readonly proposedAt: string;
  readonly status: GatewayMessageStatus;
  readonly signatures: readonly RecordedMintSignature[];
  readonly evmTxHash: string | null;
  readonly relayedAt: string | null;
};


/** Whether `value` names a message this path carries. */
export const isLedgerGatewayMessage = isIn(LEDGER_GATEWAY_MESSAGES);

/** Whether `type` goes to an asset's NavOracle. */
export function isOracleMessage(type: LedgerGatewayMessage): type is (typeof ORACLE_MESSAGES)[number] {
  return (ORACLE_MESSAGES as readonly string[]).includes(type);
}

/** Most characters of a proposal's reason. */
export const MAX_GATEWAY_REASON_CHARS = 500;

const FIELD_NAMES = ['token', 'state', 'wallet', 'phase', 'asset', 'navPerUnit', 'valuationSeq', 'validUntil', 'validators', 'threshold', 'superThreshold', 'investorRef', 'country', 'claimsHash', 'identity', 'claims'] as const;

/** The largest ISO 3166-1 numeric code (three digits); the registry stores it as a uint16. */
const MAX_COUNTRY_NUMBER = 999;

/** Most validators a SetValidators carries: one per bank, as many as a record keeps signatures. */
export const MAX_GATEWAY_VALIDATORS = 16;

/** A list of validator addresses, in its order (the gateway keeps the order it is given). */
function readAddressList(reader: RecordReader, key: string): string[] {
  return reader.array(key, MAX_GATEWAY_VALIDATORS).flatMap((item, index) => {
    if (typeof item === 'string' && isEvmAddressForm(item)) return [item];
    reader.problems.add(childPath(childPath(reader.path, key), index), 'must be an EVM address (0x and 40 hex digits)');
    return [];
  });
}

function readFields(reader: RecordReader): GatewayMessageFields {
  return {
    ...(reader.has('token') ? { token: readAddress(reader, 'token') } : {}),
    ...(reader.has('state') ? { state: reader.integer('state', 0, EVM_LEGAL_STATES.length - 1) } : {}),
    ...(reader.has('wallet') ? { wallet: readAddress(reader, 'wallet') } : {}),
    ...(reader.has('phase') ? { phase: reader.integer('phase', 0, 2) } : {}),
    ...(reader.has('asset') ? { asset: readAddress(reader, 'asset') } : {}),
    ...(reader.has('navPerUnit') ? { navPerUnit: readUintText(reader, 'navPerUnit', 1n) } : {}),
    ...(reader.has('valuationSeq') ? { valuationSeq: reader.integer('valuationSeq', 1) } : {}),
    ...(reader.has('validUntil') ? { validUntil: reader.integer('validUntil', 0) } : {}),
    ...(reader.has('validators') ? { validators: readAddressList(reader, 'validators') } : {}),
    ...(reader.has('threshold') ? { threshold: reader.integer('threshold', 1, MAX_GATEWAY_VALIDATORS) } : {}),
    ...(reader.has('superThreshold') ? { superThreshold: reader.integer('superThreshold', 1, MAX_GATEWAY_VALIDATORS) } : {}),
    ...(reader.has('investorRef') ? { investorRef: readBytes32(reader, 'investorRef') } : {}),
    ...(reader.has('country') ? { country: reader.integer('country', 1, MAX_COUNTRY_NUMBER) } : {}),
    ...(reader.has('claimsHash') ? { claimsHash: readBytes32(reader, 'claimsHash') } : {}),
    ...(reader.has('identity') ? { identity: readAddress(reader, 'identity') } : {}),
    ...(reader.has('claims') ? { claims: readClaims(reader, 'claims') } : {}),
  };
}

/**
 * Fields an identity message cannot do without: the relayer submits them and the signers check
 * them, and a record missing one could never be carried. (Other types keep their older, looser form.)
 */
const REQUIRED_FIELDS: Partial<Record<LedgerGatewayMessage, readonly (keyof GatewayMessageFields)[]>> = {
  RegisterIdentity: ['token', 'wallet', 'investorRef', 'country', 'claimsHash', 'identity', 'claims'],
  RevokeIdentity: ['token', 'wallet'],
};

function readTypedFields(reader: RecordReader, type: LedgerGatewayMessage): GatewayMessageFields {
  const fieldsReader = reader.record('fields', FIELD_NAMES);
  const fields = readFields(fieldsReader);
  for (const name of REQUIRED_FIELDS[type] ?? []) {
    if (!fieldsReader.has(name)) reader.problems.add(childPath(fieldsReader.path, name), `is required in a ${type}`);
  }
  return fields;
}

/** Validates a gateway message record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseGatewayMessageRecord(value: unknown): GatewayMessageRecord {
  return readJsonValue(value, {
    code: 'RECORD_MALFORMED',
    name: 'gateway message record',
    fields: ['chainId', 'type', 'nonce', 'verifyingContract', 'fields', 'reason', 'proposedBy', 'proposerMsp', 'proposedAt', 'status', 'signatures', 'evmTxHash', 'relayedAt'],
    read: (reader) => {
      const type = reader.member('type', isLedgerGatewayMessage, oneOf(LEDGER_GATEWAY_MESSAGES), 'Pause');
      return {
        chainId: readUintText(reader, 'chainId', 1n),
        type,
        nonce: readUintText(reader, 'nonce', 1n),
        verifyingContract: readAddress(reader, 'verifyingContract'),
        fields: readTypedFields(reader, type),
        reason: reader.string('reason', (text) => isPlainText(text, 1, MAX_GATEWAY_REASON_CHARS), 'a reason'),
        proposedBy: readIdentityId(reader, 'proposedBy'),
        proposerMsp: readMspId(reader, 'proposerMsp'),
        proposedAt: readIsoInstant(reader, 'proposedAt'),
        status: reader.member('status', isIn(GATEWAY_MESSAGE_STATUSES), oneOf(GATEWAY_MESSAGE_STATUSES), 'PROPOSED'),
        signatures: reader.records('signatures', 16, ['bankMsp', 'validator', 'signature', 'recordedAt'], (inner) => ({
          bankMsp: readMspId(inner, 'bankMsp'),
          validator: readAddress(inner, 'validator'),
          signature: readSignature(inner, 'signature'),
          recordedAt: readIsoInstant(inner, 'recordedAt'),
        })),
        evmTxHash: reader.nullableString('evmTxHash', isBytes32, '0x and 64 lower-case hex digits'),
        relayedAt: reader.nullableString('relayedAt', (text) => text.length > 0, 'an ISO instant'),
      };
    },
  });
}
