import test from 'ava';
import OAS from '@trestle/bridge/src/plugin/openapi.json';
import { REST_ACCESS_MATRIX } from './rest-route-access';

// The bridge plugin's routes in the access matrix are exactly those of its OpenAPI document, and
// the document still describes what the matrix claims of them: read-only, no authentication. A
// route added to the spec, or one that starts to need a scheme or take a body, fails here until
// the matrix says who may call it. Compared as documents: no devnet needed.

type Operation = { readonly security?: unknown; readonly requestBody?: unknown };
type Spec = { readonly paths: Record<string, Record<string, Operation>>; readonly security?: unknown; readonly components?: { readonly securitySchemes?: unknown } };

const spec = OAS as unknown as Spec;
const operations = Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));

test('every route of the bridge plugin spec is in the access matrix, and every route of the matrix is in the spec', (t) => {
  const inMatrix = REST_ACCESS_MATRIX.map(({ method, path }) => `${method} ${path}`);
  const inSpec = operations.map(({ route }) => route);
  t.deepEqual({ missing: inSpec.filter((route) => !inMatrix.includes(route)), extra: inMatrix.filter((route) => !inSpec.includes(route)) }, { missing: [], extra: [] });
  t.is(new Set(inMatrix).size, inMatrix.length, 'each route once');
  t.log(`${REST_ACCESS_MATRIX.length} REST routes: ${[...new Set(REST_ACCESS_MATRIX.map(({ access }) => access))].join(', ')}`);
});

test('the spec still describes public read-only routes: GET only, no security scheme, no request body', (t) => {
  t.is(spec.security, undefined);
  t.is(spec.components?.securitySchemes, undefined);
  for (const { route, operation } of operations) {
    t.true(route.startsWith('GET '), route);
    t.is(operation.security, undefined, route);
    t.is(operation.requestBody, undefined, route);
  }
});
