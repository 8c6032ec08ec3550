import './quiet-fabric-logs';
import type { LegalProposal } from '@trestle/compliance/src/ledger/legal-proposal';
import type { LegalHistory } from '@trestle/compliance/src/ledger/legal-transition';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { LegalContract } from '../legal/legal-contract';
import { RoleContract } from '../roles/role-contract';
import { tx, type TxOptions } from './ledger-cast';
import { ASSET_ID, json } from './ledger-documents';
import { ledgerAt } from './ledger-story';
import { identityIdOf, type TestIdentity, type WorldState } from './stub-context';
import { daysAfterT0 } from './transfer-story';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_A_BOB, BANK_B_ADMIN, BANK_B_CAROL, BANK_C_ADMIN, REGULATOR_RITA } from './test-identities';

export type { LegalHistory };

// The legal tests' world: the story's asset TOKENIZED (anna 600000 and ben 300000 at BankA, chloe
// 100000 at BankB, decimals 6), with a compliance officer at each of the three banks.

/** Who acts in the legal tests. */
export const BENCH = {
  /** BankA spv-admin, and compliance officer too, so the proposer's own vote can be tried. */
  spvAdmin: BANK_A_ALICE,
  /** BankA compliance officer. */
  officerA: BANK_A_BOB,
  /** BankB compliance officer, also spv-admin of BankB (not the asset's bank). */
  officerB: BANK_B_CAROL,
  /** BankB's second officer. */
  secondOfficerB: BANK_B_ADMIN,
  /** BankC compliance officer. */
  officerC: BANK_C_ADMIN,
  regulator: REGULATOR_RITA,
} as const;

const EXTRA_GRANTS: ReadonlyArray<readonly [TestIdentity, TestIdentity, Role]> = [
  [BANK_C_ADMIN, BANK_C_ADMIN, 'compliance-officer'],
  [BANK_B_ADMIN, BANK_B_ADMIN, 'compliance-officer'],
  [BANK_A_ADMIN, BANK_A_ALICE, 'compliance-officer'],
];

/** The legal document of the tests' proposals: a board resolution, by hash and URI. */
export const RESOLUTION = { sha256: 'c0'.repeat(32), uri: 'https://docs.banka.example/zob/board-resolution.pdf' };

/** A proposal document for `action` on the story's asset, with the terms that action takes. */
export function legalAction(proposalId: string, action: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const terms: Record<string, unknown> =
    action === 'start-remediation'
      ? { remediationWindowDays: 90 }
      : action === 'redeem'
        ? { cashSettlement: { reference: 'UETR 8a562c67-ca16-48ba-b074-65581be6f001', currency: 'CHF', pricePerUnit: '4250000000' } }
        : {};
  return { proposalId, assetId: ASSET_ID, action, reason: `Board resolution for ${action}`, legalDocument: RESOLUTION, ...terms, ...overrides };
}

const roles = new RoleContract();
const legal = new LegalContract();

/** The tokenized story with an officer at every bank. */
export async function ledgerForLegal(): Promise<WorldState> {
  const worldState = await ledgerAt('TOKENIZED');
  for (const [admin, member, role] of EXTRA_GRANTS) await roles.GrantRole(tx(admin, worldState).ctx, identityIdOf(member), role);
  return worldState;
}

/** Submits a proposal by the SPV's administrator (unless `identity` says otherwise). */
export async function propose(worldState: WorldState, document: Record<string, unknown>, identity: TestIdentity = BENCH.spvAdmin, options: TxOptions = {}): Promise<void> {
  await legal.ProposeLegalAction(tx(identity, worldState, options).ctx, json(document));
}

/** Submits `officer`'s approval, without a reason. */
export async function approve(worldState: WorldState, officer: TestIdentity, proposalId: string, options: TxOptions = {}): Promise<void> {
  await legal.ApproveLegalAction(tx(officer, worldState, options).ctx, proposalId, '');
}

/** Proposes `document` and has BankA's and BankB's officers approve it: a quorum of two of three banks. */
export async function decide(worldState: WorldState, document: Record<string, unknown>, options: TxOptions = {}): Promise<void> {
  await propose(worldState, document, BENCH.spvAdmin, options);
  await approve(worldState, BENCH.officerA, document.proposalId as string, options);
  await approve(worldState, BENCH.officerB, document.proposalId as string, options);
}

/** The proposal as the regulator reads it. */
export async function proposalOf(worldState: WorldState, proposalId: string): Promise<LegalProposal> {
  return JSON.parse(await legal.GetLegalProposal(tx(BENCH.regulator, worldState).ctx, proposalId)) as LegalProposal;
}

/** The asset's legal standing as the regulator reads it. */

/** The story asset's legal standing. */
export async function legalHistoryOf(worldState: WorldState): Promise<LegalHistory> {
  return JSON.parse(await legal.GetLegalHistory(tx(BENCH.regulator, worldState).ctx, ASSET_ID)) as LegalHistory;
}

/** The legal states the story can reach, each through the contract. */
export type LegalStoryState = 'REMEDIATION' | 'CURED' | 'WRITTEN_OFF' | 'REDEEMED';

/**
 * A ledger with the asset taken to `state` through LegalContract: remediation at T0 with a 90-day
 * window, then a cure a week later, a write-off after the window, or a redemption at T0.
 */
export async function ledgerInLegalState(state: LegalStoryState): Promise<WorldState> {
  const worldState = await ledgerForLegal();
  if (state === 'REDEEMED') {
    await decide(worldState, legalAction('L-REDEEM', 'redeem'));
    return worldState;
  }
  await decide(worldState, legalAction('L-REMEDIATE', 'start-remediation'));
  if (state === 'CURED') await decide(worldState, legalAction('L-CURE', 'cure'), { at: daysAfterT0(7) });
  if (state === 'WRITTEN_OFF') await decide(worldState, legalAction('L-WRITE-OFF', 'write-off'), { at: daysAfterT0(90) });
  return worldState;
}
