import fc from 'fast-check';
import { jsonJunk, junkString } from './junk-strings';

// Valid-looking JSON documents broken one field at a time, so a case passes every check but one
// and reaches the deep ones; plus texts broken as text (cut short, duplicate keys, a BOM).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = ReadonlyArray<string | number>;

/** A value of the wrong kind for whatever field it lands in. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: junkString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1.5, -0.000001, 1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { '': null }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 260n), max: 2n ** 260n }).map((n) => n.toString()) },
);

/** Every path into `value`: each object key and array index, nested ones included. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

type Edit = { readonly op: 'set'; readonly value: unknown } | { readonly op: 'delete' } | { readonly op: 'add'; readonly key: string; readonly value: unknown };

/** `document` with the field at `path` replaced, deleted, or given an unknown sibling. */
function edited(document: Json, path: Path, edit: Edit): unknown {
  const copy: unknown = structuredClone(document);
  const last = path[path.length - 1];
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[step];
  if (last === undefined) return copy;
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (edit.op === 'set') parent[index] = edit.value;
    else if (edit.op === 'delete') parent.splice(index, 1);
    else parent.push(edit.value);
  } else {
    const object = parent as Record<string, unknown>;
    if (edit.op === 'set') object[last] = edit.value;
    else if (edit.op === 'delete') delete object[last];
    // Defined as an own property: a key such as "__proto__" must land in the JSON, not on the prototype.
    else Object.defineProperty(object, edit.key, { value: edit.value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: junkValue.map((value): Edit => ({ op: 'set', value })) },
  { weight: 2, arbitrary: fc.constant<Edit>({ op: 'delete' }) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'status', 'createdAt', 'bankMsp')), junkValue).map(([key, value]): Edit => ({ op: 'add', key, value })) },
);

/** The JSON text of `document` changed in exactly one field. */
function oneFieldOff(document: Json): fc.Arbitrary<string> {
  const paths = pathsOf(document);
  if (paths.length === 0) return fc.constant(JSON.stringify(document));
  // JSON.stringify drops a key set to `undefined` and cannot write a bigint: junkValue makes neither.
  return fc.tuple(fc.constantFrom(...paths), edit).map(([path, change]) => JSON.stringify(edited(document, path, change)));
}

/** The JSON text of `document` broken as text rather than as data. */
function textOff(document: Json): fc.Arbitrary<string> {
  const text = JSON.stringify(document);
  const firstKey = /^\{"((?:[^"\\]|\\.)*)"/.exec(text)?.[1];
  return fc.oneof(
    fc.nat({ max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut)),
    fc.constantFrom(
      `\ufeff${text}`,
      `${text},`,
      `${text}${text}`,
      `[${text}]`,
      JSON.stringify(text),
      text.replaceAll('"', "'"),
      text.replace(/:(\d)/, ':0$1'),
      // A repeated key: JSON.parse keeps the last, other parsers the first.
      firstKey === undefined ? text : `${text.slice(0, -1)},"${firstKey}":"duplicate"}`,
      text.replace(/"[^"]*"/, '"\\ud800"'),
      `${text.slice(0, -1)},"pad":"${'p'.repeat(70_000)}"}`,
    ),
  );
}

/**
 * JSON text around valid `documents`: whole, one field off (most of the time), broken as text, a
 * document of another kind or of no kind at all.
 */
export function documentArgument(documents: readonly unknown[]): fc.Arbitrary<string> {
  const seeds = documents.map((document) => JSON.parse(JSON.stringify(document)) as Json);
  const seed = fc.constantFrom(...seeds);
  return fc.oneof(
    { weight: 3, arbitrary: seed.map((document) => JSON.stringify(document)) },
    { weight: 8, arbitrary: seed.chain(oneFieldOff) },
    { weight: 2, arbitrary: seed.chain(textOff) },
    { weight: 1, arbitrary: jsonJunk },
    { weight: 1, arbitrary: junkString },
  );
}
