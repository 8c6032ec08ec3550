import { childPath, type ProblemList } from '../../policy/problem-list';

/** The JSON Schema keywords (OpenAPI 3.0 dialect) that request schemas in openapi.json may use. */
export const SUPPORTED_KEYWORDS = [
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems',
  'minLength', 'maxLength', 'pattern', 'enum', 'minimum', 'maximum', 'nullable', 'description', 'example', 'format',
] as const;

/** A request schema as openapi.json writes it, limited to `SUPPORTED_KEYWORDS`. */
export type Schema = {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly nullable?: boolean;
};

/** Resolves `#/components/schemas/Name`. */
export type SchemaResolver = (ref: string) => Schema;

const patterns = new Map<string, RegExp>();
const regexOf = (pattern: string): RegExp => {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, 'u');
    patterns.set(pattern, regex);
  }
  return regex;
};

function typeMatches(value: unknown, type: NonNullable<Schema['type']>): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/**
 * Records in `problems` every way `value` breaks `schema`, by path, never echoing the value (a
 * mistyped password or personal data stays out of the answer and the logs).
 */
export function checkSchema(value: unknown, schema: Schema, path: string, problems: ProblemList, resolve: SchemaResolver): void {
  if (schema.$ref !== undefined) {
    checkSchema(value, resolve(schema.$ref), path, problems, resolve);
    return;
  }
  if (value === null && schema.nullable === true) return;
  if (schema.type !== undefined && !typeMatches(value, schema.type)) {
    problems.add(path, `must be ${schema.type === 'integer' || schema.type === 'array' || schema.type === 'object' ? 'an' : 'a'} ${schema.type}`);
    return;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) problems.add(path, `must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`);
  if (typeof value === 'string') checkString(value, schema, path, problems);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.add(path, `must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.add(path, `must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.add(path, `must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.add(path, `must have at most ${schema.maxItems} items`);
    if (schema.items !== undefined) for (const [index, item] of value.entries()) checkSchema(item, schema.items, childPath(path, index), problems, resolve);
  } else if (typeof value === 'object' && value !== null) {
    checkObject(value as Record<string, unknown>, schema, path, problems, resolve);
  }
}

function checkString(value: string, schema: Schema, path: string, problems: ProblemList): void {
  if (schema.minLength !== undefined && value.length < schema.minLength) problems.add(path, `must be at least ${schema.minLength} characters long`);
  if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.add(path, `must be at most ${schema.maxLength} characters long`);
  if (schema.pattern !== undefined && !regexOf(schema.pattern).test(value)) problems.add(path, `must match ${schema.pattern}`);
}

function checkObject(value: Record<string, unknown>, schema: Schema, path: string, problems: ProblemList, resolve: SchemaResolver): void {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) if (!Object.hasOwn(value, key)) problems.add(childPath(path, key), 'is required');
  // Sorted, so the report does not depend on the order the client wrote the keys in.
  for (const key of Object.keys(value).sort()) {
    const property = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (property !== undefined) checkSchema(value[key], property, childPath(path, key), problems, resolve);
    else if (schema.additionalProperties === false || schema.additionalProperties === undefined) problems.add(childPath(path, key), 'is not a known field; remove it or correct its spelling');
    else if (typeof schema.additionalProperties === 'object') checkSchema(value[key], schema.additionalProperties, childPath(path, key), problems, resolve);
  }
}
