import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { TrestleError } from '../errors/trestle-error';
import { parseSdnCsv, type CsvFile } from './csv/sdn-csv';
import { versionFromFileName } from './list-version';
import type { SanctionsList } from './sanctions-entry';
import { parseSnapshot } from './snapshot';
import { parseSdnXml } from './xml/sdn-xml';

export type ListFormat = SanctionsList['format'];

/** Where a list is and what the caller knows about it. */
export interface ListSource {
  /** `sdn.csv`, `SDN.XML`, or a folder holding the files OFAC publishes (`sdn.csv`, `alt.csv`, `add.csv` or `sdn.xml`). */
  readonly path: string;
  /** Otherwise from the file extension, then from the first character (`<` is XML). */
  readonly format?: ListFormat;
  /** The list version; otherwise the XML's Publish_Date, or the `YYYY-MM-DD` date in a CSV's file or folder name. */
  readonly version?: string;
  readonly altPath?: string;
  readonly addPath?: string;
}

/**
 * Reads and parses a list from disk. File problems are `SANCTIONS_LIST_UNREADABLE`; content
 * problems `SANCTIONS_LIST_MALFORMED` (from the parsers); a CSV with no version anywhere is
 * `ARGUMENT_EMPTY`.
 */
export function readSanctionsList(source: ListSource): SanctionsList {
  const files = locate(source);
  if (files.format === 'xml') return parseSdnXml(readListFile(files.main), source.version);
  const version = source.version ?? versionFromFileName(path.basename(files.main)) ?? versionFromFileName(path.basename(path.dirname(files.main)));
  if (version === undefined) {
    throw new TrestleError('ARGUMENT_EMPTY', 'The CSV list carries no publish date: give its version (for example --version 2024-05-03) or keep the date in the file name.', {
      details: { file: files.main },
    });
  }
  return parseSdnCsv(
    {
      sdn: readListFile(files.main),
      ...(files.alt === undefined ? {} : { alt: readListFile(files.alt) }),
      ...(files.add === undefined ? {} : { add: readListFile(files.add) }),
    },
    version,
  );
}

/** A snapshot written by `trestle sanctions import`, read and validated. */
export function readSnapshot(file: string): SanctionsList {
  const { content } = readListFile(file);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(content).toString('utf8'));
  } catch (error) {
    throw new TrestleError('SANCTIONS_LIST_MALFORMED', 'The sanctions snapshot is not valid JSON: import the list again.', { details: { file }, cause: error });
  }
  return parseSnapshot(value, file);
}

/** A file's bytes, or `SANCTIONS_LIST_UNREADABLE` with the operating system's reason. */
export function readListFile(file: string): CsvFile & { readonly content: Uint8Array } {
  try {
    return { name: file, content: readFileSync(file) };
  } catch (error) {
    throw unreadable(file, error);
  }
}

interface LocatedFiles {
  readonly format: ListFormat;
  readonly main: string;
  readonly alt?: string;
  readonly add?: string;
}

function locate(source: ListSource): LocatedFiles {
  const isFolder = statOf(source.path).isDirectory();
  if (!isFolder) {
    const format = source.format ?? formatOf(source.path);
    return { format, main: source.path, ...optionalPaths(source.altPath, source.addPath) };
  }
  // A downloaded set: OFAC's file names, in whatever case the download tool left them.
  const names = new Map(readdirSync(source.path).map((name) => [name.toLowerCase(), path.join(source.path, name)]));
  const xml = names.get('sdn.xml');
  const csv = names.get('sdn.csv');
  const format = source.format ?? (xml !== undefined ? 'xml' : 'csv');
  const main = format === 'xml' ? xml : csv;
  if (main === undefined) throw unreadable(path.join(source.path, format === 'xml' ? 'sdn.xml' : 'sdn.csv'), Object.assign(new Error('not in the folder'), { code: 'ENOENT' }));
  if (format === 'xml') return { format, main };
  return { format, main, ...optionalPaths(source.altPath ?? names.get('alt.csv'), source.addPath ?? names.get('add.csv')) };
}

function optionalPaths(alt: string | undefined, add: string | undefined): { alt?: string; add?: string } {
  return { ...(alt === undefined ? {} : { alt }), ...(add === undefined ? {} : { add }) };
}

function formatOf(file: string): ListFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xml') return 'xml';
  if (extension === '.csv') return 'csv';
  const head = readListFile(file).content.subarray(0, 512);
  return Buffer.from(head).toString('utf8').trimStart().replace(/^\uFEFF/, '').startsWith('<') ? 'xml' : 'csv';
}

function statOf(file: string): Stats {
  try {
    return statSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): TrestleError {
  const reason = (error as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  const hint = reason === 'ENOENT' ? 'check the path' : reason === 'EACCES' ? 'check the permissions' : 'check the file';
  return new TrestleError('SANCTIONS_LIST_UNREADABLE', `The sanctions list file cannot be read (${reason}): ${hint}.`, { details: { file, reason }, cause: error });
}
