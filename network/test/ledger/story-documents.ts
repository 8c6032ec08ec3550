import { POLICY_DOCUMENT } from '@trestle/compliance/src/policy/testing/policy-fixture';
import { assetDocument, investorDocument, investorPii, legalDocuments, spvDocument, tokenizationDocument, valuationDocument } from '@trestle/chaincode/src/testing/ledger-documents';
import { documentFile, documentFolder } from '../../src/cli/ledger/testing/document-files';

// The rental building's documents for one run on the shared real network: the unit tests' builders
// (chaincode/src/testing/ledger-documents.ts) with this run's ids, and dates taken from the wall
// clock, which is what the peers' transaction timestamps follow.

const nowSeconds = () => Math.floor(Date.now() / 1000);
const TEN_YEARS = 10 * 365 * 86_400;

/** The ids one run creates, each carrying the run's suffix. */
export interface StoryIds {
  readonly spvId: string;
  readonly assetId: string;
  /** A second asset of the SPV, taken only to DOCUMENTED, for the refused appraiser. */
  readonly documentedAssetId: string;
  /** Two investors at BankA, one at BankB: the building's three holders. */
  readonly holders: { readonly annaA: string; readonly benA: string; readonly chloeB: string };
  /** A BankA investor whose personal data is erased. */
  readonly erasedA: string;
}

/** This run's ids. */
export function storyIds(suffix: string): StoryIds {
  return {
    spvId: `SPV-RENT-${suffix}`,
    assetId: `RENT-${suffix}`,
    documentedAssetId: `RENT-${suffix}-2`,
    holders: { annaA: `INV-A-${suffix}-1`, benA: `INV-A-${suffix}-2`, chloeB: `INV-B-${suffix}-1` },
    erasedA: `INV-A-${suffix}-E`,
  };
}

/** Writes the run's input files to a fresh folder and names them. */
export function storyFiles(ids: StoryIds) {
  const folder = documentFolder();
  const file = (name: string, value: unknown) => documentFile(folder, name, value);
  const screenedAt = nowSeconds() - 3_600;
  const investor = (investorId: string, overrides: Record<string, unknown> = {}) =>
    file(`${investorId}.json`, investorDocument(investorId, { kycExpiresAt: nowSeconds() + TEN_YEARS, sanctions: { status: 'clear', listVersion: 'SDN 2026-11-01', screenedAt }, ...overrides }));
  const allocations = { [ids.holders.annaA]: 600_000n, [ids.holders.benA]: 300_000n, [ids.holders.chloeB]: 100_000n };
  return {
    spv: file('spv.json', spvDocument({ spvId: ids.spvId, legalName: `Rental Building ${ids.spvId} SPV AG` })),
    asset: file('asset.json', assetDocument({ assetId: ids.assetId, spvId: ids.spvId, name: 'Rental building, Oerlikon', description: 'Forty flats let to private tenants.' })),
    documentedAsset: file('asset-2.json', assetDocument({ assetId: ids.documentedAssetId, spvId: ids.spvId, name: 'Rental building, Altstetten' })),
    legal: file('legal.json', legalDocuments()),
    valuation: file('valuation.json', valuationDocument({ validUntil: nowSeconds() + TEN_YEARS })),
    tokenization: file('tokenization.json', tokenizationDocument(allocations, { policy: { ...POLICY_DOCUMENT, assetId: ids.assetId, version: 1 } })),
    allocations,
    investors: {
      [ids.holders.annaA]: investor(ids.holders.annaA),
      [ids.holders.benA]: investor(ids.holders.benA, { jurisdiction: 'DE', investorType: 'accredited' }),
      [ids.holders.chloeB]: investor(ids.holders.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' }),
      [ids.erasedA]: investor(ids.erasedA),
    } as Record<string, string>,
    /** PII whose full name names the investor and the run, so a leak is found by searching for it. */
    pii: (investorId: string) => file(`${investorId}-pii.json`, investorPii({ fullName: fullNameOf(investorId) })),
  };
}

/** The full name in an investor's PII: unique per run, so finding it anywhere means the PII leaked there. */
export function fullNameOf(investorId: string): string {
  return `Person ${investorId} Muster`;
}
