import { INVESTOR_TYPE_FORM, isInvestorType, type InvestorType } from '../policy/investor-type';
import { isJurisdiction, JURISDICTION_FORM, type Jurisdiction } from '../policy/jurisdiction';
import { childPath } from '../policy/problem-list';
import type { RecordReader } from '../policy/record-reader';
import { isKycStatus, oneOf, readSanctions } from '../rules/read-investor';
import { KYC_STATUSES, type InvestorSnapshot, type KycStatus } from '../rules/transfer-check-input';
import { MAX_REASON_CHARS } from './ledger-limits';
import { readJsonDocument, readJsonValue, type JsonDocumentKind } from './read-json-document';
import { readIdentityId, readIsoInstant, readLedgerId, readMspId, readText, readUnixSeconds } from './record-fields';
import { isSha256Hex, SHA256_HEX_FORM } from './sha256-hex';

/** Customer due diligence levels: simplified, standard, enhanced (AML terms SDD, CDD, EDD). */
export const KYC_LEVELS = ['simplified', 'standard', 'enhanced'] as const;

export type KycLevel = (typeof KYC_LEVELS)[number];

/** A sanctions screening: the verdict, the list version screened against, and when (Unix seconds). */
export type SanctionsScreening = InvestorSnapshot['sanctions'] & { readonly screenedAt: number };

/** The public part of an investor as their bank's compliance officer submits it. No personal data. */
export type InvestorDocument = {
  /** Opaque: chosen by the bank, never derived from personal data. */
  readonly investorId: string;
  readonly jurisdiction: Jurisdiction;
  readonly investorType: InvestorType;
  readonly kycLevel: KycLevel;
  /** The first second at which the KYC no longer counts (Unix seconds), as the rules read it. */
  readonly kycExpiresAt: number;
  readonly sanctions: SanctionsScreening;
};

/** The last suspension, reinstatement or revocation, with its reason. */
export type InvestorStatusChange = { readonly kycStatus: KycStatus; readonly reason: string; readonly changedAt: string; readonly changedBy: string };

/** An erasure of the investor's personal data on request; the hash and this record stay. */
export type PiiErasure = { readonly erasedAt: string; readonly erasedBy: string; readonly reason: string };

/**
 * The last time a bank in force took over an investor whose bank had left the consortium
 * (AdoptInvestor): the bank they came from, when, the adopting officer and why.
 */
/** How an investor came to their bank from one that left: requested by an officer of the adopting bank, approved by the regulator. */
export type InvestorAdoption = { readonly fromBankMsp: string; readonly adoptedAt: string; readonly adoptedBy: string; readonly reason: string; readonly approvedBy: string; readonly approvalReason: string };

/** An investor on the shared ledger: everything any org may read, and the hash of what it may not. */
export type InvestorRecord = InvestorDocument & {
  /** MSP id of the onboarding bank; its officers alone change the record and read the PII. */
  readonly bankMsp: string;
  readonly kycStatus: KycStatus;
  /** SHA-256 (hex) of the PII bytes in the bank's implicit collection, as getPrivateDataHash returns it. */
  readonly piiHash: string;
  readonly piiErasure: PiiErasure | null;
  readonly lastStatusChange: InvestorStatusChange | null;
  readonly onboardedAt: string;
  readonly onboardedBy: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Present once another bank adopted the investor; records from before adoption existed lack it. */
  readonly adoptedFrom?: InvestorAdoption;
};

const DOCUMENT_FIELDS = ['investorId', 'jurisdiction', 'investorType', 'kycLevel', 'kycExpiresAt', 'sanctions'] as const;
const SANCTIONS_FIELDS = ['status', 'listVersion', 'screenedAt'] as const;
const RECORD_FIELDS = [...DOCUMENT_FIELDS, 'bankMsp', 'kycStatus', 'piiHash', 'piiErasure', 'lastStatusChange', 'onboardedAt', 'onboardedBy', 'updatedAt', 'updatedBy', 'adoptedFrom'] as const;
const ADOPTION_FIELDS = ['fromBankMsp', 'adoptedAt', 'adoptedBy', 'reason', 'approvedBy', 'approvalReason'] as const;

function readInvestorFields(reader: RecordReader): InvestorDocument {
  return {
    investorId: readLedgerId(reader, 'investorId', 'an investor id'),
    jurisdiction: reader.member('jurisdiction', isJurisdiction, JURISDICTION_FORM, 'CH'),
    investorType: reader.member('investorType', isInvestorType, INVESTOR_TYPE_FORM, 'retail'),
    kycLevel: reader.member('kycLevel', isKycLevel, oneOf(KYC_LEVELS), 'standard'),
    kycExpiresAt: readUnixSeconds(reader, 'kycExpiresAt'),
    sanctions: readScreening(reader.record('sanctions', SANCTIONS_FIELDS)),
  };
}

function readScreening(reader: RecordReader): SanctionsScreening {
  return { ...readSanctions(reader), screenedAt: readUnixSeconds(reader, 'screenedAt') };
}

// What the officer states must be true at the transaction time: KYC not yet expired, screening done.
function readInvestorDocument(reader: RecordReader, now: number): InvestorDocument {
  const document = readInvestorFields(reader);
  const at = (...keys: string[]) => keys.reduce(childPath, reader.path);
  if (!reader.problems.touches(at('kycExpiresAt')) && document.kycExpiresAt <= now) {
    reader.problems.add(at('kycExpiresAt'), 'is not after the transaction time; renew the KYC before recording it');
  }
  if (!reader.problems.touches(at('sanctions', 'screenedAt')) && document.sanctions.screenedAt > now) {
    reader.problems.add(at('sanctions', 'screenedAt'), 'is after the transaction time; record a screening once it has run');
  }
  return document;
}

function readStatusChange(reader: RecordReader): InvestorStatusChange {
  return {
    kycStatus: reader.member('kycStatus', isKycStatus, oneOf(KYC_STATUSES), 'revoked'),
    reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    changedAt: readIsoInstant(reader, 'changedAt'),
    changedBy: readIdentityId(reader, 'changedBy'),
  };
}

function readAdoption(reader: RecordReader): InvestorAdoption {
  return {
    fromBankMsp: readMspId(reader, 'fromBankMsp'),
    adoptedAt: readIsoInstant(reader, 'adoptedAt'),
    adoptedBy: readIdentityId(reader, 'adoptedBy'),
    reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason'),
    approvedBy: readIdentityId(reader, 'approvedBy'),
    approvalReason: readText(reader, 'approvalReason', 1, MAX_REASON_CHARS, 'a reason'),
  };
}

function readErasure(reader: RecordReader): PiiErasure {
  return { erasedAt: readIsoInstant(reader, 'erasedAt'), erasedBy: readIdentityId(reader, 'erasedBy'), reason: readText(reader, 'reason', 1, MAX_REASON_CHARS, 'a reason') };
}

const INVESTOR_RECORD: JsonDocumentKind<InvestorRecord> = {
  code: 'RECORD_MALFORMED',
  name: 'investor record',
  fields: RECORD_FIELDS,
  read: (reader) => ({
    ...readInvestorFields(reader),
    bankMsp: readMspId(reader, 'bankMsp'),
    kycStatus: reader.member('kycStatus', isKycStatus, oneOf(KYC_STATUSES), 'revoked'),
    piiHash: reader.string('piiHash', isSha256Hex, SHA256_HEX_FORM),
    piiErasure: reader.nullableRecord('piiErasure', ['erasedAt', 'erasedBy', 'reason'], readErasure),
    lastStatusChange: reader.nullableRecord('lastStatusChange', ['kycStatus', 'reason', 'changedAt', 'changedBy'], readStatusChange),
    onboardedAt: readIsoInstant(reader, 'onboardedAt'),
    onboardedBy: readIdentityId(reader, 'onboardedBy'),
    updatedAt: readIsoInstant(reader, 'updatedAt'),
    updatedBy: readIdentityId(reader, 'updatedBy'),
    // Optional: investors never adopted, and every record written before adoption existed, have none.
    ...(reader.has('adoptedFrom') ? { adoptedFrom: readAdoption(reader.record('adoptedFrom', ADOPTION_FIELDS)) } : {}),
  }),
};

/** Whether `value` is one of `KYC_LEVELS`. */
export function isKycLevel(value: unknown): value is KycLevel {
  return (KYC_LEVELS as readonly unknown[]).includes(value);
}

/**
 * Validates the investor document an officer sends (JSON text) at transaction time `now` (Unix
 * seconds); `INVESTOR_INVALID` lists every problem.
 */
export function parseInvestorDocument(text: unknown, now: number): InvestorDocument {
  return readJsonDocument(text, { code: 'INVESTOR_INVALID', name: 'investor document', fields: DOCUMENT_FIELDS, read: (reader) => readInvestorDocument(reader, now) });
}

/** Validates an investor record read from the ledger; `RECORD_MALFORMED` when it is not one. */
export function parseInvestorRecord(value: unknown): InvestorRecord {
  return readJsonValue(value, INVESTOR_RECORD);
}

/** What the transfer rules read about an investor: the record without audit fields or hashes. */
export function investorSnapshot(record: InvestorRecord): InvestorSnapshot {
  const { investorId, bankMsp, jurisdiction, investorType, kycStatus, kycExpiresAt, sanctions } = record;
  return { investorId, bankMsp, jurisdiction, investorType, kycStatus, kycExpiresAt, sanctions: { status: sanctions.status, listVersion: sanctions.listVersion } };
}
