import test from 'ava';
import { request as httpRequest } from 'node:http';
import { OPERATION_HANDLERS } from '../handlers/operation-handlers';
import type { LedgerConnector } from '../ledger/ledger-contract';
import { castAccountStore } from '../testing/officer-cast';
import { OfficerClient } from '../testing/officer-client';
import { startHarness } from '../testing/officer-harness';
import { startOfficerServer } from './officer-server';

/** Status and body of a GET sent with a chosen Host header (fetch would not let a test set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${url}/api/v1/openapi.json`, { headers: { host } }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

test('the service listens on 127.0.0.1 only and answers only to its own Host names (DNS rebinding)', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  t.regex(harness.server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.is((await getWithHost(harness.server.url, `localhost:${harness.server.port}`)).status, 200);
  const rebound = await getWithHost(harness.server.url, 'attacker.example');
  t.is(rebound.status, 421);
  t.like(JSON.parse(rebound.body), { code: 'OFFICER_HOST_NOT_ALLOWED' });
});

test('every answer, refusals included, is no-store, nosniff and not frameable', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  for (const answer of [await harness.client().send('GET', '/api/v1/openapi.json'), await harness.client().send('GET', '/api/v1/session'), await harness.client().send('GET', '/nope')]) {
    t.is(answer.headers.get('cache-control'), 'no-store');
    t.is(answer.headers.get('x-content-type-options'), 'nosniff');
    t.is(answer.headers.get('x-frame-options'), 'DENY');
    t.regex(answer.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    t.is(answer.headers.get('content-type'), 'application/json; charset=utf-8');
  }
});

test('a ledger that fails without a typed refusal gives OFFICER_LEDGER_UNAVAILABLE (502); its message stays in the log', async (t) => {
  const broken: LedgerConnector = {
    ledgerFor: async () => ({
      contract: () => ({
        evaluateTransaction: async () => {
          throw new Error('14 UNAVAILABLE: connect ECONNREFUSED peer0.banka:7051');
        },
        submitTransaction: async () => new Uint8Array(),
        createTransaction: () => {
          throw new Error('unused');
        },
      }),
    }),
    close: async () => {},
  };
  const logs: string[] = [];
  const server = await startOfficerServer({ accounts: await castAccountStore(), ledger: broken, log: (line) => logs.push(line) });
  t.teardown(server.close);
  const alice = new OfficerClient(server.url);
  t.is((await alice.login('alice')).status, 200);
  const answer = await alice.send('GET', '/api/v1/pending/transfers');
  t.is(answer.status, 502);
  t.like(answer.body, { code: 'OFFICER_LEDGER_UNAVAILABLE', details: {} });
  t.false(answer.text.includes('ECONNREFUSED'), 'no internals reach the browser');
  t.true(logs.some((line) => line.includes('ECONNREFUSED')));
});

test('a connection that cannot be opened for the officer and a handler that crashes give typed 502 and 500', async (t) => {
  const unreachable: LedgerConnector = { ledgerFor: async () => Promise.reject(new Error('no identity labelled alice in the wallet')), close: async () => {} };
  const logs: string[] = [];
  const server = await startOfficerServer({ accounts: await castAccountStore(), ledger: unreachable, log: (line) => logs.push(line) });
  t.teardown(server.close);
  const alice = new OfficerClient(server.url);
  await alice.login('alice');
  t.like((await alice.send('GET', '/api/v1/pending/transfers')).body, { code: 'OFFICER_LEDGER_UNAVAILABLE' });
  t.true(logs.some((line) => line.includes('no identity labelled alice')));

  const crashing = await startOfficerServer({
    accounts: await castAccountStore(),
    ledger: unreachable,
    log: (line) => logs.push(line),
    handlers: { ...OPERATION_HANDLERS, getSession: async () => Promise.reject(new TypeError('boom')) },
  });
  t.teardown(crashing.close);
  const bob = new OfficerClient(crashing.url);
  await bob.login('bob');
  const answer = await bob.send('GET', '/api/v1/session');
  t.is(answer.status, 500);
  t.deepEqual(answer.body, { code: 'OFFICER_INTERNAL_ERROR', message: 'The service failed on this request; the operator can find it in the service log.', details: {} });
});
