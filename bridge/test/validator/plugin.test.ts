import test from 'ava';
import { hexlify, randomBytes } from 'ethers';
import { fundedWallet } from '../../src/evm/provider';
import { BridgeMetrics, createPluginFactory, MintSigning, OPENAPI_SPEC, PluginTrestleBridge, startBridgeApiServer, type BridgeApiServer } from '../../src/plugin/public-api';
import { InMemoryAttestationLedger } from '../../src/validator/testing/in-memory-attestation-ledger';
import { PluginImportType } from '@hyperledger/cactus-core-api';
import { assetFixture, UNITS } from '../support/fixtures';
import { keystoreSigners } from './validator-keys';

const BASE = '/api/v1/plugins/@trestle/bridge';

let host: BridgeApiServer;
let metrics: BridgeMetrics;

test.before(async () => {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  const [signer] = await keystoreSigners(a.validators.slice(0, 1));
  const ledger = new InMemoryAttestationLedger(2);
  const mint = { nonce: 1n, chainId: a.chainId, token: a.suite.token, to: holder.address, amount: UNITS(10n), fabricTxId: hexlify(randomBytes(32)) };
  ledger.approve(mint);
  metrics = new BridgeMetrics();
  await new MintSigning({ signer: signer!, gateway: a.gateway, ledger, metrics }).signAndRecord(mint);
  metrics.setLastProcessedBlock(await a.provider.getBlockNumber());
  metrics.increment('errors', 'relayer');
  const factory = await createPluginFactory({ pluginImportType: PluginImportType.Local });
  const plugin: PluginTrestleBridge = await factory.create({ instanceId: 'bank-a-bridge', ledger, metrics, provider: a.provider, gateway: await a.gateway.getAddress(), validator: signer!.address });
  host = await startBridgeApiServer({ plugin, port: 0 });
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
