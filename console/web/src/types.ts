// The shapes the console reads from the service's answers (openapi.json types ledger records
// loosely as objects; these are the fields the console shows). Amounts stay decimal strings.

export type Session = {
  readonly username: string;
  readonly displayName: string;
  readonly role: 'compliance-officer' | 'regulator';
  readonly mspId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly idleExpiresAt: string;
  /** What the bank's service is wired to (absent from older services: treat as off). */
  readonly features?: { readonly evidenceVault?: boolean; readonly navView?: boolean };
};

export type Verdict = {
  readonly rule: string;
  readonly passed: boolean;
  readonly reason: string;
  readonly sentence: string;
};

export type Approval = {
  readonly officerId: string;
  readonly officerMsp: string;
  readonly approvedAt: string;
  readonly reason: string | null;
};

export type Closure = { readonly status: string; readonly at: string; readonly byMsp: string; readonly reason: string | null } | null;

type Approvable = {
  readonly assetId: string;
  readonly amount: string;
  readonly status: string;
  readonly requestedAt: string;
  readonly requesterMsp: string;
  readonly requestVerdicts: readonly Verdict[];
  readonly approvals: readonly Approval[];
  readonly closure: Closure;
};

export type Transfer = Approvable & {
  readonly transferId: string;
  readonly fromInvestorId: string;
  readonly toInvestorId: string;
  readonly senderBankMsp: string;
  readonly receiverBankMsp: string;
  readonly settlementVerdicts: readonly Verdict[] | null;
};

export type BridgeOut = Approvable & {
  readonly bridgeOutId: string;
  readonly investorId: string;
  readonly bankMsp: string;
  readonly wallet: string;
  readonly chainId: string;
  readonly approvalVerdicts: readonly Verdict[] | null;
};

export type PendingTransfers = { readonly bankMsp: string; readonly records: ReadonlyArray<{ readonly transfer: Transfer; readonly missingApprovals: readonly string[] }>; readonly bookmark: string };
export type PendingBridgeOuts = { readonly bankMsp: string; readonly records: ReadonlyArray<{ readonly bridgeOut: BridgeOut; readonly missingApprovals: readonly string[] }>; readonly bookmark: string };

export type TransferDetail = { readonly transfer: Transfer; readonly missingApprovals: readonly string[] };
export type BridgeOutDetail = { readonly bridgeOut: BridgeOut; readonly missingApprovals: readonly string[] };

export type Investor = {
  readonly investorId: string;
  readonly bankMsp: string;
  readonly investorType: string;
  readonly jurisdiction: string;
  readonly kycLevel: string;
  readonly kycStatus: string;
  readonly kycExpiresAt: number;
  readonly sanctions: { readonly status: string; readonly listVersion: string; readonly screenedAt?: number } | null;
  readonly onboardedAt: string;
  /** The last suspension, reinstatement or revocation (absent from older answers' shape: optional). */
  readonly lastStatusChange?: { readonly kycStatus: string; readonly reason: string; readonly changedAt: string; readonly changedBy: string } | null;
  /** Where the KYC stands at the service's time, by the rules both chains apply (one investor's answer only, not lists). */
  readonly kycTimeline?: { readonly phase: string; readonly evmPhase: number; readonly expiresAt: number; readonly graceEndsAt: number; readonly repayOnlyEndsAt: number };
  /** Once a bank in force took the investor over from a bank that left the consortium (AdoptInvestor, approved by the regulator with ApproveAdoption). */
  readonly adoptedFrom?: { readonly fromBankMsp: string; readonly adoptedAt: string; readonly adoptedBy: string; readonly reason: string; readonly approvedBy?: string; readonly approvalReason?: string };
  /** The adoption request waiting for the regulator, or null (one investor's answer only, not lists). */
  readonly adoption?: AdoptionRequest | null;
  /** Whether the investor's bank is in the consortium's membership in force; null when none is (one investor's answer only, not lists). */
  readonly bankInForce?: boolean | null;
};

/** A bank's request to adopt an investor whose bank left the consortium, waiting for the regulator (GetAdoption; no personal data). */
export type AdoptionRequest = {
  readonly investorId: string;
  readonly fromBankMsp: string;
  readonly toBankMsp: string;
  readonly investorJson: string;
  readonly piiHash: string;
  readonly reason: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
};

/** A page of GET /adoptions: the waiting requests in investor id order (an officer's, its own bank's only). */
export type AdoptionPage = { readonly records: readonly AdoptionRequest[]; readonly bookmark: string };

export type InvestorPage = { readonly bankMsp: string; readonly records: readonly Investor[]; readonly bookmark: string };

export type AuditRecord = {
  readonly action: string;
  readonly actorMsp: string;
  readonly at: string;
  readonly assetId: string | null;
  readonly amount: string | null;
  readonly transferId: string | null;
  readonly investorIds: readonly string[] | null;
  readonly reason: string | null;
  readonly txId: string;
};

export type AuditPage = { readonly records: readonly AuditRecord[]; readonly complete: boolean; readonly bookmark: string; readonly scanned: number };

/** One investor's units of one asset (amounts as decimal strings; lots acquired at Unix seconds). */
export type Holding = {
  readonly assetId: string;
  readonly investorId: string;
  readonly bankMsp: string;
  readonly balance: string;
  readonly frozen: string;
  readonly escrowed: string;
  readonly lots: ReadonlyArray<{ readonly amount: string; readonly acquiredAt: number }>;
};

/** The policy document (compliance's PolicyDocument: amounts as decimal strings). */
export type PolicyDocument = {
  readonly schemaVersion: number;
  readonly assetId: string;
  readonly version: number;
  readonly allowedJurisdictions: readonly string[];
  readonly blockedJurisdictions: readonly string[];
  readonly allowedInvestorTypes: readonly string[];
  readonly lockupSeconds: number;
  readonly maxHolders: number;
  readonly maxBalancePerHolder: string;
  readonly minTransfer: string;
  readonly fourEyesThreshold: string;
  readonly travelRuleThreshold: string;
  readonly defiEligible: boolean;
};

/** GET /assets/{assetId}/policy: the asset and the policy version its units are held under. */
export type AssetPolicy = {
  readonly asset: {
    readonly assetId: string;
    readonly name: string;
    readonly state: string;
    /** The latest remediation window, in Unix seconds; the asset is in it only while REMEDIATION. */
    readonly remediation: { readonly startedAt: number; readonly endsAt: number } | null;
  };
  readonly policy: { readonly assetId: string; readonly version: number; readonly policyHash: string; readonly document: PolicyDocument; readonly attachedAt: string; readonly attachedBy: string };
};

/** GET /regulator/overview: the first page of each bank's two queues. */
export type RegulatorOverview = { readonly banks: ReadonlyArray<{ readonly bankMsp: string; readonly transfers: PendingTransfers; readonly bridgeOuts: PendingBridgeOuts }> };

/** One problem the service found in a request, by path (never echoing the value). */
export type Problem = { readonly path: string; readonly problem: string };

/** How an open legal proposal stands under the membership in force (the ledger's `counting`). */
export type LegalCounting = {
  readonly approvals: readonly string[];
  readonly rejections: readonly string[];
  readonly requiredBanks: number;
  readonly consortiumBanks: number;
  readonly notCounted: readonly string[];
};

/** A legal proposal as the service answers it. */
export type LegalProposal = {
  readonly proposalId: string;
  readonly action: string;
  readonly from: string;
  readonly to: string;
  readonly status: string;
  readonly reason: string;
  readonly proposedBy: string;
  readonly proposerMsp: string;
  readonly proposedAt: string;
  readonly legalDocument: { readonly uri: string; readonly sha256: string };
  readonly remediationWindowDays: number | null;
  readonly votes: ReadonlyArray<{ readonly decision: string; readonly officerMsp: string; readonly officerId: string; readonly at: string; readonly reason: string | null }>;
  readonly counting: LegalCounting | null;
};

/** GET /assets/{assetId}/legal. */
export type AssetLegal = { readonly assetId: string; readonly state: string; readonly openProposal: LegalProposal | null };

/** GET /assets/{assetId}/nav: the asset's NAV oracle on the service's EVM chain. */
export type AssetNav = {
  readonly assetId: string;
  readonly chainId: string;
  readonly oracle: string;
  readonly currency: string;
  readonly navPerUnit: string;
  readonly valuationSeq: string;
  readonly validUntil: number;
  readonly writtenOff: boolean;
  readonly haircutBps: string;
  readonly outlook: string;
};
