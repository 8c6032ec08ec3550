import { makeAddress } from '../address';
import { decodeListText } from '../list-text';
import { malformedList } from '../list-errors';
import { inputSha256, type ListPart } from '../list-version';
import type { SanctionsAddress, SanctionsEntry, SanctionsEntryKind, SanctionsList, SanctionsName } from '../sanctions-entry';
import { buildSanctionsList } from '../sanctions-list';
import { parseCsvRecords, type CsvRecord } from './csv-records';
import { fieldValue, splitPrograms } from './csv-fields';
import { parseRemarks } from './remarks';

/** One file of the legacy CSV set: its bytes (or text) and the name errors should use. */
export interface CsvFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** The legacy CSV set: `sdn.csv`, and `alt.csv` (aliases) and `add.csv` (addresses) when given. */
export interface SdnCsvSet {
  readonly sdn: CsvFile;
  readonly alt?: CsvFile;
  readonly add?: CsvFile;
}

const SDN_FIELDS = 12;
const ALT_FIELDS = 5;
const ADD_FIELDS = 6;
const ENT_NUM = /^[0-9]+$/;
const ALT_KINDS: Readonly<Record<string, SanctionsName['kind']>> = { aka: 'aka', 'a.k.a.': 'aka', fka: 'fka', 'f.k.a.': 'fka', nka: 'nka', 'n.k.a.': 'nka' };

interface EntryDraft {
  readonly entry: Omit<SanctionsEntry, 'names' | 'addresses'>;
  readonly primary: SanctionsName;
  readonly listedAliases: SanctionsName[];
  readonly remarkAliases: SanctionsName[];
  readonly addresses: SanctionsAddress[];
}

/**
 * Reads OFAC's legacy CSV set into a list. The CSV carries no publish date, so the caller gives
 * the version (the file name's date or the operator's). Aliases come from `alt.csv` and from
 * Remarks (OFAC repeats weak aliases there), each name once.
 */
export function parseSdnCsv(files: SdnCsvSet, version: string): SanctionsList {
  const drafts = new Map<string, EntryDraft>();
  for (const record of recordsOf(files.sdn, SDN_FIELDS)) {
    const draft = sdnDraft(record, files.sdn.name);
    if (drafts.has(draft.entry.uid)) throw malformedList({ file: files.sdn.name, line: record.line, uid: draft.entry.uid }, 'two entries share this uid');
    drafts.set(draft.entry.uid, draft);
  }
  if (files.alt !== undefined) addAliases(drafts, files.alt);
  if (files.add !== undefined) addAddresses(drafts, files.add);
  const parts: ListPart[] = [{ role: 'sdn', bytes: files.sdn.content }];
  if (files.alt !== undefined) parts.push({ role: 'alt', bytes: files.alt.content });
  if (files.add !== undefined) parts.push({ role: 'add', bytes: files.add.content });
  const entries = [...drafts.values()].map(finishEntry);
  return buildSanctionsList({ format: 'csv', version, sha256: inputSha256(parts), file: files.sdn.name }, entries);
}

function recordsOf(file: CsvFile, fieldCount: number): CsvRecord[] {
  const records = parseCsvRecords(decodeListText(file.content, file.name), file.name);
  for (const record of records) {
    if (record.fields.length !== fieldCount) {
      throw malformedList({ file: file.name, line: record.line }, `a row has ${record.fields.length} fields where this file has ${fieldCount}`);
    }
    if (!ENT_NUM.test(record.fields[0]?.trim() ?? '')) {
      throw malformedList({ file: file.name, line: record.line }, 'the first field (ent_num) is not a number', record.fields[0]);
    }
  }
  return records;
}

function sdnDraft(record: CsvRecord, file: string): EntryDraft {
  const [entNum, name, type, program, , , , , , , , remarks] = record.fields;
  const uid = String(entNum).trim();
  const full = fieldValue(name);
  if (full === undefined) throw malformedList({ file, line: record.line, uid }, 'the entry has no name');
  const kind = entryKind(fieldValue(type));
  if (kind === undefined) throw malformedList({ file, line: record.line, uid }, 'the SDN_Type is not individual, vessel, aircraft or empty', type);
  const facts = parseRemarks(fieldValue(remarks) ?? '');
  return {
    entry: { uid, kind, programs: splitPrograms(program), identifiers: facts.identifiers, datesOfBirth: facts.datesOfBirth, nationalities: facts.nationalities },
    primary: { full, kind: 'primary' },
    listedAliases: [],
    remarkAliases: facts.aliases,
    addresses: [],
  };
}

/** The CSV leaves `SDN_Type` empty for entities. */
function entryKind(type: string | undefined): SanctionsEntryKind | undefined {
  if (type === undefined) return 'entity';
  return type === 'individual' || type === 'vessel' || type === 'aircraft' ? type : undefined;
}

function addAliases(drafts: Map<string, EntryDraft>, file: CsvFile): void {
  for (const record of recordsOf(file, ALT_FIELDS)) {
    const [, , altType, altName] = record.fields;
    const draft = ownerOf(drafts, record, file.name);
    const uid = draft.entry.uid;
    const kind = ALT_KINDS[fieldValue(altType)?.toLowerCase() ?? ''];
    if (kind === undefined) throw malformedList({ file: file.name, line: record.line, uid }, 'the alt_type is not aka, fka or nka', altType);
    const full = fieldValue(altName);
    if (full === undefined) throw malformedList({ file: file.name, line: record.line, uid }, 'an alias has no name');
    draft.listedAliases.push({ full, kind });
  }
}

function addAddresses(drafts: Map<string, EntryDraft>, file: CsvFile): void {
  for (const record of recordsOf(file, ADD_FIELDS)) {
    const [, , street, locality, country] = record.fields;
    const draft = ownerOf(drafts, record, file.name);
    const address = makeAddress({ street: fieldValue(street), locality: fieldValue(locality), country: fieldValue(country) });
    if (address !== undefined) draft.addresses.push(address);
  }
}

function ownerOf(drafts: Map<string, EntryDraft>, record: CsvRecord, file: string): EntryDraft {
  const uid = String(record.fields[0]).trim();
  const draft = drafts.get(uid);
  if (draft === undefined) throw malformedList({ file, line: record.line, uid }, 'the row belongs to an entry that is not in sdn.csv');
  return draft;
}

function finishEntry(draft: EntryDraft): SanctionsEntry {
  const names: SanctionsName[] = [draft.primary];
  for (const alias of [...draft.listedAliases, ...draft.remarkAliases]) {
    if (!names.some((name) => name.full === alias.full && name.kind === alias.kind)) names.push(alias);
  }
  const { uid, kind, programs, identifiers, datesOfBirth, nationalities } = draft.entry;
  return { uid, kind, names, programs, identifiers, datesOfBirth, nationalities, addresses: draft.addresses };
}
