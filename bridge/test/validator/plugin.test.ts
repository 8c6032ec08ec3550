import test from 'ava';
import { OPENAPI_SPEC, type BridgeApiServer, type BridgeMetrics } from '../../src/plugin/public-api';
import { UNITS } from '../support/fixtures';
import { hostPlugin } from './hosted-plugin';
import { sendRaw } from './rest-fuzz/raw-request';
import type { FuzzRequest } from './rest-fuzz/spec-requests';

const BASE = '/api/v1/plugins/@trestle/bridge';

let host: BridgeApiServer;
let metrics: BridgeMetrics;

test.before(async () => {
  ({ host, metrics } = await hostPlugin());
  metrics.increment('errors', 'relayer');
});

test.after.always(async () => {
  await host?.shutdown();
});

async function getJson(route: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${host.url}${BASE}${route}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The required property names of an OpenAPI component schema. */
function required(schema: keyof typeof OPENAPI_SPEC.components.schemas): string[] {
  return [...(OPENAPI_SPEC.components.schemas[schema] as { required: string[] }).required];
}

test('the plugin is served by ApiServer on 127.0.0.1 at the paths of its OpenAPI spec', async (t) => {
  t.regex(host.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  t.false(host.url.endsWith(':0'));
  t.deepEqual(Object.keys(OPENAPI_SPEC.paths).sort(), [`${BASE}/attestations/{nonce}`, `${BASE}/health`, `${BASE}/metrics`, `${BASE}/pending`, `${BASE}/status`]);
});

test('status answers with the StatusV1 shape and says why the bridge-out waits', async (t) => {
  const { status, body } = await getJson('/status');
  t.is(status, 200);
  for (const key of required('StatusV1')) t.true(key in body, key);
  t.is(body.pendingMints, 1);
  t.regex(JSON.stringify(body.blocked), /Quorum not met: 1 of 2/);
});

test('pending answers with PendingV1 items carrying signatures and decimal amounts', async (t) => {
  const { status, body } = await getJson('/pending');
  t.is(status, 200);
  const [item] = body.items as Record<string, unknown>[];
  for (const key of required('PendingMintV1')) t.true(key in item!, key);
  t.is(item!.amount, UNITS(10n).toString());
  t.is((item!.signatures as unknown[]).length, 1);
  t.false(item!.ready);
});

test('attestations for a nonce answer with AttestationsV1; an unknown nonce has none', async (t) => {
  const known = await getJson('/attestations/1');
  t.is(known.status, 200);
  for (const key of required('AttestationsV1')) t.true(key in known.body, key);
  t.is((known.body.mint as { nonce: string }).nonce, '1');
  const unknown = await getJson('/attestations/99');
  t.deepEqual([unknown.status, unknown.body.mint, unknown.body.burns], [200, null, []]);
});

for (const bad of ['abc', '-1', '1e3', '0x10', String(2n ** 256n)]) {
  test(`a malformed nonce "${bad}" gets 400 with a typed error body`, async (t) => {
    const { status, body } = await getJson(`/attestations/${encodeURIComponent(bad)}`);
    t.is(status, 400);
    t.like(body, { name: 'TrestleError', code: 'BRIDGE_NONCE_MALFORMED' });
    t.is(typeof body.message, 'string');
  });
}

test('a nonce that is not percent-encoded UTF-8, a JSON body or a stray query parameter get a typed 400, not Express\'s HTML stack trace or an empty body', async (t) => {
  const requests: FuzzRequest[] = [
    { method: 'GET', target: `${BASE}/attestations/%E0%A4%A`, headers: {}, body: undefined },
    { method: 'GET', target: `${BASE}/status`, headers: { 'Content-Type': 'application/json' }, body: Buffer.from('{bad') },
    { method: 'GET', target: `${BASE}/attestations/1?debug=1`, headers: {}, body: undefined },
  ];
  for (const request of requests) {
    const response = await sendRaw(host.url, request, 5_000);
    t.is(response.status, 400, request.target);
    t.like(JSON.parse(response.body.toString('utf8')) as object, { name: 'TrestleError', code: 'BRIDGE_REQUEST_MALFORMED' }, request.target);
  }
  const unknown = await fetch(`${host.url}${BASE}/attestations/1/burns`);
  t.deepEqual([unknown.status, ((await unknown.json()) as { code: string }).code], [404, 'BRIDGE_ROUTE_UNKNOWN']);
});

test('health reports the EVM node and the ledger UP', async (t) => {
  const { status, body } = await getJson('/health');
  t.is(status, 200);
  t.deepEqual(body, { status: 'UP', checks: { evm: 'UP', ledger: 'UP' } });
});

test('metrics parse as Prometheus text with the bridge counters', async (t) => {
  const response = await fetch(`${host.url}${BASE}/metrics`);
  t.is(response.status, 200);
  t.regex(response.headers.get('content-type') ?? '', /^text\/plain/);
  const samples = new Map<string, number>();
  const types = new Map<string, string>();
  for (const line of (await response.text()).split('\n')) {
    if (line === '') continue;
    const typeLine = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)$/.exec(line);
    if (typeLine) types.set(typeLine[1]!, typeLine[2]!);
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})?) (-?[0-9.eE+]+)$/.exec(line);
    t.truthy(sample, `not a Prometheus sample line: ${line}`);
    samples.set(sample![1]!, Number(sample![2]));
  }
  t.is(samples.get('trestle_bridge_mints_signed_total'), 1);
  t.is(samples.get('trestle_bridge_mints_relayed_total'), 0);
  t.is(samples.get('trestle_bridge_burn_attestations_total'), 0);
  t.is(samples.get('trestle_bridge_errors_total{component="relayer"}'), 1);
  t.is(samples.get('trestle_bridge_last_processed_block'), metrics.lastProcessedBlock);
  t.is(types.get('trestle_bridge_last_processed_block'), 'gauge');
  t.is(types.get('trestle_bridge_errors_total'), 'counter');
});
