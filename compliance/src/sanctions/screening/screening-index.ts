import type { SanctionsEntry, SanctionsIdentifier, SanctionsList, SanctionsName } from '../sanctions-entry';
import { nameTokens } from './normalise-name';
import { normaliseIdentifier } from './normalise-identifier';

/** One listed name, ready to compare. */
export interface IndexedName {
  readonly entry: SanctionsEntry;
  readonly name: SanctionsName;
  readonly tokens: readonly string[];
}

/** A list prepared for screening: names by token, identifiers by normalised number. */
export interface ScreeningIndex {
  readonly list: SanctionsList;
  readonly names: readonly IndexedName[];
  /** Token → positions in `names`, ascending. */
  readonly byToken: ReadonlyMap<string, readonly number[]>;
  readonly byIdentifier: ReadonlyMap<string, readonly { entry: SanctionsEntry; identifier: SanctionsIdentifier }[]>;
}

// Lists are immutable values, so an index built once serves every later screening of that list.
const CACHE = new WeakMap<SanctionsList, ScreeningIndex>();

/** The index of `list`, built on first use (about a tenth of a second for the full SDN list). */
export function screeningIndex(list: SanctionsList): ScreeningIndex {
  const cached = CACHE.get(list);
  if (cached !== undefined) return cached;
  const names: IndexedName[] = [];
  const byToken = new Map<string, number[]>();
  const byIdentifier = new Map<string, { entry: SanctionsEntry; identifier: SanctionsIdentifier }[]>();
  for (const entry of list.entries) {
    for (const name of entry.names) {
      const tokens = nameTokens(name.full);
      if (tokens.length === 0) continue;
      const position = names.push({ entry, name, tokens }) - 1;
      for (const token of tokens) appendTo(byToken, token, position);
    }
    for (const identifier of entry.identifiers) {
      const key = normaliseIdentifier(identifier.number);
      if (key !== undefined) appendTo(byIdentifier, key, { entry, identifier });
    }
  }
  const index = { list, names, byToken, byIdentifier };
  CACHE.set(list, index);
  return index;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}
