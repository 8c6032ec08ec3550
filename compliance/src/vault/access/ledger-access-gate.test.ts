import test from 'ava';
import { snapshotLedger } from '@trestle/chaincode/src/testing/stub-context';
import { isTrestleError } from '../../errors/trestle-error';
import { accessConditionsHash } from '../conditions/access-conditions';
import { generateConsortiumKey } from '../keys/generate-consortium-key';
import { ShareService } from '../share-service/share-service';
import { sha256Hex } from '../sha256';
import { kycConditions } from '../testing/vault-fixture';
import { accessRecords, LEDGER_TIME, ledgerGateOf, PEOPLE, registerFile, SERVICE_IDENTITIES, vaultContractsOf, vaultLedger } from '../testing/ledger-vault-world';
import type { Requester } from './access-gate';
import { LedgerAccessGate, type VaultLedgerContract } from './ledger-access-gate';

// The ledger gate on the in-process chaincode stub (RoleContract and EvidenceContract in process).
const conditions = { ...kycConditions('KYC-A-0001'), investorId: 'INV-A-0001' };
const dataHash = sha256Hex('passport scan');
const key = generateConsortiumKey({ threshold: 2, shareCount: 3 });
const service = SERVICE_IDENTITIES[0]!;

function shareServiceWith(gate: LedgerAccessGate): ShareService {
  return new ShareService({ keyShare: key.keyShares[0]!, gate, clock: () => LEDGER_TIME });
}

const ask = (shares: ShareService, requester: Requester) => shares.signDecryptionShare({ requester, publicKey: key.publicKey.publicKey, conditions, dataHash });

test('the gate grants an officer of the investor bank from their roles on the ledger and records the access there', async (t) => {
  const worldState = await vaultLedger();
  await registerFile(worldState, conditions, dataHash);
  const gate = ledgerGateOf(worldState, service);
  t.deepEqual(await gate.authorize({ requester: PEOPLE.officerA, conditions, conditionsHash: accessConditionsHash(conditions), dataHash }), {
    allowed: true,
    reason: 'A compliance-officer of BankAMSP may open file KYC-A-0001.',
  });
  await ask(shareServiceWith(gate), PEOPLE.officerA);
  const [record] = await accessRecords(worldState, 'INV-A-0001', 'KYC-A-0001');
  t.like(record, { outcome: 'granted', answeringMsp: 'BankAMSP', shareIndex: 1, requester: PEOPLE.officerA, conditionsHash: accessConditionsHash(conditions), dataHash, at: LEDGER_TIME.toISOString() });
});

test('a requester claiming a role the ledger does not grant them is refused, and the refusal is on the ledger', async (t) => {
  const worldState = await vaultLedger();
  await registerFile(worldState, conditions, dataHash);
  const impostor: Requester = { ...PEOPLE.nobodyA };
  await t.throwsAsync(ask(shareServiceWith(ledgerGateOf(worldState, service)), impostor), { message: /VAULT_ACCESS_DENIED/ });
  const [record] = await accessRecords(worldState, 'INV-A-0001', 'KYC-A-0001');
  t.like(record, { outcome: 'refused', requester: impostor, reason: `The requester does not hold the role compliance-officer in BankAMSP.` });
});

test('a ledger that does not answer releases no share: VAULT_ACCESS_CHECK_FAILED, or VAULT_ACCESS_NOT_RECORDED when the record fails', async (t) => {
  const worldState = await vaultLedger();
  await registerFile(worldState, conditions, dataHash);
  const real = vaultContractsOf(worldState, service);
  const down: VaultLedgerContract = {
    submitTransaction: async () => {
      throw new Error('14 UNAVAILABLE: No connection established');
    },
    evaluateTransaction: async () => {
      throw new Error('14 UNAVAILABLE: No connection established');
    },
  };
  const before = snapshotLedger(worldState);
  const noRoles = new LedgerAccessGate({ roles: down, evidence: down });
  t.true(isTrestleError(await t.throwsAsync(ask(shareServiceWith(noRoles), PEOPLE.officerA)), 'VAULT_ACCESS_CHECK_FAILED'));
  const noRecord = new LedgerAccessGate({ roles: real.roles, evidence: down });
  t.true(isTrestleError(await t.throwsAsync(ask(shareServiceWith(noRecord), PEOPLE.officerA)), 'VAULT_ACCESS_NOT_RECORDED'));
  const garbled = new LedgerAccessGate({ roles: { ...down, evaluateTransaction: async () => Buffer.from('{"not":"a list"}') }, evidence: down });
  t.true(isTrestleError(await t.throwsAsync(ask(shareServiceWith(garbled), PEOPLE.officerA)), 'VAULT_ACCESS_CHECK_FAILED'));
  t.deepEqual(snapshotLedger(worldState), before);
});

test('a grant the ledger does not found (a stale or lying role answer) is recorded as the refusal it is, and no share leaves', async (t) => {
  const worldState = await vaultLedger();
  await registerFile(worldState, conditions, dataHash);
  const real = vaultContractsOf(worldState, service);
  // A stale or lying role answer: BankA's member without a role "holds" compliance-officer.
  const lying: VaultLedgerContract = {
    evaluateTransaction: async () => Buffer.from(JSON.stringify([{ grantedAt: '2026-03-01T10:00:00.000Z', grantedBy: PEOPLE.officerA.identityId, ...PEOPLE.nobodyA }])),
    submitTransaction: async () => Buffer.from(''),
  };
  const gate = new LedgerAccessGate({ roles: lying, evidence: real.evidence });
  const error = await t.throwsAsync(ask(shareServiceWith(gate), PEOPLE.nobodyA));
  t.true(isTrestleError(error, 'VAULT_ACCESS_DENIED'), String(error));
  const records = await accessRecords(worldState, 'INV-A-0001', '');
  t.deepEqual(records.map((record) => [record.outcome, record.requester.identityId]), [['refused', PEOPLE.nobodyA.identityId]]);
  t.regex(records[0]?.reason ?? '', /does not let this requester open the file/);
});

test('a file the bank never registered on the ledger is not opened, and the attempt is on the ledger', async (t) => {
  const worldState = await vaultLedger();
  const unregistered = { ...conditions, fileId: 'KYC-A-0404' };
  const shares = shareServiceWith(ledgerGateOf(worldState, service));
  const error = await t.throwsAsync(shares.signDecryptionShare({ requester: PEOPLE.officerA, publicKey: key.publicKey.publicKey, conditions: unregistered, dataHash }));
  t.true(isTrestleError(error, 'VAULT_ACCESS_DENIED'), String(error));
  const [record] = await accessRecords(worldState, 'INV-A-0001', 'KYC-A-0404');
  t.like(record, { outcome: 'refused', requester: PEOPLE.officerA });
  t.regex(record?.reason ?? '', /registers no such file/);
});
