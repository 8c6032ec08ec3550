import test from 'ava';
import { request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { sendRaw } from '../../testing/rest-fuzz/raw-request';
import { startHarness } from '../testing/officer-harness';
import { MAX_BODY_BYTES } from './read-body';

// Found by officer-fuzz.test.ts: a body announced (Content-Length) past the drain limit, 16 times
// MAX_BODY_BYTES, had its connection cut with no answer. It now gets the typed 413 at once, its body
// unread, and the connection closes after the answer.

test('a body announced past the drain limit gets 413 OFFICER_BODY_TOO_LARGE, then the connection closes, with the ledger unchanged', async (t) => {
  const harness = await startHarness();
  t.teardown(() => harness.close());
  await request(harness.worldState, transferRequest('T-FLOOD', 5_000n));
  const alice = await harness.as('alice');
  const before = harness.snapshot();
  const body = Buffer.from(JSON.stringify({ reason: 'x'.repeat(3 * 1024 * 1024) }));
  t.true(body.length > 16 * MAX_BODY_BYTES);
  const answer = await sendRaw(
    harness.server.url,
    { method: 'POST', target: '/api/v1/transfers/T-FLOOD/approve', headers: { 'Content-Type': 'application/json', Cookie: alice.cookie ?? '', 'X-CSRF-Token': alice.csrfToken ?? '' }, body },
    5_000,
  );
  t.is(answer.status, 413);
  t.like(JSON.parse(answer.body.toString('utf8')), { code: 'OFFICER_BODY_TOO_LARGE', details: { limitBytes: MAX_BODY_BYTES } });
  t.is(answer.headers.connection, 'close');
  t.deepEqual(harness.snapshot(), before);
});
