import './quiet-fabric-logs';
import type { Context } from 'fabric-contract-api';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import type { Role } from '@trestle/compliance/src/roles/roles';
import type { TransferRecord } from '@trestle/compliance/src/transfers/transfer-record';
import { AssetContract } from '../assets/asset-contract';
import { HOLDING_KEY_TYPE } from '../assets/holding-key';
import { RoleContract } from '../roles/role-contract';
import { TransferContract } from '../transfers/transfer-contract';
import { T0, tx, type TxOptions } from './ledger-cast';
import { ASSET_ID, json } from './ledger-documents';
import { INVESTORS, ledgerAt } from './ledger-story';
import { identityIdOf, type TestIdentity, type WorldState } from './stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_A_BOB, BANK_B_ADMIN, BANK_B_CAROL, REGULATOR_RITA } from './test-identities';

// The transfer tests' world: the story's asset TOKENIZED (anna 600000 and ben 300000 at BankA,
// chloe 100000 at BankB, all acquired at T0 under a 90-day lockup), and enough officers for
// four-eyes on both banks.

/** Who acts in the transfer tests. */
export const DESK = {
  /** BankA operator and officer: requests for BankA's investors, so never approves those. */
  requesterA: BANK_A_BOB,
  /** BankA's second and third officers. */
  officerA: BANK_A_ALICE,
  secondOfficerA: BANK_A_ADMIN,
  /** BankB operator and officer. */
  officerB: BANK_B_CAROL,
  /** BankB's second officer. */
  secondOfficerB: BANK_B_ADMIN,
  regulator: REGULATOR_RITA,
} as const;

const EXTRA_GRANTS: ReadonlyArray<readonly [TestIdentity, TestIdentity, Role]> = [
  [BANK_A_ADMIN, BANK_A_ALICE, 'compliance-officer'],
  [BANK_A_ADMIN, BANK_A_ADMIN, 'compliance-officer'],
  [BANK_B_ADMIN, BANK_B_ADMIN, 'compliance-officer'],
];

/** Seconds in a day. */
export const DAY = 86_400;

/** The instant `days` after T0. */
export function daysAfterT0(days: number): Date {
  return new Date(T0.getTime() + days * DAY * 1000);
}

/** Past the 90-day lockup of the tokenized units, well within everyone's KYC. */
export const AFTER_LOCKUP = daysAfterT0(91);

/** The tokenized story with the extra officers. */
export async function ledgerForTransfers(): Promise<WorldState> {
  const worldState = await ledgerAt('TOKENIZED');
  const roles = new RoleContract();
  for (const [admin, member, role] of EXTRA_GRANTS) await roles.GrantRole(tx(admin, worldState).ctx, identityIdOf(member), role);
  return worldState;
}

/** A transfer request document; anna to chloe by default. */
export function transferRequest(transferId: string, amount: bigint, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { transferId, assetId: ASSET_ID, fromInvestorId: INVESTORS.annaA, toInvestorId: INVESTORS.chloeB, amount: amount.toString(), ...overrides };
}

/** Travel-rule data in the transient map. */
export const TRAVEL_RULE = { travelRule: json({ originator: { name: 'Anna Muster', accountRef: 'CH93 0076 2011 6238 5295 7' }, beneficiary: { name: 'Chloe Frick', accountRef: 'LI21 0881 0000 2324 013A A' } }) };

const transfers = new TransferContract();
const assets = new AssetContract();

/** Submits a request by `identity` (the BankA requester by default) after the lockup. */
export async function request(worldState: WorldState, document: Record<string, unknown>, identity: TestIdentity = DESK.requesterA, options: TxOptions = {}): Promise<void> {
  await transfers.RequestTransfer(tx(identity, worldState, { at: AFTER_LOCKUP, ...options }).ctx, json(document));
}

/** Submits an approval by `officer`. */
export async function approve(worldState: WorldState, officer: TestIdentity, transferId: string, options: TxOptions = {}): Promise<void> {
  await transfers.ApproveTransfer(tx(officer, worldState, { at: AFTER_LOCKUP, ...options }).ctx, transferId, '');
}

/** The transfer as the regulator reads it. */
export async function transferOf(worldState: WorldState, transferId: string): Promise<TransferRecord> {
  return JSON.parse(await transfers.GetTransfer(tx(DESK.regulator, worldState).ctx, transferId)) as TransferRecord;
}

/** The investor's balance of the story's asset, "0" when they hold none. */
export async function balanceOf(worldState: WorldState, investorId: string): Promise<string> {
  try {
    return (JSON.parse(await assets.GetHolding(tx(DESK.regulator, worldState).ctx, ASSET_ID, investorId)) as HoldingRecord).balance;
  } catch {
    return '0';
  }
}

/** The sum of every holding of the asset (balance and escrow) straight from the world state. */
export function unitsOnLedger(worldState: WorldState, context: Context): bigint {
  const prefix = context.stub.createCompositeKey(HOLDING_KEY_TYPE, [ASSET_ID]);
  let sum = 0n;
  for (const [key, value] of worldState) {
    if (!key.startsWith(prefix)) continue;
    const holding = JSON.parse(Buffer.from(value).toString('utf8')) as HoldingRecord;
    sum += BigInt(holding.balance) + BigInt(holding.escrowed);
  }
  return sum;
}
