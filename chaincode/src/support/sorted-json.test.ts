import test from 'ava';
import type { JsonValue } from '@trestle/compliance/src/json/json-value';
import { sortedJson, sortedJsonBytes } from './sorted-json';

test('keys are sorted at every depth and there is no whitespace', (t) => {
  const value = { zeta: 1, alpha: { delta: [{ b: 2, a: 1 }], charlie: 'x' }, Beta: true };
  t.is(sortedJson(value), '{"Beta":true,"alpha":{"charlie":"x","delta":[{"a":1,"b":2}]},"zeta":1}');
});

test('the same content in any insertion order gives the same bytes', (t) => {
  const one = { role: 'operator', mspId: 'BankAMSP', identityId: 'x509::/CN=a::/CN=ca' };
  const two = { identityId: 'x509::/CN=a::/CN=ca', role: 'operator', mspId: 'BankAMSP' };
  t.deepEqual(sortedJsonBytes(one), sortedJsonBytes(two));
});

test('the output parses back to the same value', (t) => {
  const value = { text: 'quote " backslash \\ newline \n ü 🚀', list: [null, false, 0, -1.5, 'a'], empty: {}, none: [] };
  t.deepEqual(JSON.parse(sortedJson(value)), value);
});

test('array order is kept: only object keys are sorted', (t) => {
  t.is(sortedJson(['b', 'a', { d: 1, c: 2 }]), '["b","a",{"c":2,"d":1}]');
});

test('undefined properties are left out, as JSON.stringify does', (t) => {
  const value = { a: 1, b: undefined } as unknown as JsonValue;
  t.is(sortedJson(value), '{"a":1}');
});

test('values JSON cannot carry faithfully are refused with their path', (t) => {
  const cases: Array<[unknown, RegExp]> = [
    [{ amount: 10n }, /\$\.amount is a bigint/],
    [{ nav: Number.NaN }, /\$\.nav is NaN/],
    [{ cap: Number.POSITIVE_INFINITY }, /\$\.cap is Infinity/],
    [{ list: [1, undefined] }, /\$\.list\[1\] is undefined/],
    [{ when: new Date(0) }, /\$\.when is a class instance/],
    [{ call: () => 1 }, /\$\.call is a function/],
  ];
  for (const [value, message] of cases) {
    t.throws(() => sortedJson(value as JsonValue), { instanceOf: TypeError, message });
  }
});

test('a cycle is refused instead of overflowing the stack', (t) => {
  const node: Record<string, unknown> = { name: 'loop' };
  node.self = node;
  t.throws(() => sortedJson(node as unknown as JsonValue), { instanceOf: TypeError, message: /\$\.self refers back/ });
});

test('a shared sub-object that is not a cycle is written twice', (t) => {
  const shared = { k: 1 };
  t.is(sortedJson({ a: shared, b: shared }), '{"a":{"k":1},"b":{"k":1}}');
});
