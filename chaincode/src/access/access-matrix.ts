import type { AccessColumn } from './access-identities';

// Who may call each chaincode transaction, written by hand from the rules documented in
// chaincode/README.md (its "who" columns) and the role checks the contracts state, and checked
// against the contracts by access-matrix.test.ts. It is not derived from the code's own role
// lists on purpose: a transaction that starts to let in a role it should not fails the test.
// Deny by default, twice over: a column a row leaves out is denied, and a transaction without a
// row fails the test, so a new transaction cannot ship without an entry here.

/**
 * One cell: `allow` for the role held in any org; `own-bank` when the caller's org must be the
 * bank the record belongs to (the SPV's, the investor's, a party to the request); `other-bank`
 * when it must not be (independent valuation and approval); `deny` otherwise.
 */
export type Access = 'allow' | 'own-bank' | 'other-bank' | 'deny';

/** A transaction's row: the rule in words, and the columns it lets in (every other column is denied). */
export type MatrixRow = { readonly rule: string; readonly cells: Partial<Readonly<Record<AccessColumn, Exclude<Access, 'deny'>>>> };

/** The rows of one contract, by transaction name. */
export type ContractRows = Readonly<Record<string, MatrixRow>>;

type Cells = MatrixRow['cells'];

function allow(...columns: readonly AccessColumn[]): Cells {
  return Object.fromEntries(columns.map((column) => [column, 'allow']));
}

const ANY_ROLE = allow('compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator');
const ANYONE = allow('compliance-officer', 'operator', 'spv-admin', 'appraiser', 'validator', 'regulator', 'vault', 'org-admin', 'no-role');
const HOLDING_READERS = allow('compliance-officer', 'operator', 'spv-admin', 'validator', 'regulator');
const BANK_READERS = allow('compliance-officer', 'operator', 'validator', 'regulator');
const OFFICER_OF_INVESTOR: Cells = { 'compliance-officer': 'own-bank' };
const DESK_OF_BANK: Cells = { 'compliance-officer': 'own-bank', operator: 'own-bank' };
const OFFICER_OF_BANK_OR_REGULATOR: Cells = { 'compliance-officer': 'own-bank', regulator: 'allow' };
const DESK_OF_BANK_OR_REGULATOR: Cells = { 'compliance-officer': 'own-bank', operator: 'own-bank', regulator: 'allow' };

// Rows many transactions share word for word in the README.
const ANY_ROLE_ROW: MatrixRow = { rule: 'any role', cells: ANY_ROLE };
const BRIDGE_READER_ROW: MatrixRow = { rule: 'officers, operators, validators, the regulator', cells: BANK_READERS };
const OFFICER_OF_INVESTOR_ROW: MatrixRow = { rule: "compliance-officer of the investor's bank", cells: OFFICER_OF_INVESTOR };
const FREEZE_ROW: MatrixRow = { rule: "officer of the investor's bank, or regulator", cells: OFFICER_OF_BANK_OR_REGULATOR };

/** Every contract in `contracts` (chaincode/src/index.ts), by its name, and every transaction it serves. */
export const CHAINCODE_ACCESS_MATRIX: Readonly<Record<string, ContractRows>> = {
  RoleContract: {
    GrantRole: { rule: "an admin (OU=admin) of the caller's org, in that org's space only", cells: allow('org-admin') },
    RevokeRole: { rule: "an admin (OU=admin) of the caller's org, in that org's space only", cells: allow('org-admin') },
    ListRoles: { rule: 'anyone in the channel', cells: ANYONE },
    GetRoles: { rule: 'anyone in the channel', cells: ANYONE },
  },
  ConsortiumContract: {
    FoundConsortium: { rule: 'an admin (OU=admin) of an org the membership lists, before any membership exists', cells: allow('org-admin') },
    ConfirmConsortium: { rule: 'an admin (OU=admin) of a listed org that has not confirmed yet', cells: allow('org-admin') },
    GetConsortium: { rule: 'anyone in the channel', cells: ANYONE },
    ProposeMembershipChange: { rule: 'an admin (OU=admin) of a member org, while no change is open', cells: allow('org-admin') },
    ConfirmMembershipChange: { rule: 'an admin (OU=admin) of an org of the proposed membership that has not confirmed yet', cells: allow('org-admin') },
    WithdrawMembershipChange: { rule: 'an admin (OU=admin) of an org of the membership in force or the proposed one', cells: allow('org-admin') },
    GetMembershipChange: { rule: 'anyone in the channel', cells: ANYONE },
  },
  SpvContract: {
    RegisterSpv: { rule: "spv-admin; the SPV's administering bank is the caller's", cells: allow('spv-admin') },
    UpdateSpv: { rule: 'spv-admin of the administering bank', cells: { 'spv-admin': 'own-bank' } },
    GetSpv: ANY_ROLE_ROW,
    ListSpvs: ANY_ROLE_ROW,
    GetSpvHistory: ANY_ROLE_ROW,
  },
  AssetContract: {
    CreateAsset: { rule: "spv-admin of the SPV's bank", cells: { 'spv-admin': 'own-bank' } },
    RecordLegalDocuments: { rule: "spv-admin of the asset's bank", cells: { 'spv-admin': 'own-bank' } },
    RecordValuation: { rule: "appraiser of an org other than the SPV's bank", cells: { appraiser: 'other-bank' } },
    ApproveAsset: { rule: "compliance-officer of a bank other than the SPV's", cells: { 'compliance-officer': 'other-bank' } },
    TokenizeAsset: { rule: "spv-admin of the asset's bank", cells: { 'spv-admin': 'own-bank' } },
    GetAsset: ANY_ROLE_ROW,
    GetAssetHistory: ANY_ROLE_ROW,
    ListValuations: ANY_ROLE_ROW,
    GetHolding: { rule: 'officer, operator, spv-admin, validator, regulator', cells: HOLDING_READERS },
    GetPolicy: ANY_ROLE_ROW,
    ProposePolicyChange: { rule: 'compliance-officer of any bank; the asset tokenized', cells: allow('compliance-officer') },
    ApprovePolicyChange: { rule: "compliance-officer of a bank other than the proposer's", cells: { 'compliance-officer': 'other-bank' } },
    RejectPolicyChange: { rule: "compliance-officer of a bank other than the proposer's, or the proposer withdrawing", cells: { 'compliance-officer': 'other-bank' } },
    ListPolicyChanges: ANY_ROLE_ROW,
  },
  InvestorContract: {
    StageInvestorPii: { rule: "compliance-officer; into the caller's bank's collection, not for another bank's investor while that bank is in force", cells: allow('compliance-officer') },
    DiscardStagedInvestorPii: { rule: "compliance-officer; from the caller's bank's collection, while no record or waiting adoption of that bank names it", cells: allow('compliance-officer') },
    OnboardInvestor: { rule: "compliance-officer; the investor's bank is the caller's", cells: allow('compliance-officer') },
    AdoptInvestor: { rule: "compliance-officer of a bank in force, requesting; the investor's bank has left the consortium", cells: allow('compliance-officer') },
    ApproveAdoption: { rule: 'regulator only', cells: allow('regulator') },
    RejectAdoption: { rule: 'regulator, or a compliance-officer of the requesting bank withdrawing', cells: OFFICER_OF_BANK_OR_REGULATOR },
    ListAdoptionRequests: { rule: "regulator (every request), compliance-officer (its own bank's)", cells: allow('compliance-officer', 'regulator') },
    GetAdoption: { rule: 'officer, operator, spv-admin, regulator (no personal data)', cells: allow('compliance-officer', 'operator', 'spv-admin', 'regulator') },
    UpdateInvestor: OFFICER_OF_INVESTOR_ROW,
    SuspendInvestor: OFFICER_OF_INVESTOR_ROW,
    ReinstateInvestor: OFFICER_OF_INVESTOR_ROW,
    RevokeInvestor: OFFICER_OF_INVESTOR_ROW,
    EraseInvestorPii: OFFICER_OF_INVESTOR_ROW,
    GetInvestor: { rule: 'officer, operator, spv-admin, regulator (public record only)', cells: allow('compliance-officer', 'operator', 'spv-admin', 'regulator') },
    ListInvestorsOfBank: { rule: 'officer or operator of that bank, regulator', cells: DESK_OF_BANK_OR_REGULATOR },
    GetInvestorPii: { rule: "compliance-officer of the investor's bank only", cells: OFFICER_OF_INVESTOR },
    RecordScreening: OFFICER_OF_INVESTOR_ROW,
  },
  WalletContract: {
    BindWallet: { rule: "operator or officer of the investor's bank", cells: DESK_OF_BANK },
    GetWalletBinding: { rule: 'officer, operator, validator, regulator', cells: BANK_READERS },
  },
  TransferContract: {
    RequestTransfer: { rule: "operator or officer of the sender's bank", cells: DESK_OF_BANK },
    ApproveTransfer: { rule: "compliance-officer of the sender's or receiver's bank, never the requester", cells: OFFICER_OF_INVESTOR },
    RejectTransfer: { rule: 'compliance-officer of either bank', cells: OFFICER_OF_INVESTOR },
    CancelTransfer: { rule: "operator or officer of the requester's bank", cells: DESK_OF_BANK },
    ExpireTransfer: { rule: 'any role, once the time to live has passed', cells: ANY_ROLE },
    GetTransfer: { rule: 'officer, operator, regulator', cells: allow('compliance-officer', 'operator', 'regulator') },
    ListPendingTransfers: { rule: 'officer or operator of that bank, regulator', cells: DESK_OF_BANK_OR_REGULATOR },
    CheckTransfer: { rule: 'officer, operator, regulator', cells: allow('compliance-officer', 'operator', 'regulator') },
  },
  ControlContract: {
    FreezeInvestor: FREEZE_ROW,
    FreezePartial: FREEZE_ROW,
    UnfreezeInvestor: FREEZE_ROW,
    UnfreezePartial: FREEZE_ROW,
    ForcedTransfer: { rule: 'regulator only', cells: allow('regulator') },
    PauseAsset: { rule: "officer of the SPV's bank, or regulator", cells: OFFICER_OF_BANK_OR_REGULATOR },
    UnpauseAsset: { rule: "officer of the SPV's bank, or regulator", cells: OFFICER_OF_BANK_OR_REGULATOR },
  },
  LegalContract: {
    ProposeLegalAction: { rule: "spv-admin of the asset's administering bank", cells: { 'spv-admin': 'own-bank' } },
    ApproveLegalAction: { rule: 'compliance-officer of any bank, one per bank, never the proposer', cells: allow('compliance-officer') },
    RejectLegalAction: { rule: 'compliance-officer of any bank, one per bank, never the proposer', cells: allow('compliance-officer') },
    WithdrawLegalAction: { rule: "spv-admin of the proposer's bank", cells: { 'spv-admin': 'own-bank' } },
    GetLegalProposal: ANY_ROLE_ROW,
    GetLegalHistory: { rule: 'officer, operator, spv-admin, validator, regulator', cells: HOLDING_READERS },
  },
  AuditContract: {
    ListAudit: { rule: 'officer or regulator', cells: allow('compliance-officer', 'regulator') },
  },
  BridgeContract: {
    RegisterValidator: { rule: "an admin (OU=admin) of the caller's org: its bank's validator address", cells: allow('org-admin') },
    ProposeBridgeChain: { rule: 'operator', cells: allow('operator') },
    ApproveBridgeChain: { rule: "operator of a bank other than the proposer's", cells: { operator: 'other-bank' } },
    RequestBridgeOut: { rule: "operator or officer of the investor's bank", cells: DESK_OF_BANK },
    ApproveBridgeOut: { rule: "compliance-officer of the investor's bank, never the requester", cells: OFFICER_OF_INVESTOR },
    RejectBridgeOut: OFFICER_OF_INVESTOR_ROW,
    CancelBridgeOut: { rule: "operator or officer of the requester's bank", cells: DESK_OF_BANK },
    ExpireBridgeOut: { rule: 'any role, once the time to live has passed', cells: ANY_ROLE },
    RecordMintSignature: { rule: "validator; the signature recovers to the caller's bank's registered address", cells: allow('validator') },
    RecordMinted: { rule: 'validator of a bank with a registered address', cells: allow('validator') },
    AttestBurn: { rule: 'validator of a bank with a registered address', cells: allow('validator') },
    AttestEscrowMove: { rule: 'validator of a bank with a registered address', cells: allow('validator') },
    GetBridgeChain: BRIDGE_READER_ROW,
    ListBridgeValidators: BRIDGE_READER_ROW,
    GetBridgeOut: BRIDGE_READER_ROW,
    GetMint: BRIDGE_READER_ROW,
    ListPendingMints: BRIDGE_READER_ROW,
    ListPendingBridgeOuts: {
      rule: 'officer or operator of that bank, validators, the regulator',
      cells: { 'compliance-officer': 'own-bank', operator: 'own-bank', validator: 'own-bank', regulator: 'allow' },
    },
    GetBurn: BRIDGE_READER_ROW,
    GetEscrowMove: BRIDGE_READER_ROW,
    GetEscrow: BRIDGE_READER_ROW,
    CheckBridgeOut: BRIDGE_READER_ROW,
  },
  EvidenceContract: {
    RecordEvidenceAccess: { rule: "vault (a bank's share service); a grant must agree with the requester's roles", cells: allow('vault') },
    ListEvidenceAccess: { rule: "officer of the investor's bank, or regulator", cells: OFFICER_OF_BANK_OR_REGULATOR },
    RegisterEvidence: { rule: "compliance-officer of the investor's bank; a file id names one content for good", cells: OFFICER_OF_INVESTOR },
    GetEvidence: { rule: "officer of the investor's bank, or regulator", cells: OFFICER_OF_BANK_OR_REGULATOR },
    ListEvidence: { rule: "officer of the investor's bank, or regulator", cells: OFFICER_OF_BANK_OR_REGULATOR },
  },
  GatewayMessageContract: {
    ProposeGatewayMessage: { rule: 'validator of a bank with a registered address', cells: allow('validator') },
    ProposeKycPhase: { rule: 'validator of a bank with a registered address; the wallet is bound on the chain', cells: allow('validator') },
    ProposeValidatorSet: { rule: 'operator or validator of a member bank; the ledger derives the set from the banks in force', cells: allow('operator', 'validator') },
    ProposeIdentityRegistration: { rule: "validator of the bank of the investor the wallet is bound to; the claim is signed by that bank's validator key", cells: { validator: 'own-bank' } },
    ProposeIdentityRevocation: { rule: 'validator of a bank with a registered address; the investor is REVOKED, erased or a sanctions hit', cells: allow('validator') },
    RecordGatewaySignature: { rule: "validator; the signature recovers to the caller's bank's registered address", cells: allow('validator') },
    RecordGatewayRelayed: { rule: 'validator of a bank with a registered address', cells: allow('validator') },
    GetGatewayMessage: BRIDGE_READER_ROW,
    ListOpenGatewayMessages: BRIDGE_READER_ROW,
    ListMirrorDrift: BRIDGE_READER_ROW,
  },
};

/** The cell of `column` in `row`: denied unless the row lets the column in. */
export function cellOf(row: MatrixRow, column: AccessColumn): Access {
  return row.cells[column] ?? 'deny';
}

/** The row of `contract.transaction`, or undefined when the matrix has none (which the test refuses). */
export function rowOf(contract: string, transaction: string): MatrixRow | undefined {
  const rows = Object.hasOwn(CHAINCODE_ACCESS_MATRIX, contract) ? CHAINCODE_ACCESS_MATRIX[contract] : undefined;
  return rows !== undefined && Object.hasOwn(rows, transaction) ? rows[transaction] : undefined;
}
