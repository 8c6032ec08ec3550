import test from 'ava';
import { request as httpRequest } from 'node:http';
import { request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { sendRaw } from '../../testing/rest-fuzz/raw-request';
import { startHarness } from '../testing/officer-harness';
import { MAX_BODY_BYTES } from './read-body';

// Found by officer-fuzz.test.ts: a body announced (Content-Length) past the drain limit, 16 times
// MAX_BODY_BYTES, had its connection cut with no answer. It now gets the typed 413 at once, its body
// unread, and the connection closes after the answer. A chunked body (no length) past the limit was
// cut the same way once found while reading; it is answered alike.

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

/** POSTs `total` bytes as a chunked body (no Content-Length) and resolves with the answer, ignoring the write errors of a server that stopped reading. */
function sendChunkedFlood(origin: string, target: string, headers: Record<string, string>, total: number): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: hostname, port, method: 'POST', path: target, headers: { ...headers, 'Transfer-Encoding': 'chunked' }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('no response within 10 s')));
    outgoing.on('error', () => undefined);
    const piece = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += piece.length;
        if (!outgoing.write(piece)) return void outgoing.once('drain', pump);
      }
      outgoing.end();
    };
    outgoing.write('{"reason":"');
    pump();
  });
}

test('a chunked body that runs past the drain limit gets 413 OFFICER_BODY_TOO_LARGE too, then the connection closes, with the ledger unchanged', async (t) => {
  const harness = await startHarness();
  t.teardown(() => harness.close());
  await request(harness.worldState, transferRequest('T-FLOOD', 5_000n));
  const alice = await harness.as('alice');
  const before = harness.snapshot();
  const answer = await sendChunkedFlood(
    harness.server.url,
    '/api/v1/transfers/T-FLOOD/approve',
    { 'Content-Type': 'application/json', Cookie: alice.cookie ?? '', 'X-CSRF-Token': alice.csrfToken ?? '' },
    4 * 1024 * 1024,
  );
  t.is(answer.status, 413);
  t.like(JSON.parse(answer.body), { code: 'OFFICER_BODY_TOO_LARGE', details: { limitBytes: MAX_BODY_BYTES } });
  t.is(answer.headers.connection, 'close');
  t.deepEqual(harness.snapshot(), before);
});
