import fc from 'fast-check';
import { resolveSchema, type OpenApiDocument, type SpecSchema } from './openapi-operations';

// Values for a schema of an OpenAPI document: ones it accepts, and ones broken in one place in a
// way it certainly refuses (a wrong type, a required field left out, a field it does not know, a
// string past its maximum length).

/** Values the fuzzer prefers for a field or parameter of that name: ids that exist, codes the ledger knows. */
export type KnownValues = Readonly<Record<string, readonly unknown[]>>;

/** How a broken value differs from an accepted one. */
export type Breakage = 'wrong-type' | 'missing-field' | 'extra-field' | 'oversize-string';

/** The ways of breaking a value, for generators that pick one. */
export const BREAKAGES: readonly Breakage[] = ['wrong-type', 'missing-field', 'extra-field', 'oversize-string'];

// Generated strings stay short unless the schema asks for more: long ones are the oversize breakage's job.
const STRING_CAP = 40;
const ARRAY_CAP = 3;

/**
 * Values `schema` accepts; one named in `known` (by its field or parameter `name`) takes a known
 * value three times in four, or always with `onlyKnown` (a body of many fields is then one the
 * server can act on, not one with some field drawn at random).
 */
export function validValue(document: OpenApiDocument, schema: SpecSchema, known: KnownValues = {}, name?: string, onlyKnown = false): fc.Arbitrary<unknown> {
  const resolved = resolveSchema(document, schema);
  const choices = name === undefined ? undefined : known[name];
  const hasChoices = choices !== undefined && choices.length > 0;
  if (hasChoices && onlyKnown) return fc.constantFrom(...choices);
  const generated = generatedValue(document, resolved, known, onlyKnown);
  const base = hasChoices ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...choices) }, { weight: 1, arbitrary: generated }) : generated;
  return resolved.nullable === true ? fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

function generatedValue(document: OpenApiDocument, schema: SpecSchema, known: KnownValues, onlyKnown: boolean): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringValue(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 - 1 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const items = schema.items === undefined ? fc.jsonValue({ maxDepth: 1 }) : validValue(document, schema.items, known, undefined, onlyKnown);
      return fc.array(items, { minLength, maxLength: Math.min(schema.maxItems ?? ARRAY_CAP, Math.max(ARRAY_CAP, minLength)) });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(document, property, known, key, onlyKnown)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => Object.hasOwn(properties, key)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringValue(schema: SpecSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
  if (schema.pattern !== undefined) {
    return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter((text) => text.length >= minLength && text.length <= maxLength);
  }
  if (schema.format === 'date-time' || schema.format === 'date') {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true }).map((date) => date.toISOString());
    return schema.format === 'date' ? instant.map((text) => text.slice(0, 10)) : instant;
  }
  return fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, Math.max(STRING_CAP, minLength)) }).filter((text) => text.length >= minLength && text.length <= maxLength);
}

/** One place in a value, the schema it answers to there, and the path to it. */
type Site = { readonly path: readonly (string | number)[]; readonly schema: SpecSchema; readonly value: unknown };

function sitesOf(document: OpenApiDocument, schema: SpecSchema, value: unknown, path: readonly (string | number)[] = []): Site[] {
  const resolved = resolveSchema(document, schema);
  const sites: Site[] = [{ path, schema: resolved, value }];
  if (Array.isArray(value) && resolved.items !== undefined) {
    for (const [index, item] of value.entries()) sites.push(...sitesOf(document, resolved.items, item, [...path, index]));
  } else if (isObject(value)) {
    for (const [key, property] of Object.entries(resolved.properties ?? {})) if (Object.hasOwn(value, key)) sites.push(...sitesOf(document, property, value[key], [...path, key]));
  }
  return sites;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values of another JSON type than `schema` takes (never null where it is nullable, never a member of its enum). */
function wrongTypes(schema: SpecSchema): unknown[] {
  const nulls = schema.nullable === true ? [] : [null];
  switch (schema.type) {
    case 'string':
      return [12345, true, ['text'], ...nulls];
    case 'integer':
      return ['7', 1.5, false, {}, ...nulls];
    case 'number':
      return ['7', true, [], ...nulls];
    case 'boolean':
      return ['true', 1, ...nulls];
    case 'array':
      return [{ 0: 'x' }, 'a,b', 3, ...nulls];
    case 'object':
      return [['x'], 'object', 0, ...nulls];
    default:
      return schema.enum === undefined ? [] : [{ not: 'in the enum' }, 'not-in-the-enum'].filter((candidate) => !schema.enum?.includes(candidate));
  }
}

/** `value` with the place at `path` replaced by `replacement`, or removed when `replacement` is `REMOVE`. */
function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === REMOVE) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const REMOVE = Symbol('remove');

/**
 * Breaks `value` (one `schema` accepts) in one place as `breakage` says, `pick` choosing the place
 * among those where that breakage applies. Undefined when it applies nowhere (no string with a
 * maximum length, no object that refuses unknown fields…). `closedObjects`: the server refuses
 * unknown fields of every object, not only of those that say `additionalProperties: false`.
 */
export function breakValue(document: OpenApiDocument, schema: SpecSchema, value: unknown, breakage: Breakage, pick: number, closedObjects = false): unknown {
  const sites = sitesOf(document, schema, value);
  const chosen = <T>(candidates: readonly T[]): T | undefined => (candidates.length === 0 ? undefined : candidates[pick % candidates.length]);
  switch (breakage) {
    case 'wrong-type': {
      const site = chosen(sites.filter((candidate) => wrongTypes(candidate.schema).length > 0));
      if (site === undefined) return undefined;
      const choices = wrongTypes(site.schema);
      return replaced(value, site.path, choices[Math.floor(pick / sites.length) % choices.length]);
    }
    case 'missing-field': {
      const fields = sites.flatMap((site) => (isObject(site.value) ? (site.schema.required ?? []).filter((key) => Object.hasOwn(site.value as object, key)).map((key) => [...site.path, key]) : []));
      const path = chosen(fields);
      return path === undefined ? undefined : replaced(value, path, REMOVE);
    }
    case 'extra-field': {
      // OpenAPI lets an object without `additionalProperties` take any field; only `false` refuses for sure.
      const refusesUnknown = (schema: SpecSchema) => schema.additionalProperties === false || (closedObjects && schema.additionalProperties === undefined);
      const site = chosen(sites.filter((candidate) => isObject(candidate.value) && refusesUnknown(candidate.schema)));
      return site === undefined ? undefined : replaced(value, site.path, { ...(site.value as object), [`unknownField${pick % 7}`]: 'surplus' });
    }
    case 'oversize-string': {
      const site = chosen(sites.filter((candidate) => typeof candidate.value === 'string' && candidate.schema.maxLength !== undefined));
      return site === undefined ? undefined : replaced(value, site.path, 'x'.repeat((site.schema.maxLength ?? 0) + 1 + (pick % 1_000)));
    }
  }
}

/** A query parameter value (as text) that `schema` certainly refuses, or undefined when it accepts any text. */
export function refusedParameterText(document: OpenApiDocument, schema: SpecSchema, pick: number): string | undefined {
  const resolved = resolveSchema(document, schema);
  const candidates: string[] = [];
  if (resolved.enum !== undefined) candidates.push('not-in-the-enum', '');
  if (resolved.type === 'integer' || resolved.type === 'number') {
    candidates.push('abc', '', '1e400', '0x10');
    if (resolved.type === 'integer') candidates.push('1.5');
    if (resolved.minimum !== undefined) candidates.push(String(resolved.minimum - 1));
    if (resolved.maximum !== undefined) candidates.push(String(resolved.maximum + 1));
  }
  if (resolved.type === 'string' && resolved.enum === undefined) {
    if (resolved.maxLength !== undefined) candidates.push('x'.repeat(resolved.maxLength + 1));
    if (resolved.pattern !== undefined) candidates.push(...[' ', '', 'a b', '\u0000', '/', 'é'].filter((text) => !new RegExp(resolved.pattern!, 'u').test(text) || (resolved.maxLength !== undefined && text.length > resolved.maxLength)));
    if (resolved.minLength !== undefined && resolved.minLength > 0) candidates.push('');
  }
  return candidates.length === 0 ? undefined : candidates[pick % candidates.length];
}
