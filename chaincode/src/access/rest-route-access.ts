// Who may call each REST route of the bridge plugin (bridge/src/plugin/openapi.json), written by
// hand and compared with the spec by rest-route-access.test.ts. Today every route is a read-only
// status route served without authentication: bridge/src/plugin/api-server-host.ts binds the
// Cactus ApiServer to 127.0.0.1 with authorization off, so anyone on that host may call them and
// nobody else can reach them, and none answers with a key, password or share. A route that takes
// a body, changes state or carries secrets needs a row of its own kind here first.

/** The access of a route that needs none: loopback only, nothing secret in the answer. */
export const PUBLIC_ON_LOOPBACK = 'public on 127.0.0.1 (no secrets)';

/** One route: method, path as the spec writes it, who may call it and what it answers. */
export type RestRouteAccess = { readonly method: 'GET'; readonly path: string; readonly access: typeof PUBLIC_ON_LOOPBACK; readonly answers: string };

const BASE = '/api/v1/plugins/@trestle/bridge';

/** Every route of the bridge plugin. */
export const REST_ACCESS_MATRIX: readonly RestRouteAccess[] = [
  { method: 'GET', path: `${BASE}/status`, access: PUBLIC_ON_LOOPBACK, answers: 'gateway, validator and watcher state; why each blocked bridge-out waits' },
  { method: 'GET', path: `${BASE}/pending`, access: PUBLIC_ON_LOOPBACK, answers: 'approved bridge-outs not yet minted, with their signatures' },
  { method: 'GET', path: `${BASE}/attestations/{nonce}`, access: PUBLIC_ON_LOOPBACK, answers: 'Mint signatures and burn attestations recorded for a nonce' },
  { method: 'GET', path: `${BASE}/health`, access: PUBLIC_ON_LOOPBACK, answers: 'whether the EVM node and the ledger answer' },
  { method: 'GET', path: `${BASE}/metrics`, access: PUBLIC_ON_LOOPBACK, answers: 'Prometheus counters of the bridge' },
];
