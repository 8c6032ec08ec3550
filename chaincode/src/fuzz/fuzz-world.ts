import '../testing/quiet-fabric-logs';
import { TRANSFER_REQUEST_TYPES, transferRequestDomain } from '@trestle/compliance/src/transfers/transfer-signature';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { ControlContract } from '../controls/control-contract';
import { escrowedBridgeOut, ledgerForBridge, requestBridgeOut, bridgeOutRequest, signMint, VALIDATOR_KEYS } from '../testing/bridge-story';
import { CAST, T0, tx } from '../testing/ledger-cast';
import { ASSET_ID, investorDocument, investorPii, json } from '../testing/ledger-documents';
import { InvestorContract } from '../investors/investor-contract';
import { legalAction, ledgerForLegal, ledgerInLegalState, propose } from '../testing/legal-story';
import { INVESTORS, ledgerAt } from '../testing/ledger-story';
import { stagePii } from '../testing/staged-pii';
import { identityIdOf, snapshotLedger, type LedgerSnapshot, type WorldState } from '../testing/stub-context';
import { CHAIN_ID, signBinding, WALLET_ONE, WALLET_TWO } from '../testing/test-wallets';
import { AFTER_LOCKUP, ledgerForTransfers, request, TRAVEL_RULE, transferRequest } from '../testing/transfer-story';
import { RoleContract } from '../roles/role-contract';
import { BANK_A_ADMIN, BANK_C_ADMIN, BANK_C_ERIN, REGULATOR_ADMIN } from '../testing/test-identities';
import { WalletContract } from '../wallets/wallet-contract';
import { IDENTITY_CHAIN_CONFIG } from '../bridge/identity-story';

/** One chapter of the story: a ledger every case on it starts from, that ledger as it was, and how often cases start there. */
export type Chapter = { readonly name: string; readonly ledger: WorldState; readonly baseline: LedgerSnapshot; readonly weight: number };

/** The chapters fuzz cases run on, and signed values that only make sense on them. */
export type FuzzWorld = {
  readonly chapters: readonly Chapter[];
  /** A signature that would bind WALLET_TWO to chloe through BankB (nonce 1, devnet chain id). */
  readonly unusedBindingSignature: string;
  /** A request from anna to chloe signed by anna's bound wallet. */
  readonly signedRequest: Record<string, unknown>;
  /** BankA's validator's signature of the escrowed bridge-out's Mint, not yet recorded. */
  readonly mintSignature: string;
};

/** The id of the transfer left PENDING, so approve, reject, cancel and expire have one to act on. */
export const PENDING_TRANSFER_ID = 'T-FUZZ-PENDING';

/** Bridge-outs of the bridge chapter: one approved into escrow with its Mint numbered, one still pending. */
export const BRIDGE_OUT_IDS = { escrowed: 'B-FUZZ-ESCROWED', pending: 'B-FUZZ-PENDING' } as const;

/** The legal proposal left open in the legal chapter. */
export const OPEN_PROPOSAL_ID = 'L-FUZZ-OPEN';

/** Units of ben's frozen in the tokenized chapter, so unfreezes can succeed. */
export const BEN_FROZEN = '1000';

/**
 * The stories of the other tests, each stopped where some transaction still has work to do:
 * the transfer story's tokenized asset with a pending transfer above the travel-rule threshold,
 * anna's bound wallet, a partial freeze of ben's units and erin of BankC as a vault share service;
 * the asset at DRAFT, VALUED and APPROVED for the lifecycle steps; the bridge story with a bridge-out in escrow and one pending; the legal
 * story with a proposal open and with the asset in remediation; the tokenized chapter again after
 * BankB left the consortium, and with BankA's request to adopt chloe waiting. Built once per test file; each
 * case runs on a copy of one chapter.
 */
export async function fuzzWorld(): Promise<FuzzWorld> {
  // The chain names its ClaimIssuer, so identity registrations get past the configuration check.
  const bridged = await ledgerForBridge({ chain: IDENTITY_CHAIN_CONFIG });
  const escrowed = await escrowedBridgeOut(bridged, BRIDGE_OUT_IDS.escrowed, 1_000n);
  await requestBridgeOut(bridged, bridgeOutRequest(BRIDGE_OUT_IDS.pending, 2_000n));
  const proposed = await ledgerForLegal();
  await propose(proposed, legalAction(OPEN_PROPOSAL_ID, 'start-remediation'));

  const stories: ReadonlyArray<readonly [string, WorldState, number]> = [
    ['TOKENIZED', await tokenizedWithWork(), 3],
    ['DRAFT', await ledgerAt('DRAFT'), 1],
    ['VALUED', await ledgerAt('VALUED'), 1],
    ['APPROVED', await ledgerAt('APPROVED'), 1],
    ['BRIDGE', bridged, 3],
    ['LEGAL PROPOSAL OPEN', proposed, 2],
    ['REMEDIATION', await ledgerInLegalState('REMEDIATION'), 1],
    ['BANK B LEFT', await bankBLeft(), 1],
    ['ADOPTION WAITING', await adoptionWaiting(), 1],
  ];
  return {
    chapters: stories.map(([name, ledger, weight]) => ({ name, ledger, baseline: snapshotLedger(ledger), weight })),
    unusedBindingSignature: await signBinding(WALLET_TWO, { investorId: INVESTORS.chloeB, bank: 'BankBMSP' }),
    signedRequest: await signedRequest(),
    mintSignature: await signMint(VALIDATOR_KEYS.A, escrowed),
  };
}

async function tokenizedWithWork(): Promise<WorldState> {
  const ledger = await ledgerForTransfers();
  await request(ledger, transferRequest(PENDING_TRANSFER_ID, 20_000n), undefined, { transient: TRAVEL_RULE });
  const annaBinding = await signBinding(WALLET_ONE, { investorId: INVESTORS.annaA, bank: 'BankAMSP' });
  await new WalletContract().BindWallet(tx(CAST.bankAOfficer, ledger, { at: T0 }).ctx, INVESTORS.annaA, WALLET_ONE.address, CHAIN_ID.toString(), '1', annaBinding);
  await new ControlContract().FreezePartial(tx(CAST.regulator, ledger, { at: AFTER_LOCKUP }).ctx, ASSET_ID, INVESTORS.benA, BEN_FROZEN, 'Garnishment order pending');
  // BankC's share service of the evidence vault, so access records can be written here.
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, ledger).ctx, identityIdOf(BANK_C_ERIN), 'vault');
  return ledger;
}

/** The membership without BankB, which leaves after the tokenized chapter; its investor chloe waits for a bank to adopt her. */
export const MEMBERSHIP_WITHOUT_BANK_B = { banks: ['BankAMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] } as const;

// The tokenized chapter after a membership change removed BankB: its people's roles no longer
// count, and AdoptInvestor has chloe to act on.
async function bankBLeft(): Promise<WorldState> {
  const ledger = await tokenizedWithWork();
  const members = JSON.stringify(MEMBERSHIP_WITHOUT_BANK_B);
  const consortium = new ConsortiumContract();
  await consortium.ProposeMembershipChange(tx(REGULATOR_ADMIN, ledger).ctx, members);
  for (const admin of [BANK_A_ADMIN, BANK_C_ADMIN]) await consortium.ConfirmMembershipChange(tx(admin, ledger).ctx, members);
  return ledger;
}

// BankB has left and BankA's officer has requested chloe's adoption: ApproveAdoption,
// RejectAdoption and GetAdoption have her request to act on.
async function adoptionWaiting(): Promise<WorldState> {
  const ledger = await bankBLeft();
  const piiHash = await stagePii(CAST.bankAOfficer, ledger, INVESTORS.chloeB, investorPii({ fullName: 'Chloe Frick' }), { at: AFTER_LOCKUP });
  await new InvestorContract().AdoptInvestor(tx(CAST.bankAOfficer, ledger, { at: AFTER_LOCKUP }).ctx, json(investorDocument(INVESTORS.chloeB, { jurisdiction: 'LI', investorType: 'qualified-institutional' })), piiHash, 'BankB left; KYC redone by BankA');
  return ledger;
}

async function signedRequest(): Promise<Record<string, unknown>> {
  const document = transferRequest('T-FUZZ-SIGNED', 5_000n);
  const message = { ...document, amount: 5_000n };
  const types = { TransferRequest: TRANSFER_REQUEST_TYPES.TransferRequest.map((field) => ({ ...field })) };
  const signature = await WALLET_ONE.signTypedData(transferRequestDomain(CHAIN_ID), types, message);
  return { ...document, wallet: { address: WALLET_ONE.address, signature } };
}
