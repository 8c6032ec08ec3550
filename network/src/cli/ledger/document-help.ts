// The JSON documents the spv, asset and investor commands send, as `--help` shows them. The
// readers named here are the authority (the chaincode runs the same ones); these are reminders.

const FILE_NOTE = 'The file is one JSON object; "-" reads it from stdin.';

/** SpvContract.RegisterSpv / UpdateSpv: compliance/src/ledger/spv.ts parseSpvDocument. */
export const SPV_DOCUMENT_HELP = `
SPV document (compliance/src/ledger/spv.ts, parseSpvDocument; refused as SPV_INVALID):
  {"spvId": "SPV-ZH-1", "legalName": "…", "jurisdiction": "CH" (ISO 3166 alpha-2),
   "registrationNumber": "…", "trustee": "…",
   "documents": [{"kind": "articles-of-association", "sha256": "<64 hex>", "uri": "https://…"}]}
The administering bank is the caller's; update replaces the description of the SPV with that id.
${FILE_NOTE}`;

/** AssetContract.CreateAsset: compliance/src/ledger/asset.ts parseAssetDocument. */
export const ASSET_DOCUMENT_HELP = `
Asset document (compliance/src/ledger/asset.ts, parseAssetDocument; refused as ASSET_INVALID):
  {"assetId": "ZOB", "spvId": "SPV-ZH-1", "name": "…",
   "assetClass": "real-estate" | "treasury-bill" | "receivables" | "other", "description": "…"}
${FILE_NOTE}`;

/** AssetContract.RecordLegalDocuments: compliance/src/ledger/asset.ts parseLegalDocuments. */
export const LEGAL_DOCUMENTS_HELP = `
Legal documents (compliance/src/ledger/asset.ts, parseLegalDocuments; LEGAL_DOCUMENTS_INVALID):
  {"trueSaleDeed": {"sha256": "<64 hex>", "uri": "https://…"},
   "legalOpinion": {"sha256": "<64 hex>", "uri": "https://…"}}
${FILE_NOTE}`;

/** AssetContract.RecordValuation: compliance/src/ledger/valuation.ts parseValuationDocument. */
export const VALUATION_HELP = `
Valuation (compliance/src/ledger/valuation.ts, parseValuationDocument; VALUATION_INVALID):
  {"amount": "4250000000" (base units, decimal string), "currency": "CHF",
   "method": "RICS Red Book market value", "effectiveDate": "2026-02-15",
   "validUntil": 1803981600 (unix seconds), "reportSha256": "<64 hex>", "reportUri": "https://…"}
The appraiser must belong to an org other than the SPV's administering bank.
${FILE_NOTE}`;

/** AssetContract.TokenizeAsset: compliance/src/ledger/tokenization.ts parseTokenizationDocument. */
export const TOKENIZATION_HELP = `
Tokenization (compliance/src/ledger/tokenization.ts, parseTokenizationDocument; TOKENIZATION_INVALID):
  {"units": "1000000" (decimal string), "decimals": 6,
   "allocations": [{"investorId": "INV-A-0001", "units": "600000"}, …] (adding up to units),
   "policy": {…version 1 of the asset's policy: compliance/src/policy}}
Every initial holder must be a KYC-active investor.
${FILE_NOTE}`;

/** InvestorContract.OnboardInvestor / UpdateInvestor: compliance/src/ledger/investor.ts and investor-pii.ts. */
export const INVESTOR_DOCUMENTS_HELP = `
Investor document (compliance/src/ledger/investor.ts, parseInvestorDocument; INVESTOR_INVALID):
  {"investorId": "INV-A-0001", "jurisdiction": "CH",
   "investorType": "retail" | "professional" | "accredited" | "qualified-institutional",
   "kycLevel": "simplified" | "standard" | "enhanced", "kycExpiresAt": <unix seconds, future>,
   "sanctions": {"status": "clear", "listVersion": "SDN 2026-02-28", "screenedAt": <unix seconds, past>}}
PII (compliance/src/ledger/investor-pii.ts, parseInvestorPii; INVESTOR_PII_INVALID), sent first,
alone, to your bank's own peer in the transient map of StageInvestorPii (never as an argument) and
kept in your bank's private collection; the investor transaction then carries only its hash:
  {"fullName": "…", "birthDate": "1980-05-17" | null,
   "address": {"lines": ["…"], "postalCode": "8001", "city": "Zürich", "country": "CH"},
   "documents": [{"type": "passport", "reference": "X1234567", "issuingCountry": "CH"}],
   "salt": "<32 to 128 lower-case hex>" (optional: a random one is added when absent)}
Both are checked by the same readers as the chaincode before anything is sent.
${FILE_NOTE}`;
