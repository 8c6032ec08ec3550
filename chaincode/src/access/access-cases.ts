import { Wallet, keccak256, toUtf8Bytes } from 'ethers';
import { BRIDGE_OUT_IDS, MEMBERSHIP_WITHOUT_BANK_B, OPEN_PROPOSAL_ID, PENDING_TRANSFER_ID } from '../fuzz/fuzz-world';
import type { TransientMap } from '../fuzz/transient-maps';
import { bridgeOutRequest, burnEvent, CHAIN_CONFIG, escrowMoveEvent, GATEWAY } from '../testing/bridge-story';
import { EVIDENCE_FILE_ID, evidenceEntry, evidenceFileDocument } from '../testing/evidence-story';
import { CAST, CONSORTIUM_MEMBERS, T0 } from '../testing/ledger-cast';
import { ASSET_ID, assetDocument, investorDocument, json, legalDocuments, piiTransient, policyChange, SPV_ID, spvDocument, tokenizationDocument, valuationDocument } from '../testing/ledger-documents';
import { legalAction } from '../testing/legal-story';
import { INVESTORS } from '../testing/ledger-story';
import { piiHashOf } from '../testing/staged-pii';
import { identityIdOf } from '../testing/stub-context';
import { CHAIN_ID, WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { AFTER_LOCKUP, daysAfterT0, transferRequest } from '../testing/transfer-story';
import { holderOf, type AccessIdentity } from './access-identities';
import { STAGED_INVESTOR_ID, type AccessChapter, type AccessWorld } from './access-world';

// For every transaction, a call that succeeds for whoever may make it: a chapter of the story
// where the transaction has work to do, arguments naming BankA's records, the instant and the
// transient map it needs. So a refusal can only be about who calls. Arguments that depend on the
// caller (whose grants an admin revokes, whose key signed) are a function of the caller.

/** The arguments of a case, the same for every caller or chosen per caller. */
export type CaseArguments = readonly string[] | ((caller: AccessIdentity, world: AccessWorld) => readonly string[]);

/** How to call one transaction validly. */
export type AccessCase = {
  readonly chapter: AccessChapter;
  readonly args: CaseArguments;
  /** The transaction time; after the story's 90-day lockup unless set. */
  readonly at?: Date;
  readonly transient?: TransientMap;
};

/** Days after the pending transfer's and bridge-out's time to live ran out. */
const PAST_TTL = daysAfterT0(100);
const CHAIN = CHAIN_ID.toString();
const REASON = 'Court order 2026/17';
const NEW_VALIDATOR = new Wallet(keccak256(toUtf8Bytes('trestle access matrix validator'))).address;
const PAGE = ['10', ''] as const;

/** The officer of the caller's side, whose grant the caller's admin may change. */
const officerOnSide = (caller: AccessIdentity) => identityIdOf(holderOf('compliance-officer', caller.side));

/** Every contract's transactions, by contract name and transaction name. */
export const ACCESS_CASES: Readonly<Record<string, Readonly<Record<string, AccessCase>>>> = {
  RoleContract: {
    GrantRole: { chapter: 'TOKENIZED', args: (caller) => [officerOnSide(caller), 'operator'] },
    RevokeRole: { chapter: 'TOKENIZED', args: (caller) => [officerOnSide(caller), 'compliance-officer'] },
    ListRoles: { chapter: 'TOKENIZED', args: [] },
    GetRoles: { chapter: 'TOKENIZED', args: (caller) => [caller.identity.mspId, officerOnSide(caller)] },
  },
  ConsortiumContract: {
    FoundConsortium: { chapter: 'UNFOUNDED', args: [JSON.stringify(CONSORTIUM_MEMBERS)] },
    ConfirmConsortium: { chapter: 'CONSORTIUM FOUNDING', args: [JSON.stringify(CONSORTIUM_MEMBERS)] },
    GetConsortium: { chapter: 'TOKENIZED', args: [] },
    ProposeMembershipChange: { chapter: 'TOKENIZED', args: [JSON.stringify(MEMBERSHIP_WITHOUT_BANK_B)] },
    ConfirmMembershipChange: { chapter: 'MEMBERSHIP CHANGE OPEN', args: [JSON.stringify(MEMBERSHIP_WITHOUT_BANK_B)] },
    WithdrawMembershipChange: { chapter: 'MEMBERSHIP CHANGE OPEN', args: ['BankB stays after all'] },
    GetMembershipChange: { chapter: 'MEMBERSHIP CHANGE OPEN', args: [] },
  },
  SpvContract: {
    RegisterSpv: { chapter: 'TOKENIZED', args: [json(spvDocument({ spvId: 'SPV-ACCESS' }))] },
    UpdateSpv: { chapter: 'TOKENIZED', args: [json(spvDocument({ trustee: 'Treuhand Neu AG' }))] },
    GetSpv: { chapter: 'TOKENIZED', args: [SPV_ID] },
    ListSpvs: { chapter: 'TOKENIZED', args: PAGE },
    GetSpvHistory: { chapter: 'TOKENIZED', args: [SPV_ID] },
  },
  AssetContract: {
    CreateAsset: { chapter: 'TOKENIZED', args: [json(assetDocument({ assetId: 'ACCESS-2' }))] },
    RecordLegalDocuments: { chapter: 'DRAFT', args: [ASSET_ID, json(legalDocuments())], at: T0 },
    RecordValuation: { chapter: 'VALUED', args: [ASSET_ID, json(valuationDocument())], at: T0 },
    ApproveAsset: { chapter: 'VALUED', args: [ASSET_ID], at: T0 },
    TokenizeAsset: { chapter: 'APPROVED', args: [ASSET_ID, json(tokenizationDocument({ [INVESTORS.annaA]: 600_000n, [INVESTORS.chloeB]: 400_000n }))], at: T0 },
    GetAsset: { chapter: 'TOKENIZED', args: [ASSET_ID] },
    GetAssetHistory: { chapter: 'TOKENIZED', args: [ASSET_ID] },
    ListValuations: { chapter: 'TOKENIZED', args: [ASSET_ID] },
    GetHolding: { chapter: 'TOKENIZED', args: [ASSET_ID, INVESTORS.annaA] },
    GetPolicy: { chapter: 'TOKENIZED', args: [ASSET_ID] },
    ProposePolicyChange: { chapter: 'TOKENIZED', args: [ASSET_ID, json(policyChange(2, { lockupSeconds: 0 }))] },
    // Proposed by the story's BankA officer: the matrix's BankA officer is a colleague, never the proposer.
    ApprovePolicyChange: { chapter: 'POLICY CHANGE OPEN', args: [ASSET_ID, '2', ''] },
    RejectPolicyChange: { chapter: 'POLICY CHANGE OPEN', args: [ASSET_ID, '2', 'Lockup must stay'] },
    ListPolicyChanges: { chapter: 'POLICY CHANGE OPEN', args: [ASSET_ID] },
  },
  InvestorContract: {
    // The fixture PII is staged in these chapters by each side's officer (access-world.ts) for the investors written here.
    StageInvestorPii: { chapter: 'TOKENIZED', args: [STAGED_INVESTOR_ID], transient: piiTransient() },
    // The same fixture PII, staged for the new investor and named by nothing yet, in each side's collection.
    DiscardStagedInvestorPii: { chapter: 'TOKENIZED', args: [STAGED_INVESTOR_ID, piiHashOf()] },
    OnboardInvestor: { chapter: 'TOKENIZED', args: [json(investorDocument(STAGED_INVESTOR_ID)), piiHashOf()] },
    // chloe's bank has left: any bank's officer may request her adoption, BankA's and BankC's alike.
    AdoptInvestor: { chapter: 'BANK B LEFT', args: [json(investorDocument(INVESTORS.chloeB, { kycLevel: 'enhanced' })), piiHashOf(), 'BankB left the consortium; KYC redone'] },
    // BankA's request to adopt chloe waits for the regulator.
    ApproveAdoption: { chapter: 'ADOPTION WAITING', args: [INVESTORS.chloeB, 'Portfolio transfer agreed'] },
    RejectAdoption: { chapter: 'ADOPTION WAITING', args: [INVESTORS.chloeB, 'KYC file incomplete'] },
    ListAdoptionRequests: { chapter: 'ADOPTION WAITING', args: [...PAGE] },
    GetAdoption: { chapter: 'ADOPTION WAITING', args: [INVESTORS.chloeB] },
    UpdateInvestor: { chapter: 'TOKENIZED', args: [json(investorDocument(INVESTORS.annaA, { kycLevel: 'enhanced' })), piiHashOf()] },
    SuspendInvestor: { chapter: 'TOKENIZED', args: [INVESTORS.annaA, 'Adverse media'] },
    ReinstateInvestor: { chapter: 'SUSPENDED', args: [INVESTORS.benA, 'Adverse media cleared'] },
    RevokeInvestor: { chapter: 'TOKENIZED', args: [INVESTORS.annaA, 'Relationship ended'] },
    EraseInvestorPii: { chapter: 'TOKENIZED', args: [INVESTORS.annaA, 'Erasure request of 2026-06-01'] },
    GetInvestor: { chapter: 'TOKENIZED', args: [INVESTORS.annaA] },
    ListInvestorsOfBank: { chapter: 'TOKENIZED', args: ['BankAMSP', ...PAGE] },
    GetInvestorPii: { chapter: 'TOKENIZED', args: [INVESTORS.annaA] },
    // A hit, so the call goes all the way: anna suspended, the chapter's pending transfer blocked.
    RecordScreening: { chapter: 'TOKENIZED', args: [INVESTORS.annaA, json({ status: 'hit', listVersion: 'SDN 2026-05-30', matches: [{ uid: '36', score: 1 }] })] },
  },
  WalletContract: {
    BindWallet: { chapter: 'TOKENIZED', args: (_caller, world) => [INVESTORS.benA, WALLET_TWO.address, CHAIN, '1', world.benBinding] },
    GetWalletBinding: { chapter: 'TOKENIZED', args: [WALLET_ONE.address] },
  },
  TransferContract: {
    RequestTransfer: { chapter: 'TOKENIZED', args: [json(transferRequest('T-ACCESS-NEW', 5_000n))] },
    ApproveTransfer: { chapter: 'TOKENIZED', args: [PENDING_TRANSFER_ID, ''] },
    RejectTransfer: { chapter: 'TOKENIZED', args: [PENDING_TRANSFER_ID, 'Source of funds unclear'] },
    CancelTransfer: { chapter: 'TOKENIZED', args: [PENDING_TRANSFER_ID] },
    ExpireTransfer: { chapter: 'TOKENIZED', args: [PENDING_TRANSFER_ID], at: PAST_TTL },
    GetTransfer: { chapter: 'TOKENIZED', args: [PENDING_TRANSFER_ID] },
    ListPendingTransfers: { chapter: 'TOKENIZED', args: ['BankAMSP', ...PAGE] },
    CheckTransfer: { chapter: 'TOKENIZED', args: [json(transferRequest('T-ACCESS-NEW', 5_000n))] },
  },
  ControlContract: {
    FreezeInvestor: { chapter: 'TOKENIZED', args: [ASSET_ID, INVESTORS.annaA, REASON] },
    FreezePartial: { chapter: 'TOKENIZED', args: [ASSET_ID, INVESTORS.annaA, '1000', REASON] },
    UnfreezeInvestor: { chapter: 'TOKENIZED', args: [ASSET_ID, INVESTORS.benA, REASON] },
    UnfreezePartial: { chapter: 'TOKENIZED', args: [ASSET_ID, INVESTORS.benA, '100', REASON] },
    ForcedTransfer: { chapter: 'TOKENIZED', args: [ASSET_ID, INVESTORS.annaA, INVESTORS.chloeB, '1000', REASON, 'ab'.repeat(32)] },
    PauseAsset: { chapter: 'TOKENIZED', args: [ASSET_ID, 'Market abuse inquiry'] },
    UnpauseAsset: { chapter: 'PAUSED', args: [ASSET_ID, 'Inquiry closed'] },
  },
  LegalContract: {
    ProposeLegalAction: { chapter: 'TOKENIZED', args: [json(legalAction('L-ACCESS', 'start-remediation'))] },
    ApproveLegalAction: { chapter: 'LEGAL PROPOSAL OPEN', args: [OPEN_PROPOSAL_ID, ''] },
    RejectLegalAction: { chapter: 'LEGAL PROPOSAL OPEN', args: [OPEN_PROPOSAL_ID, 'Tenants are paying again'] },
    WithdrawLegalAction: { chapter: 'LEGAL PROPOSAL OPEN', args: [OPEN_PROPOSAL_ID, 'Proposed in error'] },
    GetLegalProposal: { chapter: 'LEGAL PROPOSAL OPEN', args: [OPEN_PROPOSAL_ID] },
    GetLegalHistory: { chapter: 'LEGAL PROPOSAL OPEN', args: [ASSET_ID] },
  },
  AuditContract: {
    ListAudit: { chapter: 'TOKENIZED', args: ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', ...PAGE] },
  },
  EvidenceContract: {
    // A grant to the story's BankA officer, which the ledger backs whoever records it.
    RecordEvidenceAccess: { chapter: 'EVIDENCE REGISTERED', args: [json(evidenceEntry(CAST.bankAOfficer, 'compliance-officer'))] },
    ListEvidenceAccess: { chapter: 'TOKENIZED', args: ['BankAMSP', INVESTORS.annaA, EVIDENCE_FILE_ID, ...PAGE] },
    RegisterEvidence: { chapter: 'TOKENIZED', args: [json(evidenceFileDocument())] },
    GetEvidence: { chapter: 'EVIDENCE REGISTERED', args: [INVESTORS.annaA, EVIDENCE_FILE_ID] },
    ListEvidence: { chapter: 'EVIDENCE REGISTERED', args: [INVESTORS.annaA, ...PAGE] },
  },
  BridgeContract: {
    RegisterValidator: { chapter: 'BRIDGE', args: [NEW_VALIDATOR] },
    ProposeBridgeChain: { chapter: 'TOKENIZED', args: [json(CHAIN_CONFIG)] },
    ApproveBridgeChain: { chapter: 'CHAIN PROPOSED', args: [json(CHAIN_CONFIG)] },
    RequestBridgeOut: { chapter: 'BRIDGE', args: [json(bridgeOutRequest('B-ACCESS-NEW', 1_000n))] },
    ApproveBridgeOut: { chapter: 'BRIDGE', args: [BRIDGE_OUT_IDS.pending, ''] },
    RejectBridgeOut: { chapter: 'BRIDGE', args: [BRIDGE_OUT_IDS.pending, 'Wallet under review'] },
    CancelBridgeOut: { chapter: 'BRIDGE', args: [BRIDGE_OUT_IDS.pending] },
    ExpireBridgeOut: { chapter: 'BRIDGE', args: [BRIDGE_OUT_IDS.pending], at: PAST_TTL },
    RecordMintSignature: { chapter: 'BRIDGE', args: (caller, world) => [CHAIN, world.mint.nonce, world.mint.signatures[caller.side]] },
    RecordMinted: { chapter: 'BRIDGE SIGNED', args: (_caller, world) => [CHAIN, world.mint.nonce, `0x${'ef'.repeat(32)}`] },
    AttestBurn: { chapter: 'BRIDGE', args: [json(burnEvent(1n, 500n))] },
    AttestEscrowMove: { chapter: 'BRIDGE', args: [json(escrowMoveEvent(1, 100n))] },
    GetBridgeChain: { chapter: 'BRIDGE', args: [CHAIN] },
    ListBridgeValidators: { chapter: 'BRIDGE', args: [] },
    GetBridgeOut: { chapter: 'BRIDGE', args: [BRIDGE_OUT_IDS.escrowed] },
    GetMint: { chapter: 'BRIDGE', args: (_caller, world) => [CHAIN, world.mint.nonce] },
    ListPendingMints: { chapter: 'BRIDGE', args: [CHAIN, ...PAGE] },
    ListPendingBridgeOuts: { chapter: 'BRIDGE', args: ['BankAMSP', ...PAGE] },
    GetBurn: { chapter: 'BRIDGE SIGNED', args: [CHAIN, '1'] },
    GetEscrowMove: { chapter: 'BRIDGE SIGNED', args: [CHAIN, escrowMoveEvent(1, 100n).txHash, '1'] },
    GetEscrow: { chapter: 'BRIDGE', args: [ASSET_ID, CHAIN] },
    CheckBridgeOut: { chapter: 'BRIDGE', args: [json(bridgeOutRequest('B-ACCESS-NEW', 1_000n))] },
  },
  GatewayMessageContract: {
    ProposeGatewayMessage: { chapter: 'BRIDGE', args: [CHAIN, 'Pause', '', 'Escrow below EVM supply'] },
    ProposeKycPhase: { chapter: 'BRIDGE', args: [CHAIN, CHAIN_CONFIG.tokens[0]?.token ?? '', WALLET_ONE.address, "Mirror anna's KYC phase"] },
    ProposeValidatorSet: { chapter: 'BRIDGE', args: [CHAIN, '3', 'Carry the validators of the banks in force'] },
    // anna is BankA's: BankA's validator proposes with BankA's claim, BankC's is refused as of another bank.
    ProposeIdentityRegistration: { chapter: 'IDENTITY CHAIN', args: (_caller, world) => [CHAIN, CHAIN_CONFIG.tokens[0]?.token ?? '', WALLET_ONE.address, world.annaClaims, "Mirror anna's wallet"] },
    ProposeIdentityRevocation: { chapter: 'IDENTITY REVOKED', args: [CHAIN, CHAIN_CONFIG.tokens[0]?.token ?? '', WALLET_TWO.address, "chloe's KYC is revoked"] },
    RecordGatewaySignature: { chapter: 'PAUSE PROPOSED', args: (caller, world) => [CHAIN, 'Pause', GATEWAY, world.pause.nonce, world.pause.signatures[caller.side]] },
    RecordGatewayRelayed: { chapter: 'BRIDGE SIGNED', args: (_caller, world) => [CHAIN, 'Pause', GATEWAY, world.pause.nonce, `0x${'ef'.repeat(32)}`] },
    GetGatewayMessage: { chapter: 'BRIDGE SIGNED', args: (_caller, world) => [CHAIN, 'Pause', GATEWAY, world.pause.nonce] },
    ListOpenGatewayMessages: { chapter: 'BRIDGE SIGNED', args: [CHAIN] },
    ListMirrorDrift: { chapter: 'BRIDGE', args: [CHAIN] },
  },
};

/** The case of `contract.transaction`, or undefined when there is none (which the test refuses). */
export function caseOf(contract: string, transaction: string): AccessCase | undefined {
  const cases = Object.hasOwn(ACCESS_CASES, contract) ? ACCESS_CASES[contract] : undefined;
  return cases !== undefined && Object.hasOwn(cases, transaction) ? cases[transaction] : undefined;
}

/** The arguments `caller` sends in `accessCase`. */
export function argumentsOf(accessCase: AccessCase, caller: AccessIdentity, world: AccessWorld): readonly string[] {
  return typeof accessCase.args === 'function' ? accessCase.args(caller, world) : accessCase.args;
}

/** The instant of `accessCase`. */
export function instantOf(accessCase: AccessCase): Date {
  return accessCase.at ?? AFTER_LOCKUP;
}
