import { makeAddress } from '../address';
import { makeIdentifier } from '../identifier';
import { malformedList } from '../list-errors';
import type { SanctionsAddress, SanctionsEntry, SanctionsEntryKind, SanctionsIdentifier, SanctionsName } from '../sanctions-entry';
import { childOf, childrenOf, childText, type XmlNode } from './xml-node';

const KINDS: Readonly<Record<string, SanctionsEntryKind>> = { individual: 'individual', entity: 'entity', vessel: 'vessel', aircraft: 'aircraft' };
const ALIAS_KINDS: Readonly<Record<string, SanctionsName['kind']>> = { 'a.k.a.': 'aka', 'f.k.a.': 'fka', 'n.k.a.': 'nka' };

/** One `<sdnEntry>` as an entry, shaped exactly as the CSV reader shapes it. */
export function sdnXmlEntry(node: XmlNode, file: string): SanctionsEntry {
  const uid = childText(node, 'uid');
  if (uid === undefined || !/^[0-9]+$/.test(uid)) throw malformedList({ file, line: node.line }, 'an <sdnEntry> has no numeric <uid>', uid);
  const at = { file, line: node.line, uid };
  const type = childText(node, 'sdnType');
  const kind = KINDS[type?.toLowerCase() ?? ''];
  if (kind === undefined) throw malformedList(at, 'the <sdnType> is not Individual, Entity, Vessel or Aircraft', type ?? '');
  const primary = fullName(node);
  if (primary === undefined) throw malformedList(at, 'the entry has no <lastName>');
  const names: SanctionsName[] = [{ full: primary, kind: 'primary' }];
  for (const aka of childrenOf(childOf(node, 'akaList'), 'aka')) {
    const full = fullName(aka);
    const aliasKind = ALIAS_KINDS[childText(aka, 'type') ?? 'a.k.a.'];
    if (full === undefined || aliasKind === undefined) throw malformedList({ ...at, line: aka.line }, 'an <aka> has no <lastName> or an unknown <type>');
    if (!names.some((name) => name.full === full && name.kind === aliasKind)) names.push({ full, kind: aliasKind });
  }
  return {
    uid,
    kind,
    names,
    programs: listTexts(node, 'programList', 'program'),
    identifiers: identifiers(node),
    datesOfBirth: childrenOf(childOf(node, 'dateOfBirthList'), 'dateOfBirthItem').flatMap((item) => optional(childText(item, 'dateOfBirth'))),
    nationalities: unique([
      ...childrenOf(childOf(node, 'nationalityList'), 'nationality').flatMap((item) => optional(childText(item, 'country'))),
      ...childrenOf(childOf(node, 'citizenshipList'), 'citizenship').flatMap((item) => optional(childText(item, 'country'))),
    ]),
    addresses: childrenOf(childOf(node, 'addressList'), 'address').flatMap(address),
  };
}

/** `LAST, Given` as OFAC's CSV prints it, or `LAST` when there is no given name. */
function fullName(node: XmlNode): string | undefined {
  const last = childText(node, 'lastName');
  const first = childText(node, 'firstName');
  if (last === undefined) return undefined;
  return first === undefined ? last : `${last}, ${first}`;
}

function identifiers(node: XmlNode): SanctionsIdentifier[] {
  return childrenOf(childOf(node, 'idList'), 'id').flatMap((id) => {
    const type = childText(id, 'idType');
    const number = childText(id, 'idNumber');
    return type === undefined || number === undefined ? [] : optional(makeIdentifier(type, number, childText(id, 'idCountry')));
  });
}

function address(node: XmlNode): SanctionsAddress[] {
  return optional(
    makeAddress({
      street: join([childText(node, 'address1'), childText(node, 'address2'), childText(node, 'address3')]),
      // The CSV's one "City/State/Province/Postal Code" field, built the same way.
      locality: join([childText(node, 'city'), childText(node, 'stateOrProvince'), childText(node, 'postalCode')]),
      country: childText(node, 'country'),
    }),
  );
}

function listTexts(node: XmlNode, list: string, item: string): string[] {
  return childrenOf(childOf(node, list), item).flatMap((child) => optional(child.text.trim() === '' ? undefined : child.text.trim()));
}

function join(parts: readonly (string | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined);
  return present.length === 0 ? undefined : present.join(', ');
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function unique(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) === index);
}
