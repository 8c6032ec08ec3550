import '../testing/quiet-fabric-logs';
import type { Wallet } from 'ethers';
import type { GatewayMessageRecord } from '@trestle/compliance/src/bridge/gateway-message';
import { ledgerMessageTypedData } from '@trestle/compliance/src/bridge/gateway-message-typed-data';
import { AssetContract } from '../assets/asset-contract';
import { BridgeContract } from '../bridge/bridge-contract';
import { GatewayMessageContract } from '../bridge/gateway-message-contract';
import { ControlContract } from '../controls/control-contract';
import { EvidenceContract } from '../evidence/evidence-contract';
import { fuzzWorld, BRIDGE_OUT_IDS, MEMBERSHIP_WITHOUT_BANK_B, type Chapter, type FuzzWorld } from '../fuzz/fuzz-world';
import { InvestorContract } from '../investors/investor-contract';
import { RoleContract } from '../roles/role-contract';
import { evidenceFileDocument } from '../testing/evidence-story';
import { bridgeOutOf, burnEvent, BRIDGE_DESK, escrowMoveEvent, CHAIN_CONFIG, GATEWAY, signMint, VALIDATOR_KEYS, WALLETS as CHAIN_CONFIG_WALLETS } from '../testing/bridge-story';
import { IDENTITY_CHAIN_CONFIG, kycClaimsDocument } from '../bridge/identity-story';
import { CAST, CONSORTIUM_MEMBERS, tx } from '../testing/ledger-cast';
import { REGULATOR_ADMIN } from '../testing/test-identities';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { ASSET_ID, json, policyChange } from '../testing/ledger-documents';
import { INVESTORS } from '../testing/ledger-story';
import { stagePii } from '../testing/staged-pii';
import { copyLedger, identityIdOf, snapshotLedger, type TestIdentity, type WorldState } from '../testing/stub-context';
import { CHAIN_ID, signBinding, WALLET_TWO } from '../testing/test-wallets';
import { AFTER_LOCKUP } from '../testing/transfer-story';
import { ACCESS_IDENTITIES, holderOf, type Side } from './access-identities';

// The ledgers the matrix's cases run on: the fuzz world's chapters of the stories, where each
// transaction has a record to act on, plus a few more steps of the same stories for the
// transactions those chapters leave nothing to do for (a suspended investor to reinstate, a paused
// asset, a chain proposal waiting, a gateway message proposed and one signed). Built once per test
// file; every case runs on a copy of its chapter, as the fuzz cases do.

/** The chapters taken over from the fuzz world. */
const FUZZ_CHAPTERS = ['TOKENIZED', 'DRAFT', 'VALUED', 'APPROVED', 'BRIDGE', 'LEGAL PROPOSAL OPEN', 'BANK B LEFT', 'ADOPTION WAITING'] as const;

/** The name of a chapter a case may run on: the fuzz world's, then those added here. */
export type AccessChapter =
  | (typeof FUZZ_CHAPTERS)[number]
  | 'SUSPENDED'
  | 'PAUSED'
  | 'CHAIN PROPOSED'
  | 'PAUSE PROPOSED'
  | 'BRIDGE SIGNED'
  | 'UNFOUNDED'
  | 'CONSORTIUM FOUNDING'
  | 'EVIDENCE REGISTERED'
  | 'POLICY CHANGE OPEN'
  | 'MEMBERSHIP CHANGE OPEN'
  | 'IDENTITY CHAIN'
  | 'IDENTITY REVOKED';

/** Chapters before the consortium membership is in force: no role can be granted in them. */
const BEFORE_CONSORTIUM: readonly AccessChapter[] = ['UNFOUNDED', 'CONSORTIUM FOUNDING'];

/** A value signed by BankA's validator key (for the home side) and by BankC's (for the other). */
export type SignedBySide = Readonly<Record<Side, string>>;

/** The world of the matrix. */
export type AccessWorld = {
  /** The fuzz world with the matrix's chapters in place of its own, for `runFuzzCase`. */
  readonly fuzz: FuzzWorld;
  /** The index of a chapter in `fuzz.chapters`. */
  chapter(name: AccessChapter): number;
  /** The Mint nonce of the bridge chapter's escrowed bridge-out, and its signatures by each side's validator key. */
  readonly mint: { readonly nonce: string; readonly signatures: SignedBySide };
  /** The Pause proposed in PAUSE PROPOSED (and signed by BankA and BankB in BRIDGE SIGNED): nonce and each side's signature. */
  readonly pause: { readonly nonce: string; readonly signatures: SignedBySide };
  /** ben's (BankA) signature binding WALLET_TWO, unbound in the tokenized chapter. */
  readonly benBinding: string;
  /** A KYC claim for anna's wallet signed by BankA's validator key, as ProposeIdentityRegistration takes it (IDENTITY CHAIN). */
  readonly annaClaims: string;
};

const roles = new RoleContract();
const bridge = new BridgeContract();
const messages = new GatewayMessageContract();
const at = { at: AFTER_LOCKUP };
const CHAIN = CHAIN_ID.toString();

/** Builds the fuzz world, the added chapters, and grants every matrix identity its role in each. */
export async function accessWorld(): Promise<AccessWorld> {
  const fuzz = await fuzzWorld();
  const base = (name: AccessChapter): WorldState => {
    const found = fuzz.chapters.find((chapter) => chapter.name === name);
    if (found === undefined) throw new Error(`the fuzz world has no chapter ${name}: update FUZZ_CHAPTERS`);
    return copyLedger(found.ledger);
  };
  const ledgers = new Map<AccessChapter, WorldState>(FUZZ_CHAPTERS.map((name) => [name, base(name)]));

  const suspended = base('TOKENIZED');
  await new InvestorContract().SuspendInvestor(tx(CAST.bankAOfficer, suspended, at).ctx, INVESTORS.benA, 'Adverse media under review');
  const evidenceRegistered = base('TOKENIZED');
  await new EvidenceContract().RegisterEvidence(tx(CAST.bankAOfficer, evidenceRegistered, at).ctx, json(evidenceFileDocument()));
  const paused = base('TOKENIZED');
  await new ControlContract().PauseAsset(tx(CAST.regulator, paused, at).ctx, ASSET_ID, 'Market abuse inquiry');
  const policyChangeOpen = base('TOKENIZED');
  await new AssetContract().ProposePolicyChange(tx(CAST.bankAOfficer, policyChangeOpen, at).ctx, ASSET_ID, json(policyChange(2, { lockupSeconds: 0 })));
  // The regulator's admin proposes a membership without BankB; BankA's and BankC's admins are yet to confirm.
  const membershipChangeOpen = base('TOKENIZED');
  await new ConsortiumContract().ProposeMembershipChange(tx(REGULATOR_ADMIN, membershipChangeOpen, at).ctx, JSON.stringify(MEMBERSHIP_WITHOUT_BANK_B));
  const chainProposed = base('TOKENIZED');
  await bridge.ProposeBridgeChain(tx(BRIDGE_DESK.operatorA, chainProposed, at).ctx, json(CHAIN_CONFIG));
  const pauseProposed = base('BRIDGE');
  await messages.ProposeGatewayMessage(tx(BRIDGE_DESK.validatorA, pauseProposed, at).ctx, CHAIN, 'Pause', '', 'Escrow below EVM supply');
  const pauseRecord = JSON.parse(await messages.GetGatewayMessage(tx(CAST.regulator, pauseProposed).ctx, CHAIN, 'Pause', GATEWAY, '1')) as GatewayMessageRecord;
  const escrowed = await bridgeOutOf(pauseProposed, BRIDGE_OUT_IDS.escrowed);
  const signed = copyLedger(pauseProposed);
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, signed, at).ctx, CHAIN, 'Pause', GATEWAY, pauseRecord.nonce, await signMessage(key, pauseRecord));
    await bridge.RecordMintSignature(tx(validator, signed, at).ctx, CHAIN, escrowed.nonce ?? '', await signMint(key, escrowed));
  }
  await bridge.AttestBurn(tx(BRIDGE_DESK.validatorB, signed, at).ctx, json(burnEvent(1n, 500n)));
  await bridge.AttestEscrowMove(tx(BRIDGE_DESK.validatorB, signed, at).ctx, json(escrowMoveEvent(1, 100n)));
  // The chain configured with a ClaimIssuer, so identities can be mirrored; then chloe's wallet
  // registered through the quorum and chloe revoked, so a revocation has work to do.
  const identityChain = base('BRIDGE');
  await bridge.ProposeBridgeChain(tx(BRIDGE_DESK.operatorA, identityChain, at).ctx, json(IDENTITY_CHAIN_CONFIG));
  await bridge.ApproveBridgeChain(tx(BRIDGE_DESK.operatorB, identityChain, at).ctx, json(IDENTITY_CHAIN_CONFIG));
  const identityRevoked = copyLedger(identityChain);
  await registerChloe(identityRevoked);
  await new InvestorContract().RevokeInvestor(tx(CAST.bankBOfficer, identityRevoked, at).ctx, INVESTORS.chloeB, 'Relationship ended');
  // A channel before its membership: nothing yet, then the regulator's admin has proposed it.
  const founding: WorldState = new Map();
  await new ConsortiumContract().FoundConsortium(tx(REGULATOR_ADMIN, founding).ctx, JSON.stringify(CONSORTIUM_MEMBERS));
  const added: ReadonlyArray<readonly [AccessChapter, WorldState]> = [
    ['UNFOUNDED', new Map()],
    ['CONSORTIUM FOUNDING', founding],
    ['SUSPENDED', suspended],
    ['PAUSED', paused],
    ['POLICY CHANGE OPEN', policyChangeOpen],
    ['MEMBERSHIP CHANGE OPEN', membershipChangeOpen],
    ['CHAIN PROPOSED', chainProposed],
    ['PAUSE PROPOSED', pauseProposed],
    ['BRIDGE SIGNED', signed],
    ['EVIDENCE REGISTERED', evidenceRegistered],
    ['IDENTITY CHAIN', identityChain],
    ['IDENTITY REVOKED', identityRevoked],
  ];
  for (const [name, ledger] of added) ledgers.set(name, ledger);

  const chapters: Chapter[] = [];
  for (const [name, ledger] of ledgers) {
    if (!BEFORE_CONSORTIUM.includes(name)) await grantMatrixRoles(ledger);
    await stageMatrixPii(name, ledger);
    chapters.push({ name, ledger, baseline: snapshotLedger(ledger), weight: 1 });
  }
  const names = [...ledgers.keys()];
  return {
    fuzz: { ...fuzz, chapters },
    chapter: (name) => names.indexOf(name),
    mint: { nonce: escrowed.nonce ?? '', signatures: { home: await signMint(VALIDATOR_KEYS.A, escrowed), other: await signMint(VALIDATOR_KEYS.C, escrowed) } },
    pause: { nonce: pauseRecord.nonce, signatures: { home: await signMessage(VALIDATOR_KEYS.A, pauseRecord), other: await signMessage(VALIDATOR_KEYS.C, pauseRecord) } },
    benBinding: await signBinding(WALLET_TWO, { investorId: INVESTORS.benA, bank: 'BankAMSP' }),
    annaClaims: json(kycClaimsDocument(VALIDATOR_KEYS.A)),
  };
}

/** chloe's wallet registered through the ledger: BankB's validator proposes it with its claim, A and B sign, A records it relayed. */
async function registerChloe(ledger: WorldState): Promise<void> {
  const wallet = CHAIN_CONFIG_WALLETS.chloe.address;
  await messages.ProposeIdentityRegistration(tx(BRIDGE_DESK.validatorB, ledger, at).ctx, CHAIN, IDENTITY_CHAIN_CONFIG.tokens[0]?.token ?? '', wallet, json(kycClaimsDocument(VALIDATOR_KEYS.B)), 'Mirror chloe');
  const [record] = (JSON.parse(await messages.ListOpenGatewayMessages(tx(CAST.regulator, ledger, at).ctx, CHAIN)) as GatewayMessageRecord[]).filter((open) => open.type === 'RegisterIdentity');
  if (record === undefined) throw new Error('the registration of chloe was not proposed');
  for (const [validator, key] of [[BRIDGE_DESK.validatorA, VALIDATOR_KEYS.A], [BRIDGE_DESK.validatorB, VALIDATOR_KEYS.B]] as const) {
    await messages.RecordGatewaySignature(tx(validator, ledger, at).ctx, CHAIN, record.type, record.verifyingContract, record.nonce, await signMessage(key, record));
  }
  await messages.RecordGatewayRelayed(tx(BRIDGE_DESK.validatorA, ledger, at).ctx, CHAIN, record.type, record.verifyingContract, record.nonce, `0x${'c0'.repeat(32)}`);
}

/** The new investor the matrix onboards. */
export const STAGED_INVESTOR_ID = 'INV-ACCESS-1';

// OnboardInvestor, UpdateInvestor and AdoptInvestor name PII staged before (StageInvestorPii) in the
// caller's bank's collection: each side's officer stages the fixture PII for the investors those
// cases write, where the bank may (chloe only once BankB has left).
async function stageMatrixPii(name: AccessChapter, ledger: WorldState): Promise<void> {
  const officers = [holderOf('compliance-officer', 'home'), holderOf('compliance-officer', 'other')];
  const staging: Array<readonly [TestIdentity, string]> =
    name === 'TOKENIZED' ? [...officers.map((officer) => [officer, STAGED_INVESTOR_ID] as const), [officers[0] as TestIdentity, INVESTORS.annaA]]
    : name === 'BANK B LEFT' ? officers.map((officer) => [officer, INVESTORS.chloeB] as const)
    : [];
  for (const [officer, investorId] of staging) await stagePii(officer, ledger, investorId, undefined, at);
}

// Each identity's own org admin grants its role, as on a network; the regulator's comes with the story.
async function grantMatrixRoles(ledger: WorldState): Promise<void> {
  for (const { identity, column, grantedBy } of ACCESS_IDENTITIES) {
    if (grantedBy === undefined || column === 'org-admin' || column === 'no-role') continue;
    await roles.GrantRole(tx(grantedBy, ledger).ctx, identityIdOf(identity), column);
  }
}

async function signMessage(key: Wallet, record: GatewayMessageRecord): Promise<string> {
  const { domain, types, value } = ledgerMessageTypedData(record);
  return key.signTypedData(domain, types, value);
}
