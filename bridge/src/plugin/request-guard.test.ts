import test from 'ava';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLUGIN_BASE_PATH, pluginRequestGuard, type GuardedSpec } from './request-guard';

const SPEC: GuardedSpec = {
  paths: {
    [`${PLUGIN_BASE_PATH}/things/{id}`]: { get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path' }, { name: 'view', in: 'query' }] } },
    [`${PLUGIN_BASE_PATH}/things`]: { post: { operationId: 'addThing', requestBody: {} } },
  },
};

// The guard in front of a handler that answers 200 "passed": what it refuses never gets there.
async function guarded(): Promise<{ server: Server; port: number }> {
  const guard = pluginRequestGuard(SPEC);
  const server = createServer((req, res) => guard(req, res, () => res.end('passed')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function send(port: number, method: string, path: string, body?: string): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers: body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body: text }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

test('requests the spec describes, OPTIONS and paths outside the plugin pass; the rest get a typed error', async (t) => {
  const { server, port } = await guarded();
  try {
    const expect = async (method: string, path: string, status: number, code?: string, body?: string) => {
      const response = await send(port, method, path, body);
      t.is(response.status, status, `${method} ${path}`);
      if (code === undefined) t.is(response.body, 'passed');
      else t.like(JSON.parse(response.body) as object, { name: 'TrestleError', code });
      return response;
    };
    await expect('GET', `${PLUGIN_BASE_PATH}/things/7?view=short`, 200);
    await expect('GET', `${PLUGIN_BASE_PATH}/things/not-a-number`, 200); // values are the endpoint's to judge
    await expect('POST', `${PLUGIN_BASE_PATH}/things`, 200, undefined, '{"a":1}');
    await expect('OPTIONS', `${PLUGIN_BASE_PATH}/things/7`, 200);
    await expect('GET', '/api/v1/api-server/healthcheck?x=1', 200);
    await expect('GET', `${PLUGIN_BASE_PATH}/things/7/`, 404, 'BRIDGE_ROUTE_UNKNOWN');
    await expect('GET', `${PLUGIN_BASE_PATH}/nothing`, 404, 'BRIDGE_ROUTE_UNKNOWN');
    t.is((await expect('DELETE', `${PLUGIN_BASE_PATH}/things/7`, 405, 'BRIDGE_ROUTE_UNKNOWN')).allow, 'GET');
    await expect('GET', `${PLUGIN_BASE_PATH}/things/%E0%A4%A`, 400, 'BRIDGE_REQUEST_MALFORMED');
    await expect('GET', `${PLUGIN_BASE_PATH}/things/7?view=short&debug=1`, 400, 'BRIDGE_REQUEST_MALFORMED');
    await expect('GET', `${PLUGIN_BASE_PATH}/things/7`, 400, 'BRIDGE_REQUEST_MALFORMED', '{bad');
  } finally {
    server.close();
  }
});
