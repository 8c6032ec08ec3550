import { malformedList } from './list-errors';
import {
  SANCTIONS_ENTRY_KINDS,
  SANCTIONS_NAME_KINDS,
  type SanctionsAddress,
  type SanctionsEntry,
  type SanctionsIdentifier,
  type SanctionsList,
  type SanctionsName,
} from './sanctions-entry';
import { buildSanctionsList } from './sanctions-list';

/** The snapshot file's text: the list as JSON, one line, newline-terminated; same list, same bytes. */
export function snapshotJson(list: SanctionsList): string {
  return `${JSON.stringify(list)}\n`;
}

type Problem = (what: string, uid?: string) => Error;

/**
 * A snapshot read back (`JSON.parse` output) and checked field by field, since it comes from disk
 * and may have been edited or cut short. Refused as `SANCTIONS_LIST_MALFORMED` naming the field.
 */
export function parseSnapshot(value: unknown, file: string): SanctionsList {
  const problem: Problem = (what, uid) => malformedList(uid === undefined ? { file } : { file, uid }, what);
  const list = record(value, 'the snapshot is not a JSON object', problem);
  if (list.source !== 'ofac-sdn') throw problem('"source" is not "ofac-sdn"');
  if (list.format !== 'csv' && list.format !== 'xml') throw problem('"format" is not "csv" or "xml"');
  const version = text(list.version, '"version"', problem);
  const sha256 = text(list.sha256, '"sha256"', problem);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw problem('"sha256" is not 64 hex digits');
  if (!Array.isArray(list.entries)) throw problem('"entries" is not an array');
  const entries = list.entries.map((entry: unknown, index: number) => parseEntry(entry, index, problem));
  return buildSanctionsList({ format: list.format, version, sha256, file }, entries);
}

function parseEntry(value: unknown, index: number, problem: Problem): SanctionsEntry {
  const entry = record(value, `entry #${index + 1} is not an object`, problem);
  const uid = text(entry.uid, `entry #${index + 1} "uid"`, problem);
  if (!/^[0-9]+$/.test(uid)) throw problem('"uid" is not a decimal number', uid);
  const at: Problem = (what) => problem(what, uid);
  const kind = SANCTIONS_ENTRY_KINDS.find((known) => known === entry.kind);
  if (kind === undefined) throw at('"kind" is not a known kind');
  const names = array(entry.names, '"names"', at).map((name): SanctionsName => {
    const item = record(name, 'a name is not an object', at);
    const nameKind = SANCTIONS_NAME_KINDS.find((known) => known === item.kind);
    if (nameKind === undefined) throw at('a name has an unknown "kind"');
    return { full: text(item.full, 'a name\'s "full"', at), kind: nameKind };
  });
  if (names[0]?.kind !== 'primary') throw at('the first name is not the primary name');
  return {
    uid,
    kind,
    names,
    programs: array(entry.programs, '"programs"', at).map((program) => text(program, 'a program', at)),
    identifiers: array(entry.identifiers, '"identifiers"', at).map((identifier) => parseIdentifier(identifier, at)),
    datesOfBirth: array(entry.datesOfBirth, '"datesOfBirth"', at).map((date) => text(date, 'a date of birth', at)),
    nationalities: array(entry.nationalities, '"nationalities"', at).map((country) => text(country, 'a nationality', at)),
    addresses: array(entry.addresses, '"addresses"', at).map((address) => parseAddress(address, at)),
  };
}

function parseIdentifier(value: unknown, at: Problem): SanctionsIdentifier {
  const item = record(value, 'an identifier is not an object', at);
  const type = text(item.type, 'an identifier\'s "type"', at);
  const number = text(item.number, 'an identifier\'s "number"', at);
  return item.country === undefined ? { type, number } : { type, number, country: text(item.country, 'an identifier\'s "country"', at) };
}

function parseAddress(value: unknown, at: Problem): SanctionsAddress {
  const item = record(value, 'an address is not an object', at);
  const address: { street?: string; locality?: string; country?: string } = {};
  for (const key of ['street', 'locality', 'country'] as const) {
    if (item[key] !== undefined) address[key] = text(item[key], `an address's "${key}"`, at);
  }
  return address;
}

function record(value: unknown, what: string, problem: Problem): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw problem(what);
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string, problem: Problem): unknown[] {
  if (!Array.isArray(value)) throw problem(`${what} is not an array`);
  return value;
}

function text(value: unknown, what: string, problem: Problem): string {
  if (typeof value !== 'string' || value === '') throw problem(`${what} is not a non-empty string`);
  return value;
}
