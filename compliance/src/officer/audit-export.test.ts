import test from 'ava';
import { request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { startHarness, type Harness } from './testing/officer-harness';

const PERIOD = 'from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

type Search = { records: Array<{ action: string; transferId: string | null; reason: string | null }>; complete: boolean; bookmark: string; scanned: number };

/** Three requests; alice approves T-1 and rejects T-2 with a reason a spreadsheet would run. */
async function trail(): Promise<Harness> {
  const harness = await startHarness();
  for (const id of ['T-1', 'T-2', 'T-3']) await request(harness.worldState, transferRequest(id, 5_000n));
  const alice = await harness.as('alice');
  harness.clock.advance(60);
  await alice.send('POST', '/api/v1/transfers/T-1/approve', { json: { reason: 'checked' } });
  harness.clock.advance(60);
  const rejected = await alice.send('POST', '/api/v1/transfers/T-2/reject', { json: { reason: FORMULA } });
  if (rejected.status !== 200) throw new Error(rejected.text);
  return harness;
}

test('audit search filters a period by action, transfer and investor', async (t) => {
  const harness = await trail();
  t.teardown(harness.close);
  const carol = await harness.as('carol');
  const search = async (query: string) => (await carol.send('GET', `/api/v1/audit?${PERIOD}${query}`)).body as Search;
  t.deepEqual((await search('')).records.map((r) => [r.action, r.transferId]), [
    ['transfer-requested', 'T-1'],
    ['transfer-requested', 'T-2'],
    ['transfer-requested', 'T-3'],
    ['transfer-approved', 'T-1'],
    ['transfer-rejected', 'T-2'],
  ]);
  t.deepEqual((await search('&action=transfer-rejected')).records.map((r) => r.reason), [FORMULA]);
  t.deepEqual((await search('&transferId=T-1')).records.map((r) => r.action), ['transfer-requested', 'transfer-approved']);
  t.is((await search('&investorId=INV-B-0001')).records.length, 5);
  t.is((await search('&actorMsp=BankBMSP')).records.length, 0);
  const empty = await carol.send('GET', '/api/v1/audit?from=2027-01-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z');
  t.is(empty.status, 400);
  t.like(empty.body, { code: 'AUDIT_PERIOD_INVALID' }, "the chaincode's check of the period comes back typed");
});

test('a search stops at its limit with a bookmark that continues exactly where it stopped', async (t) => {
  const harness = await trail();
  t.teardown(harness.close);
  const rita = await harness.as('rita');
  const first = (await rita.send('GET', `/api/v1/audit?${PERIOD}&limit=2`)).body as Search;
  t.is(first.records.length, 2);
  t.false(first.complete);
  const rest = (await rita.send('GET', `/api/v1/audit?${PERIOD}&bookmark=${encodeURIComponent(first.bookmark)}`)).body as Search;
  t.true(rest.complete);
  t.is(rest.bookmark, '');
  t.deepEqual([...first.records, ...rest.records].map((r) => r.action), ['transfer-requested', 'transfer-requested', 'transfer-requested', 'transfer-approved', 'transfer-rejected']);
});

test('the CSV export is an attachment with every field quoted and the formula in a reason neutralised', async (t) => {
  const harness = await trail();
  t.teardown(harness.close);
  const answer = await (await harness.as('rita')).send('GET', `/api/v1/audit/export.csv?${PERIOD}&action=transfer-rejected`);
  t.is(answer.status, 200);
  t.is(answer.headers.get('content-type'), 'text/csv; charset=utf-8');
  t.is(answer.headers.get('content-disposition'), 'attachment; filename="trestle-audit-20260101T000000000Z-20270101T000000000Z.csv"');
  t.is(answer.headers.get('x-trestle-complete'), 'true');
  t.is(answer.headers.get('cache-control'), 'no-store');
  const lines = answer.text.split('\r\n');
  t.is(lines.length, 3);
  t.true(lines[1]?.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), lines[1]);
});
