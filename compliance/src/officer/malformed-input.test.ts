import test, { type ExecutionContext } from 'ava';
import { bridgeOutRequest, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { ASSET_ID, investorDocument, investorPii } from '@trestle/chaincode/src/testing/ledger-documents';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { request, transferRequest } from '@trestle/chaincode/src/testing/transfer-story';
import { isTrestleErrorCode } from '../errors/error-code';
import { loadOfficerSpec, schemaResolver } from './http/openapi-document';
import { MAX_BODY_BYTES } from './http/read-body';
import { RouteTable, type Route } from './http/route-table';
import type { Schema } from './http/schema-check';
import { startHarness, type Harness } from './testing/officer-harness';
import type { OfficerVault } from './vault/officer-vault';
import type { Answer, OfficerClient, SendOptions } from './testing/officer-client';

// Invariant 5 over HTTP: for every operation of openapi.json, malformed input (bad JSON, wrong
// types, unknown fields, oversize bodies, bad or unknown ids, undeclared or wrong query parameters)
// gets a typed 4xx `{code, message, details}` and leaves the ledger (world state, private data,
// history) exactly as it was. Cases are derived from the document, so a new route is covered too.

const spec = loadOfficerSpec();
const resolve = schemaResolver(spec);
const routes = new RouteTable(spec);

/** Path values that exist in the harness's ledger, so a case isolates what it breaks. */
const EXISTING: Record<string, string> = { transferId: 'T-M', bridgeOutId: 'BO-M', investorId: INVESTORS.annaA, assetId: ASSET_ID, proposalId: 'L-M' };

/** A well-formed body per operation that takes one; a case breaks one part of it. */
const VALID_BODIES: Record<string, unknown> = {
  login: { username: 'alice', password: 'not the password' },
  approveTransfer: { reason: 'checked' },
  rejectTransfer: { reason: 'checked' },
  approveBridgeOut: { reason: 'checked' },
  rejectBridgeOut: { reason: 'checked' },
  approveLegalProposal: { reason: 'checked' },
  rejectLegalProposal: { reason: 'checked' },
  onboardInvestor: { investor: investorDocument('INV-A-0099'), pii: investorPii() },
  updateInvestor: { investor: investorDocument(INVESTORS.annaA), pii: investorPii() },
  changeInvestorStatus: { action: 'suspend', reason: 'checked' },
  adoptInvestor: { investor: investorDocument(INVESTORS.annaA), pii: investorPii(), reason: 'checked' },
  approveAdoption: { reason: 'checked' },
  rejectAdoption: { reason: 'checked' },
  freezeHolding: { amount: '10', reason: 'checked' },
  unfreezeHolding: { reason: 'checked' },
};

type Case = { readonly label: string; readonly path: string; readonly options: SendOptions; readonly status?: number; readonly code?: string };

function pathWith(route: Route, values: Record<string, string>): string {
  return route.template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? EXISTING[name] ?? 'x');
}

function withRequiredQuery(route: Route, extra = ''): string {
  const required = [...route.queryParameters.values()].filter((parameter) => parameter.required === true);
  const defaults: Record<string, string> = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
  const parts = required.map((parameter) => `${parameter.name}=${encodeURIComponent(defaults[parameter.name] ?? 'x')}`);
  if (extra !== '') parts.push(extra);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A value of another JSON type than `schema` asks for. */
function wrongType(schema: Schema): unknown {
  const type = (schema.$ref === undefined ? schema : resolve(schema.$ref)).type;
  return type === 'string' ? 12345 : type === 'array' ? { not: 'a list' } : 'not of the type';
}

/** Every leaf of `value` (per the schema) replaced by a wrong type, one at a time, and the path it broke. */
function typeBreaks(schema: Schema, value: unknown, path: string): Array<{ path: string; value: unknown }> {
  const resolved = schema.$ref === undefined ? schema : resolve(schema.$ref);
  const breaks: Array<{ path: string; value: unknown }> = [{ path, value: wrongType(resolved) }];
  if (resolved.type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, property] of Object.entries(resolved.properties ?? {})) {
      if (!Object.hasOwn(value, key)) continue;
      for (const inner of typeBreaks(property, (value as Record<string, unknown>)[key], `${path}.${key}`)) {
        breaks.push({ path: inner.path, value: { ...(value as Record<string, unknown>), [key]: inner.value } });
      }
    }
  }
  return breaks;
}

function casesOf(route: Route): Case[] {
  const cases: Case[] = [];
  const path = pathWith(route, {}) + withRequiredQuery(route);
  const body = VALID_BODIES[route.operationId];
  if (route.body !== undefined) {
    cases.push({ label: 'JSON cut short', path, options: { raw: '{"reason": "che' }, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
    cases.push({ label: 'not UTF-8', path, options: { raw: Uint8Array.of(0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d) }, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
    cases.push({ label: 'no body', path, options: {}, status: 415, code: 'OFFICER_MEDIA_TYPE_UNSUPPORTED' });
    cases.push({ label: 'form encoded', path, options: { raw: 'reason=x', contentType: 'application/x-www-form-urlencoded' }, status: 415, code: 'OFFICER_MEDIA_TYPE_UNSUPPORTED' });
    cases.push({ label: 'oversize', path, options: { json: { ...(body as object), padding: 'x'.repeat(MAX_BODY_BYTES) } }, status: 413, code: 'OFFICER_BODY_TOO_LARGE' });
    for (const json of [null, [], 42, 'text', {}]) cases.push({ label: `body ${JSON.stringify(json)}`, path, options: { json }, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
    cases.push({ label: 'unknown field', path, options: { json: { ...(body as object), isAdmin: true } }, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
    for (const broken of typeBreaks(route.body, body, 'body').slice(1)) {
      cases.push({ label: `wrong type at ${broken.path}`, path, options: { json: broken.value }, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
    }
  } else {
    cases.push({ label: 'a body where none is taken', path, options: { json: { reason: 'x' } }, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
  }
  const validBody: SendOptions = body === undefined ? {} : { json: body };
  for (const parameter of route.pathParameters) {
    for (const [label, raw] of [['too long', 'X'.repeat(129)], ['a space', 'A%20B'], ['a NUL', 'A%00B'], ['bad percent-encoding', '%E0%A4%A']] as const) {
      cases.push({ label: `${parameter.name} with ${label}`, path: pathWith(route, { [parameter.name]: raw }) + withRequiredQuery(route), options: validBody, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
    }
    const unknownBody = route.operationId === 'updateInvestor' || route.operationId === 'adoptInvestor' ? { json: { ...(body as object), investor: investorDocument('NOPE-404') } } : validBody;
    if (route.operationId !== 'login') cases.push({ label: `unknown ${parameter.name}`, path: pathWith(route, { [parameter.name]: 'NOPE-404' }) + withRequiredQuery(route), options: unknownBody, status: 404 });
  }
  cases.push({ label: 'an undeclared query parameter', path: pathWith(route, {}) + withRequiredQuery(route, 'admin=1'), options: validBody, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
  for (const parameter of route.queryParameters.values()) {
    const integer = (parameter.schema.type ?? resolve(parameter.schema.$ref ?? '').type) === 'integer';
    // A NUL passes the service (ledger bookmarks hold U+0000) and is the chaincode's to refuse, with its own code.
    const bad: Array<[string, string | undefined]> = integer ? [['abc', 'OFFICER_REQUEST_MALFORMED'], ['0', 'OFFICER_REQUEST_MALFORMED'], ['100000', 'OFFICER_REQUEST_MALFORMED'], ['1.5', 'OFFICER_REQUEST_MALFORMED']] : [['%00', undefined], ['x'.repeat(5000), 'OFFICER_REQUEST_MALFORMED']];
    for (const [value, code] of bad) {
      const others = withRequiredQuery({ ...route, queryParameters: new Map([...route.queryParameters].filter(([name]) => name !== parameter.name)) }, `${parameter.name}=${value}`);
      cases.push({ label: `query ${parameter.name}=${value.slice(0, 12)}`, path: pathWith(route, {}) + others, options: validBody, status: 400, code });
    }
    cases.push({ label: `query ${parameter.name} twice`, path: pathWith(route, {}) + withRequiredQuery(route, `${parameter.name}=a&${parameter.name}=b`), options: validBody, status: 400, code: 'OFFICER_REQUEST_MALFORMED' });
  }
  return cases;
}

// A vault whose index holds no file, so the evidence route answers its unknown ids with a 404
// (without a vault it would be OFFICER_VAULT_NOT_CONFIGURED, 503) and never opens anything.
const EMPTY_VAULT: OfficerVault = {
  open: () => Promise.reject(new Error('the empty vault has no file to open')),
  locate: async () => undefined,
  requesterOf: (account) => ({ identityId: 'x509::CN=unused::CN=unused', mspId: account.mspId, role: account.role }),
};

async function setUp(): Promise<Harness> {
  const harness = await startHarness({ vault: EMPTY_VAULT });
  await request(harness.worldState, transferRequest('T-M', 5_000n));
  await requestBridgeOut(harness.worldState, bridgeOutRequest('BO-M', 1_000n));
  return harness;
}

function assertTyped(t: ExecutionContext, answer: Answer, expected: Case): void {
  const label = `${expected.label}: ${answer.status} ${answer.text.slice(0, 300)}`;
  const body = answer.body as { code?: unknown; message?: unknown; details?: unknown };
  t.true(answer.status >= 400 && answer.status < 500, label);
  if (expected.status !== undefined) t.is(answer.status, expected.status, label);
  t.true(isTrestleErrorCode(body.code), label);
  if (expected.code !== undefined) t.is(body.code, expected.code, label);
  else if (expected.status === 404) t.regex(String(body.code), /_NOT_FOUND$/, label);
  t.is(typeof body.message, 'string', label);
  t.true(typeof body.details === 'object' && body.details !== null, label);
}

test('every operation of openapi.json has a well-formed sample body when it takes one', (t) => {
  t.deepEqual(routes.routes.filter((route) => route.body !== undefined).map((route) => route.operationId).sort(), Object.keys(VALID_BODIES).sort());
});

for (const route of routes.routes) {
  test(`${route.method} ${route.template} refuses malformed input with a typed error and changes nothing`, async (t) => {
    const harness = await setUp();
    t.teardown(harness.close);
    const person = route.access.kind !== 'roles' ? undefined : route.access.roles.has('compliance-officer') ? 'alice' : 'rita';
    const client: OfficerClient = person === undefined ? harness.client() : await harness.as(person);
    const cases = casesOf(route);
    t.true(cases.length >= 2);
    const before = harness.snapshot();
    for (const one of cases) {
      assertTyped(t, await client.send(route.method, one.path, one.options), one);
      t.deepEqual(harness.snapshot(), before, `${one.label} left the ledger unchanged`);
    }
  });
}
