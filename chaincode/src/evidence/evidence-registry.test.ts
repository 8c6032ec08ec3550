import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { EvidenceFileRecord } from '@trestle/compliance/src/ledger/evidence-file';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import { RoleContract } from '../roles/role-contract';
import { EVIDENCE_FILE_ID, evidenceFileDocument } from '../testing/evidence-story';
import { CAST, eventsOf, tx } from '../testing/ledger-cast';
import { json } from '../testing/ledger-documents';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf, snapshotLedger, type WorldState } from '../testing/stub-context';
import { BANK_C_ADMIN, BANK_C_ERIN } from '../testing/test-identities';
import { EvidenceContract } from './evidence-contract';

// The evidence registry on the stubbed chaincode context (no Fabric peer): which sealed files an
// investor has, by content hash, registered by an officer of the investor's bank.

const contract = new EvidenceContract();
const AT = new Date('2026-03-02T09:30:00.123Z');

async function register(worldState: WorldState, document = evidenceFileDocument()): Promise<EvidenceFileRecord> {
  return JSON.parse(await contract.RegisterEvidence(tx(CAST.bankAOfficer, worldState, { at: AT }).ctx, json(document))) as EvidenceFileRecord;
}

async function get(worldState: WorldState, reader = CAST.bankAOfficer, fileId = EVIDENCE_FILE_ID): Promise<EvidenceFileRecord> {
  return JSON.parse(await contract.GetEvidence(tx(reader, worldState).ctx, INVESTORS.annaA, fileId)) as EvidenceFileRecord;
}

async function list(worldState: WorldState, reader = CAST.bankAOfficer, pageSize = '10', bookmark = ''): Promise<LedgerPage<EvidenceFileRecord>> {
  return JSON.parse(await contract.ListEvidence(tx(reader, worldState).ctx, INVESTORS.annaA, pageSize, bookmark)) as LedgerPage<EvidenceFileRecord>;
}

test('an officer of the investor bank registers a file: the content hash on the ledger at the transaction time, with one event', async (t) => {
  const worldState = await ledgerWithInvestors();
  const transaction = tx(CAST.bankAOfficer, worldState, { at: AT });
  const answer = JSON.parse(await contract.RegisterEvidence(transaction.ctx, json(evidenceFileDocument()))) as EvidenceFileRecord;
  const expected: EvidenceFileRecord = {
    investorId: INVESTORS.annaA,
    fileId: EVIDENCE_FILE_ID,
    kind: 'kyc',
    contentHash: 'e1'.repeat(32),
    dataHash: 'cd'.repeat(32),
    size: 48_213,
    bankMsp: 'BankAMSP',
    registeredAt: AT.toISOString(),
    registeredBy: identityIdOf(CAST.bankAOfficer),
    txId: transaction.ctx.stub.getTxID(),
  };
  t.deepEqual(answer, expected);
  t.deepEqual(await get(worldState), expected);
  t.deepEqual(eventsOf(transaction).map((event) => [event.name, event.envelope.payload]), [['EvidenceRegistered', expected]]);
});

test('registering the same content again writes nothing and answers the first record; other content under the id is EVIDENCE_CONFLICT', async (t) => {
  const worldState = await ledgerWithInvestors();
  const first = await register(worldState);
  const before = snapshotLedger(worldState);
  const again = tx(CAST.bankAOfficer, worldState, { at: new Date(AT.getTime() + 60_000) });
  t.deepEqual(JSON.parse(await contract.RegisterEvidence(again.ctx, json(evidenceFileDocument()))), first);
  t.deepEqual(snapshotLedger(worldState), before, 'a retried registration changes nothing');
  t.deepEqual(again.events, []);
  for (const change of [{ contentHash: 'e2'.repeat(32) }, { dataHash: 'ce'.repeat(32) }, { size: 1 }, { kind: 'legal' }]) {
    const error = await refused(t, worldState, CAST.bankAOfficer, 'EVIDENCE_CONFLICT', (ctx) => contract.RegisterEvidence(ctx, json(evidenceFileDocument(change))));
    t.like(error.details, { fileId: EVIDENCE_FILE_ID, contentHash: 'e1'.repeat(32) });
  }
  await register(worldState, evidenceFileDocument({ fileId: 'KYC-A-0001-2', contentHash: 'e2'.repeat(32) }));
  t.deepEqual((await list(worldState)).records.map((record) => record.fileId), [EVIDENCE_FILE_ID, 'KYC-A-0001-2'], 'a new file gets a new id');
});

test('only a compliance officer of the investor bank registers: other banks, the regulator, other roles and members without one are refused', async (t) => {
  const worldState = await ledgerWithInvestors();
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(BANK_C_ERIN), 'vault');
  const document = json(evidenceFileDocument());
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.RegisterEvidence(ctx, document));
  for (const caller of [CAST.regulator, CAST.nobody, CAST.spvAdmin, BANK_C_ERIN]) {
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => contract.RegisterEvidence(ctx, document));
  }
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', (ctx) => contract.RegisterEvidence(ctx, json(evidenceFileDocument({ investorId: 'INV-NOBODY' }))));
});

test('malformed entries are EVIDENCE_INVALID naming each problem, and write nothing', async (t) => {
  const worldState = await ledgerWithInvestors();
  const cases: Array<[Record<string, unknown>, string]> = [
    [evidenceFileDocument({ fileId: 'a b' }), 'fileId'],
    [evidenceFileDocument({ investorId: '' }), 'investorId'],
    [evidenceFileDocument({ kind: 'passport' }), 'kind'],
    [evidenceFileDocument({ contentHash: 'E1'.repeat(32) }), 'contentHash'],
    [evidenceFileDocument({ dataHash: 'cd'.repeat(31) }), 'dataHash'],
    [evidenceFileDocument({ size: 0 }), 'size'],
    [evidenceFileDocument({ size: 1.5 }), 'size'],
    [evidenceFileDocument({ size: '48213' }), 'size'],
    [evidenceFileDocument({ registeredAt: AT.toISOString() }), 'registeredAt'],
  ];
  for (const [document, path] of cases) {
    const error = await refused(t, worldState, CAST.bankAOfficer, 'EVIDENCE_INVALID', (ctx) => contract.RegisterEvidence(ctx, json(document)));
    const problems = (error.details as { problems: Array<{ path: string }> }).problems;
    t.true(problems.some((problem) => problem.path === path), `${path} in ${JSON.stringify(problems)}`);
  }
  await refused(t, worldState, CAST.bankAOfficer, 'EVIDENCE_INVALID', (ctx) => contract.RegisterEvidence(ctx, '{"investorId":'));
  await refused(t, worldState, CAST.bankAOfficer, 'EVIDENCE_INVALID', (ctx) => contract.RegisterEvidence(ctx, '[]'));
  await refused(t, worldState, CAST.bankAOfficer, 'ARGUMENT_EMPTY', (ctx) => contract.RegisterEvidence(ctx, ''));
});

test('officers of the investor bank and the regulator read the files; another bank and other roles are refused', async (t) => {
  const worldState = await ledgerWithInvestors();
  const record = await register(worldState);
  await register(worldState, evidenceFileDocument({ fileId: 'LEGAL-1', kind: 'legal', contentHash: 'e3'.repeat(32) }));
  t.deepEqual(await get(worldState, CAST.regulator), record);
  t.deepEqual((await list(worldState, CAST.regulator)).records.map((file) => file.fileId), ['KYC-A-0001', 'LEGAL-1']);
  const first = await list(worldState, CAST.bankAOfficer, '1');
  const second = await list(worldState, CAST.bankAOfficer, '1', first.bookmark);
  t.deepEqual([...first.records, ...second.records].map((file) => file.kind), ['kyc', 'legal'], 'in pages, by file id');

  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.GetEvidence(ctx, INVESTORS.annaA, EVIDENCE_FILE_ID));
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.ListEvidence(ctx, INVESTORS.annaA, '10', ''));
  for (const caller of [CAST.nobody, CAST.spvAdmin]) {
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => contract.GetEvidence(ctx, INVESTORS.annaA, EVIDENCE_FILE_ID));
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => contract.ListEvidence(ctx, INVESTORS.annaA, '10', ''));
  }
  await refused(t, worldState, CAST.bankAOfficer, 'EVIDENCE_NOT_FOUND', (ctx) => contract.GetEvidence(ctx, INVESTORS.annaA, 'KYC-NONE'));
  await refused(t, worldState, CAST.bankAOfficer, 'LEDGER_ID_MALFORMED', (ctx) => contract.GetEvidence(ctx, INVESTORS.annaA, 'a b'));
  await refused(t, worldState, CAST.bankAOfficer, 'INVESTOR_NOT_FOUND', (ctx) => contract.ListEvidence(ctx, 'INV-NOBODY', '10', ''));
  await refused(t, worldState, CAST.bankAOfficer, 'PAGE_SIZE_INVALID', (ctx) => contract.ListEvidence(ctx, INVESTORS.annaA, '0', ''));
  await refused(t, worldState, CAST.bankAOfficer, 'PAGE_BOOKMARK_INVALID', (ctx) => contract.ListEvidence(ctx, INVESTORS.benA, '10', first.bookmark));
  t.deepEqual((JSON.parse(await contract.ListEvidence(tx(CAST.bankAOfficer, worldState).ctx, INVESTORS.benA, '10', '')) as LedgerPage<EvidenceFileRecord>).records, [], "another investor's files are not listed");
});
