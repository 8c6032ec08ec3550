import './quiet-fabric-logs';
import type { Role } from '@trestle/compliance/src/roles/roles';
import { ConsortiumContract } from '../consortium/consortium-contract';
import { RoleContract } from '../roles/role-contract';
import { stubContext, type StubContext, type TestIdentity, type WorldState } from './stub-context';
import {
  BANK_A_ADMIN,
  BANK_A_ALICE,
  BANK_A_BOB,
  BANK_A_MALLORY,
  BANK_B_ADMIN,
  BANK_B_CAROL,
  BANK_C_ADMIN,
  BANK_C_ERIN,
  REGULATOR_ADMIN,
  REGULATOR_RITA,
} from './test-identities';

/**
 * Who does what in the ledger tests. The SPV is administered by BankA, so BankA's people are the
 * "requesting" side and BankB's and BankC's the independent ones.
 */
export const CAST = {
  /** BankA, spv-admin: registers the SPV, creates, documents and tokenizes the asset. */
  spvAdmin: BANK_A_ALICE,
  /** BankA, compliance-officer, operator and appraiser: onboards BankA's investors; not independent of the SPV. */
  bankAOfficer: BANK_A_BOB,
  /** BankB, compliance-officer, operator and spv-admin: approves BankA's asset, onboards BankB's investors. */
  bankBOfficer: BANK_B_CAROL,
  /** BankC, appraiser: the independent valuer. */
  appraiser: BANK_C_ERIN,
  /** Regulator, regulator: reads everything it may. */
  regulator: REGULATOR_RITA,
  /** BankA member with no role at all. */
  nobody: BANK_A_MALLORY,
} as const;

const GRANTS: ReadonlyArray<readonly [TestIdentity, TestIdentity, Role]> = [
  [BANK_A_ADMIN, BANK_A_ALICE, 'spv-admin'],
  [BANK_A_ADMIN, BANK_A_BOB, 'compliance-officer'],
  [BANK_A_ADMIN, BANK_A_BOB, 'operator'],
  [BANK_A_ADMIN, BANK_A_BOB, 'appraiser'],
  [BANK_B_ADMIN, BANK_B_CAROL, 'compliance-officer'],
  [BANK_B_ADMIN, BANK_B_CAROL, 'operator'],
  [BANK_B_ADMIN, BANK_B_CAROL, 'spv-admin'],
  [BANK_C_ADMIN, BANK_C_ERIN, 'appraiser'],
  [REGULATOR_ADMIN, REGULATOR_RITA, 'regulator'],
];

/** The default transaction time of the stub, and of every ledger test unless it says otherwise. */
export const T0 = new Date('2026-03-01T10:00:00.000Z');

/** Unix seconds of an ISO instant. */
export function unixSeconds(iso: string | Date): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}

/** The story's consortium: three banks and the regulator's org. */
export const CONSORTIUM_MEMBERS = { banks: ['BankAMSP', 'BankBMSP', 'BankCMSP'], regulators: ['RegulatorMSP'] } as const;

/** Puts the story's consortium membership in force: BankA's admin proposes it, every other listed org's admin confirms. */
export async function foundConsortium(worldState: WorldState): Promise<void> {
  const consortium = new ConsortiumContract();
  const members = JSON.stringify(CONSORTIUM_MEMBERS);
  await consortium.FoundConsortium(stubContext({ identity: BANK_A_ADMIN, worldState }).ctx, members);
  for (const admin of [BANK_B_ADMIN, BANK_C_ADMIN, REGULATOR_ADMIN]) await consortium.ConfirmConsortium(stubContext({ identity: admin, worldState }).ctx, members);
}

/** A world state holding only the story's consortium membership, in force. */
export async function consortiumWorld(): Promise<WorldState> {
  const worldState: WorldState = new Map();
  await foundConsortium(worldState);
  return worldState;
}

/** A world state holding the consortium membership and the cast's role grants, nothing else. */
export async function castLedger(): Promise<WorldState> {
  const worldState: WorldState = new Map();
  await foundConsortium(worldState);
  const roles = new RoleContract();
  for (const [admin, member, role] of GRANTS) {
    await roles.GrantRole(stubContext({ identity: admin, worldState }).ctx, stubContext({ identity: member }).ctx.clientIdentity.getID(), role);
  }
  return worldState;
}

/** Options of one test transaction. */
export type TxOptions = { readonly at?: Date; readonly transient?: Readonly<Record<string, string | Uint8Array>>; readonly txId?: string };

// Each transaction its own id, as on a peer (64 hex digits, like the SHA-256 ids Fabric gives):
// audit records are keyed by time and transaction id, and bridge-outs carry it as a bytes32.
let txCounter = 0;

/** One transaction submitted by `identity` against `worldState`; its id is unique unless `options.txId` sets one. */
export function tx(identity: TestIdentity, worldState: WorldState, options: TxOptions = {}): StubContext {
  txCounter += 1;
  return stubContext({ identity, worldState, txTimestamp: options.at, transient: options.transient, txId: options.txId ?? txCounter.toString(16).padStart(64, '0') });
}

/** The events a transaction set, with their envelopes parsed. */
export function eventsOf(transaction: StubContext): Array<{ name: string; envelope: { type: string; payload: Record<string, unknown> } }> {
  return transaction.events.map((event) => ({ name: event.name, envelope: JSON.parse(Buffer.from(event.payload).toString('utf8')) as { type: string; payload: Record<string, unknown> } }));
}
