import type { Contract } from 'fabric-contract-api';
import { EvidenceContract } from '@trestle/chaincode/src/evidence/evidence-contract';
import { RoleContract } from '@trestle/chaincode/src/roles/role-contract';
import { InProcessContract } from '@trestle/chaincode/src/testing/in-process-contract';
import { CAST, tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { ledgerWithInvestors } from '@trestle/chaincode/src/testing/ledger-story';
import { identityIdOf, type TestIdentity, type WorldState } from '@trestle/chaincode/src/testing/stub-context';
import { BANK_A_ADMIN, BANK_A_ALICE, BANK_B_ADMIN, BANK_C_ADMIN, BANK_C_ERIN } from '@trestle/chaincode/src/testing/test-identities';
import type { EvidenceAccessRecord } from '../../ledger/evidence-access';
import type { LedgerPage } from '../../ledger/ledger-page';
import type { Role } from '../../roles/roles';
import type { Requester } from '../access/access-gate';
import { LedgerAccessGate, type LedgerAccessGateOptions } from '../access/ledger-access-gate';

// UNIT-TEST STUB of the ledger: the real RoleContract and EvidenceContract run in process on the
// stubbed chaincode context (`InProcessContract`), with no peer, endorsement or MVCC.

/** The instant the stub ledger stamps every transaction with. */
export const LEDGER_TIME = new Date('2026-03-02T09:30:00.000Z');

/** Each bank's share service identity, holding `vault` in its org (BankB's admin grants it to itself). */
export const SERVICE_IDENTITIES: readonly TestIdentity[] = [BANK_A_ALICE, BANK_B_ADMIN, BANK_C_ERIN];

/** The requester a bank's vault client names for `identity` acting in `role`. */
export function requesterOf(identity: TestIdentity, role: Role): Requester {
  return { identityId: identityIdOf(identity), mspId: identity.mspId, role };
}

/** BankA's officer, BankB's officer, the regulator, and a BankA member who holds no role. */
export const PEOPLE = {
  officerA: requesterOf(CAST.bankAOfficer, 'compliance-officer'),
  officerB: requesterOf(CAST.bankBOfficer, 'compliance-officer'),
  regulator: requesterOf(CAST.regulator, 'regulator'),
  nobodyA: requesterOf(CAST.nobody, 'compliance-officer'),
} as const;

/** The story's role grants and investors plus the share services' `vault` grants. */
export async function vaultLedger(): Promise<WorldState> {
  return grantVaultRoles(await ledgerWithInvestors());
}

/**
 * Registers a sealed file of `conditions`' investor on the stub ledger, as its bank's officer does
 * after sealing (`officer seal-evidence`): the share services grant only registered files.
 */
export async function registerFile(worldState: WorldState, conditions: { readonly investorId: string; readonly fileId: string }, dataHash: string, contentHash = 'e1'.repeat(32)): Promise<void> {
  const file = { investorId: conditions.investorId, fileId: conditions.fileId, kind: 'kyc', contentHash, dataHash, size: 1 };
  await new EvidenceContract().RegisterEvidence(tx(CAST.bankAOfficer, worldState, { at: LEDGER_TIME }).ctx, JSON.stringify(file));
}

/** Grants `vault` to the three share service identities on `worldState` (another story's ledger, for the console's test). */
export async function grantVaultRoles(worldState: WorldState): Promise<WorldState> {
  const roles = new RoleContract();
  for (const [admin, service] of [[BANK_A_ADMIN, BANK_A_ALICE], [BANK_B_ADMIN, BANK_B_ADMIN], [BANK_C_ADMIN, BANK_C_ERIN]] as const) {
    await roles.GrantRole(tx(admin, worldState).ctx, identityIdOf(service), 'vault');
  }
  return worldState;
}

function contractAs(contract: Contract, worldState: WorldState, identity: TestIdentity): InProcessContract {
  return new InProcessContract(contract, worldState, identity, () => LEDGER_TIME);
}

/** The RoleContract and EvidenceContract of the stub ledger, called as `identity`. */
export function vaultContractsOf(worldState: WorldState, identity: TestIdentity): LedgerAccessGateOptions {
  return { roles: contractAs(new RoleContract(), worldState, identity), evidence: contractAs(new EvidenceContract(), worldState, identity) };
}

/** The ledger gate of the share service run as `identity`. */
export function ledgerGateOf(worldState: WorldState, identity: TestIdentity): LedgerAccessGate {
  return new LedgerAccessGate(vaultContractsOf(worldState, identity));
}

/** The access records of one of BankA's investors' files, as the regulator reads them. */
export async function accessRecords(worldState: WorldState, investorId: string, fileId: string): Promise<readonly EvidenceAccessRecord[]> {
  const answer = await contractAs(new EvidenceContract(), worldState, CAST.regulator).evaluateTransaction('ListEvidenceAccess', 'BankAMSP', investorId, fileId, '100', '');
  return (JSON.parse(Buffer.from(answer).toString('utf8')) as LedgerPage<EvidenceAccessRecord>).records;
}
