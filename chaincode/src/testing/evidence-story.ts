import type { Role } from '@trestle/compliance/src/roles/roles';
import { INVESTORS } from './ledger-story';
import { identityIdOf, type TestIdentity } from './stub-context';

/** anna's KYC file, sealed by BankA for its officers and the regulator. */
export const EVIDENCE_FILE_ID = 'KYC-A-0001';

/** The access conditions of anna's KYC file, as the envelope carries them. */
export function evidenceConditions(fileId = EVIDENCE_FILE_ID): Record<string, unknown> {
  return { vault: 'trestle', fileId, investorId: INVESTORS.annaA, bankMsp: 'BankAMSP', allowedRoles: ['compliance-officer', 'regulator'] };
}

/** An `entryJson` document: `requester` asked to open anna's KYC file in `role`, with what the share service decided. */
export function evidenceEntry(requester: TestIdentity, role: Role, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    conditions: evidenceConditions(),
    dataHash: 'cd'.repeat(32),
    requester: { identityId: identityIdOf(requester), mspId: requester.mspId, role },
    outcome: 'granted',
    reason: `A ${role} of ${requester.mspId} may open file ${EVIDENCE_FILE_ID}.`,
    shareIndex: 1,
    ...overrides,
  };
}

/** An `evidenceJson` document: anna's KYC file as BankA's officer registers it after sealing. */
export function evidenceFileDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { investorId: INVESTORS.annaA, fileId: EVIDENCE_FILE_ID, kind: 'kyc', contentHash: 'e1'.repeat(32), dataHash: 'cd'.repeat(32), size: 48_213, ...overrides };
}
