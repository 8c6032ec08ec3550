import { MAX_AMOUNT_DIGITS, parseDecimalAmount } from './decimal-amount';
import { childPath, type ProblemList } from './problem-list';

/**
 * Reads the fields of one JSON object, recording a problem for each missing, mistyped or unknown
 * field instead of stopping at the first. Each read returns a value of the right type even when
 * the field is wrong (an empty string, zero, false, an empty list): callers assemble the whole
 * document, then call `ProblemList.throwIfAny`, so those stand-ins never escape.
 *
 * A reader over something that is not an object records that once and stays silent after, so one
 * wrong parent does not bury the report under a "missing" line for each of its fields.
 */
export class RecordReader {
  readonly #record: Readonly<Record<string, unknown>>;
  readonly #silent: boolean;

  private constructor(record: Readonly<Record<string, unknown>>, readonly path: string, readonly problems: ProblemList, silent: boolean) {
    this.#record = record;
    this.#silent = silent;
  }

  /** A reader over `value`, which must be an object with no fields beyond `fields`. */
  static open(value: unknown, path: string, fields: readonly string[], problems: ProblemList): RecordReader {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.add(path, `must be a JSON object, not ${describeValue(value)}`);
      return new RecordReader({}, path, problems, true);
    }
    const record = value as Record<string, unknown>;
    const known = new Set(fields);
    // Sorted, so the report does not depend on the order the sender wrote the keys in.
    for (const key of Object.keys(record).sort()) {
      if (!known.has(key)) problems.add(childPath(path, key), 'is not a known field; remove it or correct its spelling');
    }
    return new RecordReader(record, path, problems, false);
  }

  /** Whether the object has `key` (for optional fields). */
  has(key: string): boolean {
    return Object.hasOwn(this.#record, key);
  }

  /** A string field that `isValid` accepts; `expectation` completes "must be …". */
  string(key: string, isValid: (value: string) => boolean, expectation: string): string {
    const value = this.#field(key);
    if (value === undefined) return '';
    if (typeof value !== 'string' || !isValid(value)) return this.#wrong(key, `must be ${expectation}`, '');
    return value;
  }

  /** A field restricted to the values `isMember` accepts. */
  member<T>(key: string, isMember: (value: unknown) => value is T, expectation: string, fallback: T): T {
    const value = this.#field(key);
    if (value === undefined) return fallback;
    return isMember(value) ? value : this.#wrong(key, `must be ${expectation}`, fallback);
  }

  /** A whole-number field from `min` to `max`. */
  integer(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.#field(key);
    if (value === undefined) return min;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max) return value;
    return this.#wrong(key, `must be a whole number from ${min} to ${max}, not ${describeValue(value)}`, min);
  }

  /** A true-or-false field. */
  boolean(key: string): boolean {
    const value = this.#field(key);
    if (value === undefined || typeof value === 'boolean') return value ?? false;
    return this.#wrong(key, `must be true or false, not ${describeValue(value)}`, false);
  }

  /** An amount in base units, as a decimal string; `positive` also refuses "0". */
  amount(key: string, positive = false): bigint {
    const value = this.#field(key);
    if (value === undefined) return 0n;
    if (typeof value === 'number') {
      return this.#wrong(key, 'must be a decimal string such as "1000", not a JSON number, which loses precision above 2^53', 0n);
    }
    const amount = typeof value === 'string' ? parseDecimalAmount(value) : undefined;
    if (amount === undefined || (positive && amount === 0n)) {
      const least = positive ? ', at least 1' : '';
      return this.#wrong(key, `must be a decimal string of base units: digits only, no sign, no leading zeros, at most ${MAX_AMOUNT_DIGITS} digits${least}`, 0n);
    }
    return amount;
  }

  /**
   * A list of distinct members, returned sorted (code-unit order) because the list means a set:
   * the same set must give the same canonical bytes whatever order it was written in.
   */
  set<T extends string>(key: string, isMember: (value: unknown) => value is T, expectation: string, minItems: number): T[] {
    const items = this.array(key, Number.MAX_SAFE_INTEGER);
    const seen = new Set<T>();
    items.forEach((item, index) => {
      const path = childPath(childPath(this.path, key), index);
      if (!isMember(item)) this.problems.add(path, `must be ${expectation}`);
      else if (seen.has(item)) this.problems.add(path, `repeats ${JSON.stringify(item)}; list each value once`);
      else seen.add(item);
    });
    if (Array.isArray(this.#record[key]) && items.length < minItems) {
      this.problems.add(childPath(this.path, key), `must list at least ${minItems} ${minItems === 1 ? 'value' : 'values'}`);
    }
    return [...seen].sort();
  }

  /** A list field of at most `maxItems` items, each still to be read by the caller. */
  array(key: string, maxItems: number): readonly unknown[] {
    const value = this.#field(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.#wrong(key, `must be an array, not ${describeValue(value)}`, []);
    if (value.length > maxItems) return this.#wrong(key, `must have at most ${maxItems} items, not ${value.length}`, []);
    return value;
  }

  /** A list of at most `maxItems` objects, each read by `read` with a reader opened on it with `fields`. */
  records<T>(key: string, maxItems: number, fields: readonly string[], read: (reader: RecordReader) => T): T[] {
    const listPath = childPath(this.path, key);
    return this.array(key, maxItems).map((item, index) => read(RecordReader.open(item, childPath(listPath, index), fields, this.problems)));
  }

  /** A string field that may be null (a value not known or not applicable); otherwise as `string`. */
  nullableString(key: string, isValid: (value: string) => boolean, expectation: string): string | null {
    if (this.has(key) && this.#record[key] === null) return null;
    return this.string(key, isValid, `${expectation}, or null`);
  }

  /** An object field that may be null (a step not taken yet); otherwise read by `read` as `record` would. */
  nullableRecord<T>(key: string, fields: readonly string[], read: (reader: RecordReader) => T): T | null {
    if (this.has(key) && this.#record[key] === null) return null;
    return read(this.record(key, fields));
  }

  /** A reader over the object in field `key`, which must be present. */
  record(key: string, fields: readonly string[]): RecordReader {
    const value = this.#field(key);
    if (value === undefined) return new RecordReader({}, childPath(this.path, key), this.problems, true);
    return RecordReader.open(value, childPath(this.path, key), fields, this.problems);
  }

  /** The field's value, or undefined after recording that it is missing. */
  #field(key: string): unknown {
    if (this.has(key)) return this.#record[key];
    if (!this.#silent) this.problems.add(childPath(this.path, key), 'is missing');
    return undefined;
  }

  #wrong<T>(key: string, problem: string, fallback: T): T {
    this.problems.add(childPath(this.path, key), problem);
    return fallback;
  }
}

/** A short description of a value for a problem phrase, never the value of a string. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
