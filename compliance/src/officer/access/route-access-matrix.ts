// Who may call each operation of the officer service (../openapi.json), written by hand from the
// service's role checks (`x-trestle-access`) and the chaincode's bank rules (chaincode/README.md),
// and checked by route-access-matrix.test.ts, which calls every operation as every persona below
// over the in-process stub, and by network/test/access/officer-routes-real.test.ts, which does the
// same through `npm start`'s consoles on the real network (the calls: route-access-calls.ts).
// An operation of the document without a row here fails both tests: deny by default.

/** The people the matrix calls as: nobody logged in, an officer of each side, the regulator. */
export const ROUTE_PERSONAS = ['anonymous', 'alice', 'carol', 'rita'] as const;

export type RoutePersona = (typeof ROUTE_PERSONAS)[number];

/** What the persona's well-formed call gets. */
export type RouteOutcome =
  /** Served (2xx), or reached the ledger or vault and refused there for a reason other than access (see `reachedRefusals`). */
  | 'allow'
  /** 401 OFFICER_NOT_AUTHENTICATED: no session. */
  | 'login'
  /** 403 OFFICER_ROLE_FORBIDDEN: the service refuses the person's role before any ledger call. */
  | 'role'
  /** 403 from the ledger: the chaincode refuses a record of another bank (CALLER_OF_OTHER_BANK, PII_ACCESS_DENIED). */
  | 'bank';

export const PERSONA_LABELS: Readonly<Record<RoutePersona, string>> = {
  anonymous: 'not logged in',
  alice: 'BankA officer',
  carol: 'BankB officer',
  rita: 'regulator',
};

/** One operation's row: what it acts on in the test's ledger, and each persona's outcome. */
export type RouteAccessRow = {
  readonly operationId: string;
  /** The record the call names, in words, so the table reads on its own. */
  readonly subject: string;
  readonly outcomes: Readonly<Record<RoutePersona, RouteOutcome>>;
  /** Codes that still count as 'allow' (the call passed every access check and was refused for what it asked), and why they are expected. */
  readonly reachedRefusals?: { readonly codes: readonly string[]; readonly why: string };
};

const everyone = { anonymous: 'allow', alice: 'allow', carol: 'allow', rita: 'allow' } as const;
const anyOfficerOrRegulator = { anonymous: 'login', alice: 'allow', carol: 'allow', rita: 'allow' } as const;
const bankAOrRegulator = { anonymous: 'login', alice: 'allow', carol: 'bank', rita: 'allow' } as const;
const bankAOfficerOnly = { anonymous: 'login', alice: 'allow', carol: 'bank', rita: 'role' } as const;
const officersOnly = { anonymous: 'login', alice: 'allow', carol: 'allow', rita: 'role' } as const;

/** Every operation, in the document's order. */
export const ROUTE_ACCESS_MATRIX: readonly RouteAccessRow[] = [
  { operationId: 'login', subject: 'logging in with the right password (nobody: as another officer)', outcomes: everyone },
  { operationId: 'getSession', subject: 'the caller\'s session', outcomes: anyOfficerOrRegulator },
  { operationId: 'logout', subject: 'the caller\'s session', outcomes: anyOfficerOrRegulator },
  { operationId: 'getOpenApi', subject: 'the API document', outcomes: everyone },
  { operationId: 'listPendingTransfers', subject: 'BankA\'s queue (bank=BankAMSP)', outcomes: bankAOrRegulator },
  { operationId: 'listPendingBridgeOuts', subject: 'BankA\'s queue (bank=BankAMSP)', outcomes: bankAOrRegulator },
  { operationId: 'getTransfer', subject: 'a BankA → BankB transfer', outcomes: anyOfficerOrRegulator },
  { operationId: 'approveTransfer', subject: 'a BankA → BankB transfer (requested by another BankA officer)', outcomes: officersOnly },
  { operationId: 'rejectTransfer', subject: 'a BankA → BankB transfer', outcomes: officersOnly },
  { operationId: 'getBridgeOut', subject: 'a BankA investor\'s bridge-out (shared state: every member\'s peer holds it)', outcomes: anyOfficerOrRegulator },
  { operationId: 'approveBridgeOut', subject: 'a BankA investor\'s bridge-out', outcomes: bankAOfficerOnly },
  { operationId: 'rejectBridgeOut', subject: 'a BankA investor\'s bridge-out', outcomes: bankAOfficerOnly },
  { operationId: 'listInvestors', subject: 'BankA\'s investors (bank=BankAMSP)', outcomes: bankAOrRegulator },
  { operationId: 'onboardInvestor', subject: 'a new investor, always of the caller\'s own bank', outcomes: officersOnly },
  { operationId: 'getInvestor', subject: 'a BankA investor\'s public record', outcomes: anyOfficerOrRegulator },
  { operationId: 'updateInvestor', subject: 'a BankA investor', outcomes: bankAOfficerOnly },
  { operationId: 'getInvestorPii', subject: 'a BankA investor\'s personal data', outcomes: bankAOfficerOnly },
  { operationId: 'listEvidenceFiles', subject: 'a BankA investor\'s evidence files', outcomes: bankAOrRegulator },
  {
    operationId: 'openEvidenceFile',
    subject: 'a BankA investor\'s KYC file',
    outcomes: anyOfficerOrRegulator,
    reachedRefusals: { codes: ['OFFICER_EVIDENCE_NOT_FOUND', 'OFFICER_VAULT_NOT_CONFIGURED'], why: 'the matrix runs without share services; who may open a file is the share services\' decision, tested in compliance/src/vault' },
  },
  { operationId: 'changeInvestorStatus', subject: 'suspending a BankA investor', outcomes: bankAOfficerOnly },
  {
    operationId: 'adoptInvestor',
    subject: 'adopting a BankA investor',
    outcomes: officersOnly,
    reachedRefusals: { codes: ['INVESTOR_BANK_IN_FORCE'], why: 'every bank of the matrix\'s ledger is in force, so no investor can be adopted; adoption after a bank left is tested in compliance/src/officer/adopt.test.ts' },
  },
  {
    operationId: 'getAdoption',
    subject: 'the adoption request waiting for a BankA investor',
    outcomes: anyOfficerOrRegulator,
    reachedRefusals: { codes: ['INVESTOR_ADOPTION_NOT_FOUND'], why: 'no adoption can be requested while every bank is in force; reading a waiting one is tested in compliance/src/officer/adopt.test.ts' },
  },
  {
    operationId: 'rejectAdoption',
    subject: 'rejecting (regulator) or withdrawing (requesting bank) the adoption of a BankA investor',
    outcomes: anyOfficerOrRegulator,
    reachedRefusals: { codes: ['INVESTOR_ADOPTION_NOT_FOUND'], why: 'no adoption waits while every bank is in force; the chaincode refuses another bank\'s officer (CALLER_OF_OTHER_BANK) on a waiting one, tested in compliance/src/officer/adopt.test.ts' },
  },
  {
    operationId: 'approveAdoption',
    subject: 'approving the adoption of a BankA investor',
    outcomes: { anonymous: 'login', alice: 'role', carol: 'role', rita: 'allow' },
    reachedRefusals: { codes: ['INVESTOR_ADOPTION_NOT_FOUND'], why: 'no adoption waits while every bank is in force; approval of a waiting one is tested in compliance/src/officer/adopt.test.ts' },
  },
  {
    operationId: 'listAdoptions',
    subject: 'the adoption requests waiting (an officer reads only its own bank\'s)',
    outcomes: anyOfficerOrRegulator,
  },
  { operationId: 'getHolding', subject: 'a BankA investor\'s holding (shared state)', outcomes: anyOfficerOrRegulator },
  { operationId: 'freezeHolding', subject: 'a BankA investor\'s holding', outcomes: bankAOrRegulator },
  { operationId: 'unfreezeHolding', subject: 'a frozen BankA holding', outcomes: bankAOrRegulator },
  { operationId: 'getAssetPolicy', subject: 'the asset\'s policy', outcomes: anyOfficerOrRegulator },
  {
    operationId: 'getAssetNav',
    subject: 'the asset\'s NAV oracle on the EVM chain',
    outcomes: anyOfficerOrRegulator,
    reachedRefusals: { codes: ['OFFICER_EVM_NOT_CONFIGURED'], why: 'the matrix runs without an EVM node; reading the oracle is tested against the devnet in console/test/console-nav.test.ts' },
  },
  { operationId: 'getAssetLegal', subject: 'the asset\'s legal standing and open proposal', outcomes: anyOfficerOrRegulator },
  {
    operationId: 'approveLegalProposal',
    subject: 'a remediation proposed by the SPV administrator (Alice)',
    outcomes: officersOnly,
    reachedRefusals: { codes: ['LEGAL_SELF_VOTE'], why: 'Alice proposed it as the SPV administrator, and the proposer never votes (chaincode/README.md, legal lifecycle)' },
  },
  {
    operationId: 'rejectLegalProposal',
    subject: 'a remediation proposed by the SPV administrator (Alice)',
    outcomes: officersOnly,
    reachedRefusals: { codes: ['LEGAL_SELF_VOTE'], why: 'Alice proposed it as the SPV administrator, and the proposer never votes' },
  },
  { operationId: 'searchAudit', subject: 'the audit trail of a period', outcomes: anyOfficerOrRegulator },
  { operationId: 'exportAuditCsv', subject: 'the audit trail of a period', outcomes: anyOfficerOrRegulator },
  { operationId: 'regulatorOverview', subject: 'every bank\'s queues', outcomes: { anonymous: 'login', alice: 'role', carol: 'role', rita: 'allow' } },
];
