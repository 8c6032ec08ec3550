import { REST_ACCESS_MATRIX } from '@trestle/chaincode/src/access/rest-route-access';
import { BridgeMetrics, createPluginFactory, startBridgeApiServer, type BridgeApiServer } from '@trestle/bridge/src/plugin/public-api';
import { PluginImportType } from '@hyperledger/cactus-core-api';
import type { JsonRpcProvider } from 'ethers';
import type { AttestationLedger } from '@trestle/bridge/src/validator/attestation-ledger';

// The bridge plugin's REST routes (chaincode/src/access/rest-route-access.ts, read at run time)
// served over a bank's REAL ledger connection: every route the matrix lists answers anyone on
// 127.0.0.1 without credentials, and what it does not list (another method on a listed path, a
// path under the plugin's base it does not serve) is refused.

/** One call and its answer, kept whole so the caller can also search it for secrets. */
export type RouteAnswer = { readonly method: string; readonly path: string; readonly status: number; readonly body: string };

/** What the plugin is hosted over. */
export type RealPluginInput = { readonly ledger: AttestationLedger; readonly provider: JsonRpcProvider; readonly gateway: string; readonly validator: string };

/** Hosts the plugin on 127.0.0.1 (a free port) over `input`; shut it down when done. */
export async function hostPluginOnRealLedger(input: RealPluginInput): Promise<BridgeApiServer> {
  const factory = await createPluginFactory({ pluginImportType: PluginImportType.Local });
  const plugin = await factory.create({ instanceId: `bridge-routes-${Date.now()}`, metrics: new BridgeMetrics(), ...input });
  return startBridgeApiServer({ plugin, port: 0 });
}

async function call(url: string, method: string, path: string): Promise<RouteAnswer> {
  const response = await fetch(`${url}${path}`, { method });
  return { method, path, status: response.status, body: await response.text() };
}

/** Every listed route called with GET (`{nonce}` filled in), and the unlisted calls: a POST on each listed path and an unknown path. */
export async function callEveryRoute(url: string, nonce: string): Promise<{ listed: RouteAnswer[]; unlisted: RouteAnswer[] }> {
  const paths = REST_ACCESS_MATRIX.map((route) => route.path.replace('{nonce}', nonce));
  const listed = await Promise.all(REST_ACCESS_MATRIX.map((route, index) => call(url, route.method, paths[index] as string)));
  const base = REST_ACCESS_MATRIX[0]?.path.replace(/\/[^/]+$/, '') ?? '';
  const unlisted = await Promise.all([...paths.map((path) => call(url, 'POST', path)), call(url, 'GET', `${base}/no-such-route`), call(url, 'DELETE', `${base}/status`)]);
  return { listed, unlisted };
}
