import type { JsonValue } from '@trestle/compliance/src/json/json-value';

/**
 * JSON with the keys of every object sorted (UTF-16 code-unit order) and no whitespace, so every
 * endorsing peer writes the same bytes for the same value. Object properties that are undefined
 * are left out, as `JSON.stringify` does; anything else JSON cannot carry faithfully (bigint,
 * NaN, Infinity, undefined in an array, functions, class instances, cycles) is a TypeError.
 */
export function sortedJson(value: JsonValue): string {
  return write(value, '$', new Set());
}

/** `sortedJson` as UTF-8 bytes, the form `putState` and `setEvent` take. */
export function sortedJsonBytes(value: JsonValue): Uint8Array {
  return Buffer.from(sortedJson(value), 'utf8');
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`sortedJson: ${path} is ${value}, which JSON cannot carry.`);
      return JSON.stringify(value);
    case 'object':
      return writeContainer(value, path, ancestors);
    default:
      throw new TypeError(`sortedJson: ${path} is a ${typeof value}, which JSON cannot carry; amounts travel as decimal strings.`);
  }
}

function writeContainer(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new TypeError(`sortedJson: ${path} refers back to one of its parents.`);
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${value.map((item: unknown, index) => {
        if (item === undefined) throw new TypeError(`sortedJson: ${path}[${index}] is undefined.`);
        return write(item, `${path}[${index}]`, ancestors);
      }).join(',')}]`;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new TypeError(`sortedJson: ${path} is a class instance; pass a plain object.`);
    }
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
