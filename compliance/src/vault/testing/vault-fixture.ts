import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Requester } from '../access/access-gate';
import type { AccessConditions } from '../conditions/access-conditions';
import { generateConsortiumKey, type ConsortiumKey } from '../keys/generate-consortium-key';
import { ShareService } from '../share-service/share-service';
import { FileVaultStore } from '../store/file-vault-store';
import { InMemoryAccessGate } from './in-memory-access-gate';

/** The instant every fixture share service reads from its clock. */
export const FIXED_TIME = new Date('2026-03-02T09:30:00.000Z');

export const OFFICER_A: Requester = { identityId: 'x509::/C=CH/O=BankA/OU=client/CN=a1@banka::/C=CH/O=BankA/CN=ca.banka', mspId: 'BankAMSP', role: 'compliance-officer' };
export const OFFICER_B: Requester = { identityId: 'x509::/C=CH/O=BankB/OU=client/CN=b1@bankb::/C=CH/O=BankB/CN=ca.bankb', mspId: 'BankBMSP', role: 'compliance-officer' };
export const REGULATOR: Requester = { identityId: 'x509::/C=CH/O=Regulator/OU=client/CN=r1@reg::/C=CH/O=Regulator/CN=ca.reg', mspId: 'RegulatorMSP', role: 'regulator' };

/** A KYC file of an investor of BankA, open to BankA's officers and the regulator. */
export function kycConditions(fileId = 'kyc-0001'): AccessConditions {
  return { vault: 'trestle', fileId, investorId: 'inv-0042', bankMsp: 'BankAMSP', allowedRoles: ['compliance-officer', 'regulator'] };
}

/** A 2-of-3 key shared between one gate's three share services, plus a fresh store folder. */
export type VaultFixture = {
  readonly key: ConsortiumKey;
  readonly gate: InMemoryAccessGate;
  readonly services: readonly ShareService[];
  readonly store: FileVaultStore;
};

/** Builds the fixture; every requester above is granted the role it acts in. */
export async function makeVaultFixture(): Promise<VaultFixture> {
  const key = generateConsortiumKey({ threshold: 2, shareCount: 3 });
  const gate = new InMemoryAccessGate();
  for (const requester of [OFFICER_A, OFFICER_B, REGULATOR]) gate.grant(requester.identityId, requester.mspId, requester.role);
  const services = key.keyShares.map((keyShare) => new ShareService({ keyShare, gate, clock: () => FIXED_TIME }));
  const store = new FileVaultStore(await mkdtemp(join(tmpdir(), 'trestle-vault-')));
  return { key, gate, services, store };
}
