import test from 'ava';
import type { Context } from 'fabric-contract-api';
import type { TrestleErrorCode } from '@trestle/compliance/src/errors/error-code';
import type { HistoryEntry, LedgerPage } from '@trestle/compliance/src/ledger/ledger-page';
import { MAX_NAME_CHARS } from '@trestle/compliance/src/ledger/ledger-limits';
import type { Spv } from '@trestle/compliance/src/ledger/spv';
import { CAST, castLedger, eventsOf, T0, tx } from '../testing/ledger-cast';
import { json, SPV_ID, spvDocument } from '../testing/ledger-documents';
import { refused } from '../testing/refusal';
import { identityIdOf, type WorldState } from '../testing/stub-context';
import { sortedJson } from '../support/sorted-json';
import { SpvContract } from './spv-contract';

const contract = new SpvContract();
const T1 = new Date('2026-03-05T08:00:00.000Z');

async function ledgerWithSpv(): Promise<WorldState> {
  const worldState = await castLedger();
  await contract.RegisterSpv(tx(CAST.spvAdmin, worldState, { txId: 'tx-register' }).ctx, json(spvDocument()));
  return worldState;
}

async function readSpv(worldState: WorldState, id = SPV_ID): Promise<Spv> {
  return JSON.parse(await contract.GetSpv(tx(CAST.regulator, worldState).ctx, id)) as Spv;
}

test('an spv-admin registers an SPV administered by their own bank, stored as sorted JSON with one SpvRegistered event', async (t) => {
  const worldState = await castLedger();
  const registration = tx(CAST.spvAdmin, worldState);
  await contract.RegisterSpv(registration.ctx, json(spvDocument()));

  const key = registration.stub.createCompositeKey('spv', [SPV_ID]);
  const stored = Buffer.from(worldState.get(key) ?? []).toString('utf8');
  const spv = JSON.parse(stored) as Spv;
  t.is(stored, sortedJson(spv), 'sorted keys, no whitespace');
  t.like(spv, { spvId: SPV_ID, administeringBankMsp: 'BankAMSP', jurisdiction: 'CH', registeredAt: T0.toISOString(), registeredBy: identityIdOf(CAST.spvAdmin) });
  t.is(spv.documents.length, 2);
  t.deepEqual(eventsOf(registration), [{ name: 'SpvRegistered', envelope: { type: 'SpvRegistered', payload: spv as unknown as Record<string, unknown> } }]);
});

test('only an spv-admin may register an SPV; an org admin or an officer without the role is refused', async (t) => {
  const worldState = await castLedger();
  for (const identity of [CAST.nobody, CAST.bankAOfficer, CAST.appraiser, CAST.regulator]) {
    await refused(t, worldState, identity, 'CALLER_LACKS_ROLE', (ctx) => contract.RegisterSpv(ctx, json(spvDocument())));
  }
});

test('an SPV id can be registered once', async (t) => {
  const worldState = await ledgerWithSpv();
  await refused(t, worldState, CAST.spvAdmin, 'SPV_ALREADY_REGISTERED', (ctx) => contract.RegisterSpv(ctx, json(spvDocument({ legalName: 'Other AG' }))));
  // Also from another bank's administrator: ids are global.
  await refused(t, worldState, CAST.bankBOfficer, 'SPV_ALREADY_REGISTERED', (ctx) => contract.RegisterSpv(ctx, json(spvDocument())));
});

test('malformed SPV documents are SPV_INVALID or ARGUMENT_EMPTY and write nothing', async (t) => {
  const worldState = await castLedger();
  const documents = spvDocument().documents as Array<Record<string, unknown>>;
  const cases: Array<[TrestleErrorCode, unknown]> = [
    ['ARGUMENT_EMPTY', ''],
    ['ARGUMENT_EMPTY', undefined],
    ['SPV_INVALID', 42],
    ['SPV_INVALID', '{"spvId":'],
    ['SPV_INVALID', '[]'],
    ['SPV_INVALID', json(spvDocument({ jurisdiction: 41 }))],
    ['SPV_INVALID', json(spvDocument({ jurisdiction: 'XK' }))],
    ['SPV_INVALID', json(spvDocument({ legalName: 'x'.repeat(MAX_NAME_CHARS + 1) }))],
    ['SPV_INVALID', json(spvDocument({ legalName: 'ACME\nAG' }))],
    ['SPV_INVALID', json(spvDocument({ spvId: 'SPV 1' }))],
    ['SPV_INVALID', json(spvDocument({ spvId: 'x'.repeat(129) }))],
    ['SPV_INVALID', json(spvDocument({ registrationNumber: '' }))],
    ['SPV_INVALID', json(spvDocument({ documents: [{ ...documents[0], sha256: 'AB'.repeat(32) }] }))],
    ['SPV_INVALID', json(spvDocument({ documents: [{ ...documents[0], uri: 'no scheme here' }] }))],
    ['SPV_INVALID', json(spvDocument({ documents: [documents[0], { ...documents[1], sha256: (documents[0] as { sha256: string }).sha256 }] }))],
    ['SPV_INVALID', json(spvDocument({ documents: Array.from({ length: 33 }, (_, i) => ({ ...documents[0], sha256: i.toString(16).padStart(64, '0') })) }))],
    ['SPV_INVALID', json(spvDocument({ owner: 'someone' }))],
    ['SPV_INVALID', 'x'.repeat(70_000)],
  ];
  for (const [code, document] of cases) await refused(t, worldState, CAST.spvAdmin, code, (ctx) => contract.RegisterSpv(ctx, document as string));
});

test('every problem of an SPV document is listed with its path, none echoing the value', async (t) => {
  const worldState = await castLedger();
  const error = await refused(t, worldState, CAST.spvAdmin, 'SPV_INVALID', (ctx) =>
    contract.RegisterSpv(ctx, json(spvDocument({ jurisdiction: 'Switzerland', trustee: undefined, documents: [{ kind: 'Deed!', sha256: 'secret-value', uri: 'https://x' }] }))),
  );
  const problems = (error.details?.problems ?? []) as Array<{ path: string; problem: string }>;
  t.deepEqual(problems.map((p) => p.path), ['jurisdiction', 'trustee', 'documents[0].kind', 'documents[0].sha256']);
  t.false(error.message.includes('secret-value'));
});

test('the administering bank\'s spv-admin updates an SPV; registration stays, the update is stamped', async (t) => {
  const worldState = await ledgerWithSpv();
  const update = tx(CAST.spvAdmin, worldState, { at: T1 });
  await contract.UpdateSpv(update.ctx, json(spvDocument({ trustee: 'Neue Treuhand AG' })));
  const spv = await readSpv(worldState);
  t.like(spv, { trustee: 'Neue Treuhand AG', registeredAt: T0.toISOString(), updatedAt: T1.toISOString(), administeringBankMsp: 'BankAMSP' });
  t.deepEqual(eventsOf(update).map((event) => event.name), ['SpvUpdated']);
});

test('another bank\'s spv-admin cannot update the SPV, nor can anyone update an unknown one', async (t) => {
  const worldState = await ledgerWithSpv();
  await refused(t, worldState, CAST.bankBOfficer, 'CALLER_OF_OTHER_BANK', (ctx) => contract.UpdateSpv(ctx, json(spvDocument({ trustee: 'Hijack AG' }))));
  await refused(t, worldState, CAST.bankAOfficer, 'CALLER_LACKS_ROLE', (ctx) => contract.UpdateSpv(ctx, json(spvDocument())));
  await refused(t, worldState, CAST.spvAdmin, 'SPV_NOT_FOUND', (ctx) => contract.UpdateSpv(ctx, json(spvDocument({ spvId: 'SPV-UNKNOWN' }))));
  await refused(t, worldState, CAST.spvAdmin, 'SPV_INVALID', (ctx) => contract.UpdateSpv(ctx, json(spvDocument({ documents: 'none' }))));
});

test('every consortium role reads an SPV; an identity with no role cannot', async (t) => {
  const worldState = await ledgerWithSpv();
  for (const reader of [CAST.spvAdmin, CAST.bankBOfficer, CAST.appraiser, CAST.regulator]) {
    t.is((JSON.parse(await contract.GetSpv(tx(reader, worldState).ctx, SPV_ID)) as Spv).spvId, SPV_ID);
  }
  const cases: Array<[TrestleErrorCode, Parameters<typeof refused>[2], (ctx: Context) => Promise<unknown>]> = [
    ['CALLER_LACKS_ROLE', CAST.nobody, (ctx) => contract.GetSpv(ctx, SPV_ID)],
    ['SPV_NOT_FOUND', CAST.regulator, (ctx) => contract.GetSpv(ctx, 'SPV-NONE')],
    ['LEDGER_ID_MALFORMED', CAST.regulator, (ctx) => contract.GetSpv(ctx, 'SPV\u0000ZH')],
    ['ARGUMENT_EMPTY', CAST.regulator, (ctx) => contract.GetSpv(ctx, '')],
    ['CALLER_LACKS_ROLE', CAST.nobody, (ctx) => contract.GetSpvHistory(ctx, SPV_ID)],
    ['SPV_NOT_FOUND', CAST.regulator, (ctx) => contract.GetSpvHistory(ctx, 'SPV-NONE')],
  ];
  for (const [code, identity, submit] of cases) await refused(t, worldState, identity, code, submit);
});

test('ListSpvs pages through every SPV in id order', async (t) => {
  const worldState = await castLedger();
  for (const id of ['SPV-C', 'SPV-A', 'SPV-B']) await contract.RegisterSpv(tx(CAST.spvAdmin, worldState).ctx, json(spvDocument({ spvId: id })));
  const seen: string[][] = [];
  let bookmark = '';
  do {
    const page = JSON.parse(await contract.ListSpvs(tx(CAST.appraiser, worldState).ctx, '2', bookmark)) as LedgerPage<Spv>;
    seen.push(page.records.map((spv) => spv.spvId));
    t.is(page.fetchedRecordsCount, page.records.length);
    bookmark = page.bookmark;
  } while (bookmark !== '');
  t.deepEqual(seen, [['SPV-A', 'SPV-B'], ['SPV-C']]);
});

test('ListSpvs refuses page sizes outside 1 to 100 and bookmarks it did not hand out', async (t) => {
  const worldState = await ledgerWithSpv();
  for (const size of ['0', '101', '-1', '1.5', 'ten', '007', '', ' 5']) {
    await refused(t, worldState, CAST.regulator, 'PAGE_SIZE_INVALID', (ctx) => contract.ListSpvs(ctx, size, ''));
  }
  const foreign = tx(CAST.regulator, worldState).stub.createCompositeKey('investor~bank', ['BankAMSP', 'x']);
  await refused(t, worldState, CAST.regulator, 'PAGE_BOOKMARK_INVALID', (ctx) => contract.ListSpvs(ctx, '10', foreign));
  await refused(t, worldState, CAST.regulator, 'PAGE_BOOKMARK_INVALID', (ctx) => contract.ListSpvs(ctx, '10', 42 as unknown as string));
  await refused(t, worldState, CAST.nobody, 'CALLER_LACKS_ROLE', (ctx) => contract.ListSpvs(ctx, '10', ''));
});

test('GetSpvHistory returns each version newest first with its transaction', async (t) => {
  const worldState = await ledgerWithSpv();
  await contract.UpdateSpv(tx(CAST.spvAdmin, worldState, { at: T1, txId: 'tx-update' }).ctx, json(spvDocument({ trustee: 'Neue Treuhand AG' })));
  const history = JSON.parse(await contract.GetSpvHistory(tx(CAST.regulator, worldState).ctx, SPV_ID)) as Array<HistoryEntry<Spv>>;
  t.deepEqual(
    history.map((entry) => [entry.txId, entry.timestamp, entry.isDelete, entry.record?.trustee]),
    [
      ['tx-update', T1.toISOString(), false, 'Neue Treuhand AG'],
      ['tx-register', T0.toISOString(), false, 'Treuhand Muster AG'],
    ],
  );
});
