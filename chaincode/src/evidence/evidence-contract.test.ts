import '../testing/quiet-fabric-logs';
import test from 'ava';
import type { EvidenceAccessRecord } from '@trestle/compliance/src/ledger/evidence-access';
import type { LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import { accessConditionsHash, parseAccessConditions } from '@trestle/compliance/src/vault/conditions/access-conditions';
import { RoleContract } from '../roles/role-contract';
import { EVIDENCE_FILE_ID, evidenceConditions, evidenceEntry, evidenceFileDocument } from '../testing/evidence-story';
import { CAST, eventsOf, T0, tx } from '../testing/ledger-cast';
import { json } from '../testing/ledger-documents';
import { INVESTORS, ledgerWithInvestors } from '../testing/ledger-story';
import { refused } from '../testing/refusal';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { BANK_C_ADMIN, BANK_C_ERIN } from '../testing/test-identities';
import { EvidenceContract } from './evidence-contract';

const contract = new EvidenceContract();
/** BankC's share service in these tests: erin, granted `vault` by BankC's admin. */
const SERVICE = BANK_C_ERIN;

/** The story's investors, BankC's share service, and anna's KYC file registered by her bank (a grant needs a registered file). */
async function ledger(): Promise<WorldState> {
  const worldState = await ledgerWithInvestors();
  await new RoleContract().GrantRole(tx(BANK_C_ADMIN, worldState).ctx, identityIdOf(SERVICE), 'vault');
  await contract.RegisterEvidence(tx(CAST.bankAOfficer, worldState).ctx, json(evidenceFileDocument()));
  return worldState;
}

async function list(worldState: WorldState, fileId = EVIDENCE_FILE_ID, pageSize = '10', bookmark = '', reader = CAST.regulator): Promise<LedgerPage<EvidenceAccessRecord>> {
  return JSON.parse(await contract.ListEvidenceAccess(tx(reader, worldState).ctx, 'BankAMSP', INVESTORS.annaA, fileId, pageSize, bookmark)) as LedgerPage<EvidenceAccessRecord>;
}

test('a share service records a grant to an officer of the investor bank, at the transaction time, with one event', async (t) => {
  const worldState = await ledger();
  const at = new Date('2026-03-02T09:30:00.123Z');
  const transaction = tx(SERVICE, worldState, { at });
  await contract.RecordEvidenceAccess(transaction.ctx, json(evidenceEntry(CAST.bankAOfficer, 'compliance-officer', { shareIndex: 3 })));
  const [record] = (await list(worldState)).records;
  t.deepEqual(record, {
    txId: transaction.ctx.stub.getTxID(),
    at: at.toISOString(),
    answeringMsp: 'BankCMSP',
    answeredBy: identityIdOf(SERVICE),
    shareIndex: 3,
    requester: { identityId: identityIdOf(CAST.bankAOfficer), mspId: 'BankAMSP', role: 'compliance-officer' },
    fileId: EVIDENCE_FILE_ID,
    investorId: INVESTORS.annaA,
    bankMsp: 'BankAMSP',
    conditionsHash: accessConditionsHash(parseAccessConditions(evidenceConditions())),
    dataHash: 'cd'.repeat(32),
    outcome: 'granted',
    reason: `A compliance-officer of BankAMSP may open file ${EVIDENCE_FILE_ID}.`,
  });
  t.deepEqual(eventsOf(transaction).map((event) => [event.name, event.envelope.payload]), [['EvidenceAccessRecorded', record]]);
});

test('a grant needs the file registered for the conditions\' investor and bank with the same data hash; the refusal is still recorded', async (t) => {
  const worldState = await ledger();
  const unregistered = { ...evidenceEntry(CAST.bankAOfficer, 'compliance-officer'), conditions: evidenceConditions('KYC-A-0099') };
  await refused(t, worldState, SERVICE, 'EVIDENCE_GRANT_UNFOUNDED', (ctx) => contract.RecordEvidenceAccess(ctx, json(unregistered)));
  await refused(t, worldState, SERVICE, 'EVIDENCE_GRANT_UNFOUNDED', (ctx) => contract.RecordEvidenceAccess(ctx, json(evidenceEntry(CAST.bankAOfficer, 'compliance-officer', { dataHash: 'ab'.repeat(32) }))));
  await contract.RecordEvidenceAccess(tx(SERVICE, worldState, { at: T0 }).ctx, json({ ...unregistered, outcome: 'refused', reason: 'The file is not registered on the ledger.' }));
  t.deepEqual((await list(worldState, 'KYC-A-0099')).records.map((record) => record.outcome), ['refused']);
});

test('a refusal of an officer of another bank is recorded too, and every attempt keeps its own record', async (t) => {
  const worldState = await ledger();
  const refusal = evidenceEntry(CAST.bankBOfficer, 'compliance-officer', { outcome: 'refused', reason: `Only BankAMSP or a regulator may open file ${EVIDENCE_FILE_ID}.` });
  await contract.RecordEvidenceAccess(tx(SERVICE, worldState, { at: T0 }).ctx, json(refusal));
  await contract.RecordEvidenceAccess(tx(SERVICE, worldState, { at: T0 }).ctx, json(refusal));
  const page = await list(worldState);
  t.deepEqual(page.records.map((record) => [record.outcome, record.requester.mspId]), [['refused', 'BankBMSP'], ['refused', 'BankBMSP']]);
});

test('a grant the ledger does not back is EVIDENCE_GRANT_UNFOUNDED and writes nothing', async (t) => {
  const worldState = await ledger();
  const unfounded = [
    evidenceEntry(CAST.bankBOfficer, 'compliance-officer'),
    evidenceEntry(CAST.nobody, 'compliance-officer'),
    evidenceEntry(CAST.bankAOfficer, 'regulator'),
    evidenceEntry(CAST.bankAOfficer, 'operator'),
  ];
  for (const entry of unfounded) await refused(t, worldState, SERVICE, 'EVIDENCE_GRANT_UNFOUNDED', (ctx) => contract.RecordEvidenceAccess(ctx, json(entry)));
});

test('only a vault share service records: officers, the regulator and members without the role are refused', async (t) => {
  const worldState = await ledger();
  const entry = json(evidenceEntry(CAST.bankAOfficer, 'compliance-officer'));
  for (const caller of [CAST.bankAOfficer, CAST.regulator, CAST.nobody, CAST.spvAdmin]) {
    await refused(t, worldState, caller, 'CALLER_LACKS_ROLE', (ctx) => contract.RecordEvidenceAccess(ctx, entry));
  }
});

test('malformed entries are EVIDENCE_ACCESS_INVALID listing each problem, and write nothing', async (t) => {
  const worldState = await ledger();
  const good = evidenceEntry(CAST.bankAOfficer, 'compliance-officer');
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...good, dataHash: 'AB'.repeat(32) }, 'dataHash'],
    [{ ...good, outcome: 'maybe' }, 'outcome'],
    [{ ...good, shareIndex: 0 }, 'shareIndex'],
    [{ ...good, shareIndex: 256 }, 'shareIndex'],
    [{ ...good, reason: '' }, 'reason'],
    [{ ...good, requester: { ...(good.requester as object), role: 'boss' } }, 'requester.role'],
    [{ ...good, conditions: { ...evidenceConditions(), vault: 'other' } }, 'conditions.vault'],
    [{ ...good, conditions: { ...evidenceConditions(), allowedRoles: [] } }, 'conditions.allowedRoles'],
    [{ ...good, extra: 1 }, 'extra'],
  ];
  for (const [entry, path] of cases) {
    const error = await refused(t, worldState, SERVICE, 'EVIDENCE_ACCESS_INVALID', (ctx) => contract.RecordEvidenceAccess(ctx, json(entry)));
    const problems = (error.details as { problems: Array<{ path: string }> }).problems;
    t.true(problems.some((problem) => problem.path === path), `${path} in ${JSON.stringify(problems)}`);
  }
  await refused(t, worldState, SERVICE, 'ARGUMENT_EMPTY', (ctx) => contract.RecordEvidenceAccess(ctx, ''));
  await refused(t, worldState, SERVICE, 'EVIDENCE_ACCESS_INVALID', (ctx) => contract.RecordEvidenceAccess(ctx, '{"conditions":'));
});

test('the list covers one file or every file of the investor, in pages, for officers of the investor bank and the regulator', async (t) => {
  const worldState = await ledger();
  await contract.RegisterEvidence(tx(CAST.bankAOfficer, worldState).ctx, json(evidenceFileDocument({ fileId: 'KYC-A-0002', contentHash: 'e2'.repeat(32) })));
  const other = { ...evidenceEntry(CAST.regulator, 'regulator'), conditions: evidenceConditions('KYC-A-0002') };
  await contract.RecordEvidenceAccess(tx(SERVICE, worldState, { at: T0 }).ctx, json(evidenceEntry(CAST.bankAOfficer, 'compliance-officer')));
  await contract.RecordEvidenceAccess(tx(SERVICE, worldState, { at: new Date(T0.getTime() + 1000) }).ctx, json(evidenceEntry(CAST.regulator, 'regulator')));
  await contract.RecordEvidenceAccess(tx(SERVICE, worldState, { at: T0 }).ctx, json(other));
  t.is((await list(worldState, EVIDENCE_FILE_ID, '10', '', CAST.bankAOfficer)).records.length, 2);
  t.deepEqual((await list(worldState, '')).records.map((record) => record.fileId), [EVIDENCE_FILE_ID, EVIDENCE_FILE_ID, 'KYC-A-0002']);
  const first = await list(worldState, EVIDENCE_FILE_ID, '1');
  const second = await list(worldState, EVIDENCE_FILE_ID, '1', first.bookmark);
  t.deepEqual([...first.records, ...second.records].map((record) => record.requester.role), ['compliance-officer', 'regulator'], 'oldest first');

  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.ListEvidenceAccess(ctx, 'BankAMSP', INVESTORS.annaA, '', '10', ''));
  await refused(t, worldState, SERVICE, 'CALLER_LACKS_ROLE', (ctx) => contract.ListEvidenceAccess(ctx, 'BankAMSP', INVESTORS.annaA, '', '10', ''));
  await refused(t, worldState, CAST.regulator, 'LEDGER_ID_MALFORMED', (ctx) => contract.ListEvidenceAccess(ctx, 'BankAMSP', INVESTORS.annaA, 'a b', '10', ''));
  await refused(t, worldState, CAST.regulator, 'PAGE_BOOKMARK_INVALID', (ctx) => contract.ListEvidenceAccess(ctx, 'BankAMSP', INVESTORS.annaA, 'KYC-A-0002', '10', first.bookmark));
});
