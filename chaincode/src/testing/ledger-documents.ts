import { POLICY_DOCUMENT } from '@trestle/compliance/src/policy/testing/policy-fixture';
import { T0, unixSeconds } from './ledger-cast';

// Valid documents for the ledger tests, as plain objects; each builder takes overrides so a test
// changes only the field it is about. Hashes are sha256 of short texts, not of real files.

const hash = (n: number) => n.toString(16).padStart(2, '0').repeat(32);

/** The SPV of the story. */
export const SPV_ID = 'SPV-ZH-1';

/** The asset of the story (the fixture policy's asset). */
export const ASSET_ID = 'ZOB';

/** One year after T0: when valuations and KYC in the tests expire. */
export const ONE_YEAR_LATER = unixSeconds('2027-03-01T10:00:00.000Z');

/** An SPV document. */
export function spvDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    spvId: SPV_ID,
    legalName: 'Zürich Oerlikon Building SPV AG',
    jurisdiction: 'CH',
    registrationNumber: 'CHE-123.456.789',
    trustee: 'Treuhand Muster AG',
    documents: [
      { kind: 'articles-of-association', sha256: hash(1), uri: 'https://docs.banka.example/spv/articles.pdf' },
      { kind: 'register-extract', sha256: hash(2), uri: 'ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi' },
    ],
    ...overrides,
  };
}

/** An asset document for the SPV. */
export function assetDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { assetId: ASSET_ID, spvId: SPV_ID, name: 'Office building, Oerlikon', assetClass: 'real-estate', description: 'Six floors, let to three tenants.', ...overrides };
}

/** The true-sale papers. */
export function legalDocuments(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    trueSaleDeed: { sha256: hash(3), uri: 'https://docs.banka.example/zob/true-sale-deed.pdf' },
    legalOpinion: { sha256: hash(4), uri: 'https://docs.banka.example/zob/legal-opinion.pdf' },
    ...overrides,
  };
}

/** A valuation effective a fortnight before T0, valid for a year after it. */
export function valuationDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: '4250000000',
    currency: 'CHF',
    method: 'RICS Red Book market value',
    effectiveDate: '2026-02-15',
    validUntil: ONE_YEAR_LATER,
    reportSha256: hash(5),
    reportUri: 'https://appraisal.bankc.example/zob/2026.pdf',
    ...overrides,
  };
}

/** The public record of an investor, KYC valid for a year, screened clear the day before T0. */
export function investorDocument(investorId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    investorId,
    jurisdiction: 'CH',
    investorType: 'professional',
    kycLevel: 'standard',
    kycExpiresAt: ONE_YEAR_LATER,
    sanctions: { status: 'clear', listVersion: 'SDN 2026-02-28', screenedAt: unixSeconds(T0) - 86_400 },
    ...overrides,
  };
}

/** An investor's personal data, as the client puts it in the transient map. */
export function investorPii(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: 'Anna Muster',
    birthDate: '1980-05-17',
    address: { lines: ['Bahnhofstrasse 1'], postalCode: '8001', city: 'Zürich', country: 'CH' },
    documents: [{ type: 'passport', reference: 'X1234567', issuingCountry: 'CH' }],
    salt: '6f1c2a9e4b7d3f0a8c5e1b9d7f3a2c4e',
    ...overrides,
  };
}

/** The transient map carrying `pii`. */
export function piiTransient(pii: Record<string, unknown> = investorPii()): Record<string, string> {
  return { pii: JSON.stringify(pii) };
}

/** A tokenization of the asset to `allocations` (investor id to units), with the fixture policy as version 1. */
export function tokenizationDocument(allocations: Record<string, bigint>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const units = Object.values(allocations).reduce((sum, value) => sum + value, 0n);
  return {
    units: units.toString(),
    decimals: 6,
    allocations: Object.entries(allocations).map(([investorId, amount]) => ({ investorId, units: amount.toString() })),
    policy: { ...POLICY_DOCUMENT, assetId: ASSET_ID, version: 1 },
    ...overrides,
  };
}

/** The fixture policy as version `version` of the story's asset, with `changes`: a policy change document. */
export function policyChange(version: number, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...POLICY_DOCUMENT, assetId: ASSET_ID, version, ...changes };
}

/** JSON text of a document, as a client passes it. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
