import test from 'ava';
import { AUDIT_ACTIONS } from '../../audit/audit-record';
import { OPERATION_HANDLERS } from '../handlers/operation-handlers';
import { startHarness } from '../testing/officer-harness';
import type { Username } from '../testing/officer-cast';
import { checkHandlersMatchSpec } from './officer-server';
import { HTTP_METHODS, loadOfficerSpec, parametersOf, type OpenApiDocument, type OperationSpec } from './openapi-document';
import { RouteTable, type Route } from './route-table';
import { SUPPORTED_KEYWORDS, type Schema } from './schema-check';

const spec = loadOfficerSpec();
const routes = new RouteTable(spec);

test('every operation of openapi.json has a handler and every handler an operation', (t) => {
  t.deepEqual(Object.keys(OPERATION_HANDLERS).sort(), routes.routes.map((route) => route.operationId).sort());
  t.notThrows(() => checkHandlersMatchSpec(routes, OPERATION_HANDLERS));
  const withoutOne = Object.fromEntries(Object.entries(OPERATION_HANDLERS).filter(([id]) => id !== 'getTransfer'));
  t.throws(() => checkHandlersMatchSpec(routes, withoutOne), { message: /without handler \[getTransfer\]/ });
  t.throws(() => checkHandlersMatchSpec(routes, { ...OPERATION_HANDLERS, deleteEverything: OPERATION_HANDLERS.login! }), { message: /without operation \[deleteEverything\]/ });
});

function filledPath(route: Route): string {
  const samples: Record<string, string> = { transferId: 'T-NONE', bridgeOutId: 'B-NONE', investorId: 'INV-A-0001', assetId: 'ZOB' };
  return route.template.replace(/\{([^}]+)\}/g, (_, name: string) => samples[name] ?? 'x');
}

function someoneWith(route: Route): Username | undefined {
  if (route.access.kind !== 'roles') return undefined;
  return route.access.roles.has('compliance-officer') ? 'alice' : 'rita';
}

test('every route of openapi.json is served: the request gets past routing to access checks, validation or the handler', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  for (const route of routes.routes) {
    const person = someoneWith(route);
    const client = person === undefined ? harness.client() : await harness.as(person);
    const answer = await client.send(route.method, filledPath(route), route.body === undefined ? {} : { json: {} });
    const code = (answer.body as { code?: string }).code;
    t.not(code, 'OFFICER_ROUTE_UNKNOWN', `${route.method} ${route.template}`);
    t.not(answer.status, 405, `${route.method} ${route.template}`);
    // The harness runs without the evidence vault and without an EVM node, whose routes then say so with a typed 503.
    if (code === 'OFFICER_VAULT_NOT_CONFIGURED' || code === 'OFFICER_EVM_NOT_CONFIGURED') continue;
    t.true(answer.status < 500, `${route.method} ${route.template} answered ${answer.status} ${answer.text}`);
  }
});

test('a path or method openapi.json does not describe is refused with a typed 404 or 405', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const alice = await harness.as('alice');
  for (const path of ['/', '/api/v1/nope', '/api/v1/transfers/T-1/approve/again', '/api/v1/session/', '/API/V1/SESSION', '/api/v2/session']) {
    const answer = await alice.send('GET', path);
    t.is(answer.status, 404, path);
    t.like(answer.body, { code: 'OFFICER_ROUTE_UNKNOWN', details: {} }, path);
  }
  const wrongMethod = await alice.send('PATCH', '/api/v1/session');
  t.is(wrongMethod.status, 405);
  t.is(wrongMethod.headers.get('allow'), 'GET, POST, DELETE');
  t.like(wrongMethod.body, { code: 'OFFICER_ROUTE_UNKNOWN' });
});

test('GET /api/v1/openapi.json serves the document the service runs from, to anyone', async (t) => {
  const harness = await startHarness();
  t.teardown(harness.close);
  const answer = await harness.client().send('GET', '/api/v1/openapi.json');
  t.is(answer.status, 200);
  t.deepEqual(answer.body, spec);
});

function schemasOf(document: OpenApiDocument): Schema[] {
  const found: Schema[] = [];
  const walk = (schema: Schema | undefined) => {
    if (schema === undefined) return;
    found.push(schema);
    for (const property of Object.values(schema.properties ?? {})) walk(property);
    walk(schema.items);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties);
  };
  for (const schema of Object.values(document.components.schemas)) walk(schema);
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: OperationSpec | undefined = item[method];
      if (operation === undefined) continue;
      for (const parameter of parametersOf(document, operation)) walk(parameter.schema);
      walk(operation.requestBody?.content['application/json']?.schema);
    }
  }
  return found;
}

test('the schemas use only keywords the request checker implements, so the document and the checks cannot drift apart', (t) => {
  const supported = new Set<string>(SUPPORTED_KEYWORDS);
  const used = new Set(schemasOf(spec).flatMap((schema) => Object.keys(schema)));
  t.deepEqual([...used].filter((keyword) => !supported.has(keyword)), []);
});

test("the audit search's action filter lists exactly the ledger's audit actions", (t) => {
  const action = routes.routes.find((route) => route.operationId === 'searchAudit')?.queryParameters.get('action');
  t.deepEqual(action?.schema.enum, [...AUDIT_ACTIONS]);
});

test('every operation declares who may call it; approving, rejecting and onboarding are for compliance officers only, the overview for the regulator only', (t) => {
  const access = Object.fromEntries(routes.routes.map((route) => [route.operationId, route.access.kind === 'roles' ? [...route.access.roles].sort().join(',') : route.access.kind]));
  t.false(Object.values(access).includes('undeclared'));
  t.deepEqual(Object.entries(access).filter(([, who]) => who === 'public').map(([id]) => id).sort(), ['getOpenApi', 'login']);
  for (const id of ['approveTransfer', 'rejectTransfer', 'approveBridgeOut', 'rejectBridgeOut', 'onboardInvestor', 'updateInvestor', 'changeInvestorStatus', 'getInvestorPii']) t.is(access[id], 'compliance-officer', id);
  t.is(access.regulatorOverview, 'regulator');
  t.is(access.freezeHolding, 'compliance-officer,regulator');
});

function withoutAccess(operationId: string, replacement?: unknown): OpenApiDocument {
  const copy = structuredClone(spec) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  for (const item of Object.values(copy.paths)) {
    for (const operation of Object.values(item)) {
      if (operation.operationId !== operationId) continue;
      if (replacement === undefined) delete operation['x-trestle-access'];
      else operation['x-trestle-access'] = replacement;
    }
  }
  return copy as unknown as OpenApiDocument;
}

for (const [label, replacement] of [['missing', undefined], ['an empty list', []], ['an unknown role', ['admin']], ['a ledger role the service does not log in', ['operator']]] as const) {
  test(`deny by default: an operation whose access is ${label} is refused to everyone`, async (t) => {
    const harness = await startHarness({ spec: withoutAccess('getTransfer', replacement) });
    t.teardown(harness.close);
    for (const client of [harness.client(), await harness.as('alice'), await harness.as('rita')]) {
      const answer = await client.send('GET', '/api/v1/transfers/T-NONE');
      t.is(answer.status, 403);
      t.like(answer.body, { code: 'OFFICER_ROLE_FORBIDDEN' });
    }
    t.is((await (await harness.as('alice')).send('GET', '/api/v1/pending/transfers')).status, 200, 'other routes still work');
  });
}
