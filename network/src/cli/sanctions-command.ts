import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isTrestleError, TrestleError } from '@trestle/compliance/src/errors/trestle-error';
import { summariseList } from '@trestle/compliance/src/sanctions/list-summary';
import { readSanctionsList, readSnapshot, type ListFormat } from '@trestle/compliance/src/sanctions/read-sanctions-list';
import type { SanctionsList } from '@trestle/compliance/src/sanctions/sanctions-entry';
import { DEFAULT_REVIEW_FLOOR, DEFAULT_THRESHOLD, screen, type ScreeningResult } from '@trestle/compliance/src/sanctions/screening/screen';
import { snapshotJson } from '@trestle/compliance/src/sanctions/snapshot';
import { stackFromEnv } from '../stack/stack-config';

// The version names the snapshot file, so it must be a plain file name.
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Errors that mean "fix the input", reported as one sentence and exit code 2, not a stack trace. */
const INPUT_ERRORS = new Set(['SANCTIONS_LIST_MALFORMED', 'SANCTIONS_LIST_UNREADABLE', 'ARGUMENT_EMPTY']);

/** A problem with how the command was used that only this command knows about. */
class InputError extends Error {}

/** `trestle sanctions import|screen`: load OFAC lists into snapshots and screen names against them. */
export function sanctionsCommand(): Command {
  const command = new Command('sanctions').description('import OFAC SDN lists and screen names and identifiers against them, or (screen-investors) your bank\'s investors from the ledger');
  command
    .command('import')
    .description('parse an OFAC SDN list (CSV set or XML), print its counts and save a snapshot under the state folder\'s sanctions/ (.trestle, or $TRESTLE_HOME)')
    .argument('<path>', 'sdn.csv, SDN.XML, or a folder with the downloaded files')
    .addOption(new Option('--format <format>', 'list format (default: from the extension or content)').choices(['csv', 'xml']))
    .option('--version <version>', 'list version (default: the XML Publish_Date, or a YYYY-MM-DD date in the CSV file or folder name)', parseVersion)
    .option('--alt <path>', 'alt.csv with aliases (default: alt.csv beside a folder’s sdn.csv)')
    .option('--add <path>', 'add.csv with addresses (default: add.csv beside a folder’s sdn.csv)')
    .action(reportingInputErrors(importList));
  command
    .command('screen')
    .description('screen a subject by name and identifiers against an imported list')
    .option('--name <name>', 'a name of the subject (repeatable, for aliases; give a name, an --id or both)', collect, [])
    .option('--id <number>', 'a passport, ID or registration number (repeatable)', collect, [])
    .option('--dob <date>', 'date of birth, YYYY-MM-DD, YYYY-MM or YYYY (reported as evidence)')
    .option('--nationality <country>', 'nationality as a country name (reported as evidence)')
    .option('--list <list>', 'a snapshot (.json), a version imported before, or a list file (default: the latest import)')
    .option('--version <version>', 'version of a CSV list file given with --list whose name carries no date', parseVersion)
    .option('--threshold <score>', 'score from which a match is a hit', parseScore, DEFAULT_THRESHOLD)
    .option('--review-floor <score>', 'score from which a match needs review', parseScore, DEFAULT_REVIEW_FLOOR)
    .option('--json', 'print the result as JSON')
    .action(reportingInputErrors(screenSubject));
  return command;
}

interface ImportOptions {
  readonly format?: ListFormat;
  readonly version?: string;
  readonly alt?: string;
  readonly add?: string;
}

function importList(listPath: string, options: ImportOptions): void {
  const list = readSanctionsList({ path: listPath, format: options.format, version: options.version, altPath: options.alt, addPath: options.add });
  if (!VERSION.test(list.version)) throw new InputError(`the list version ${JSON.stringify(list.version)} cannot name a snapshot file: give --version, e.g. 2024-05-03`);
  const summary = summariseList(list);
  const saved = saveSnapshot(list);
  console.log(`imported   OFAC SDN list (${list.format}), version ${list.version}`);
  console.log(`sha256     ${list.sha256}`);
  console.log(`entries    ${summary.entries}`);
  for (const { kind, count } of summary.byKind) console.log(`  ${kind.padEnd(12)} ${String(count).padStart(6)}`);
  console.log(`programs   ${summary.byProgram.length}`);
  const width = Math.max(...summary.byProgram.map((row) => row.program.length), 12);
  for (const { program, count } of summary.byProgram) console.log(`  ${program.padEnd(width)} ${String(count).padStart(6)}`);
  console.log(`snapshot   ${saved.file}${saved.unchanged ? ' (already saved, unchanged)' : ''}`);
}

interface ScreenOptions {
  readonly name: string[];
  readonly id: string[];
  readonly dob?: string;
  readonly nationality?: string;
  readonly list?: string;
  readonly version?: string;
  readonly threshold: number;
  readonly reviewFloor: number;
  readonly json?: boolean;
}

function screenSubject(options: ScreenOptions): void {
  const list = loadList(options.list, options.version);
  const subject = {
    names: options.name,
    identifiers: options.id.map((number) => ({ number })),
    ...(options.dob === undefined ? {} : { dateOfBirth: options.dob }),
    ...(options.nationality === undefined ? {} : { nationality: options.nationality }),
  };
  const result = screen(list, subject, { threshold: options.threshold, reviewFloor: options.reviewFloor });
  console.log(options.json ? JSON.stringify(result, null, 2) : resultTable(result, list, [...options.name, ...options.id.map((number) => `id ${number}`)]));
}

/** Where snapshots live: one JSON file per list version. */
function snapshotFolder(): string {
  return path.join(stackFromEnv().home, 'sanctions');
}

function saveSnapshot(list: SanctionsList): { file: string; unchanged: boolean } {
  const folder = snapshotFolder();
  const file = path.join(folder, `${list.version}.json`);
  const json = snapshotJson(list);
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    if (current === json) return { file, unchanged: true };
    // Screenings are recorded by version and hash; silently replacing a version would orphan them.
    throw new InputError(`a different list is already saved as version ${list.version} (${file}): give another --version, or delete that snapshot if it was wrong`);
  }
  mkdirSync(folder, { recursive: true });
  // Write then rename, so a reader never sees half a snapshot.
  const partial = `${file}.partial`;
  writeFileSync(partial, json);
  renameSync(partial, file);
  return { file, unchanged: false };
}

/** The list `--list` names (a snapshot file, an imported version or a list file), or the latest import without it. */
export function loadList(list: string | undefined, version: string | undefined): SanctionsList {
  const folder = snapshotFolder();
  if (list === undefined) {
    // Versions are publish dates (YYYY-MM-DD), so the last by name is the newest.
    const latest = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort().at(-1) : undefined;
    if (latest === undefined) {
      throw new TrestleError('SANCTIONS_LIST_UNREADABLE', 'No sanctions list has been imported yet: run "trestle sanctions import <path>" first, or pass --list.', { details: { folder } });
    }
    return readSnapshot(path.join(folder, latest));
  }
  if (!existsSync(list) && VERSION.test(list) && existsSync(path.join(folder, `${list}.json`))) return readSnapshot(path.join(folder, `${list}.json`));
  if (list.toLowerCase().endsWith('.json')) return readSnapshot(list);
  return readSanctionsList({ path: list, version });
}

function resultTable(result: ScreeningResult, list: SanctionsList, subject: readonly string[]): string {
  const entries = new Map(list.entries.map((entry) => [entry.uid, entry]));
  const lines = [
    `list       OFAC SDN ${result.listVersion} (sha256 ${result.listSha256.slice(0, 16)}…)`,
    `subject    ${subject.join(' / ')}`,
    `status     ${result.status.toUpperCase()}  (hit from ${result.threshold}, review from ${result.reviewFloor})`,
  ];
  if (result.matches.length === 0) return [...lines, '', 'no matches'].join('\n');
  const rows = result.matches.map((match) => {
    const entry = entries.get(match.uid);
    const evidence = [
      match.identifier === undefined ? undefined : `${match.identifier.type} ${match.identifier.number}`,
      match.dateOfBirth === undefined ? undefined : `date of birth ${match.dateOfBirth}`,
      match.nationality === undefined ? undefined : `nationality ${match.nationality}`,
    ].filter((part) => part !== undefined);
    return [match.uid, match.score.toFixed(4), match.matchedOn, entry?.kind ?? '', match.name, entry?.programs.join(' ') ?? '', evidence.join('; ')];
  });
  const header = ['uid', 'score', 'on', 'kind', 'listed name', 'programs', 'evidence'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: readonly string[]): string => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [...lines, '', format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)].join('\n');
}

function reportingInputErrors<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      action(...args);
    } catch (error) {
      if (error instanceof InputError) {
        console.error(`error: ${error.message}`);
        process.exitCode = 2;
        return;
      }
      if (!isTrestleError(error) || !INPUT_ERRORS.has(error.code)) throw error;
      console.error(`error: ${error.sentence}`);
      for (const [key, value] of Object.entries(error.details ?? {})) console.error(`  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
      process.exitCode = 2;
    }
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseVersion(value: string): string {
  if (!VERSION.test(value)) throw new InvalidArgumentError('use letters, digits, ".", "-" and "_" only, e.g. 2024-05-03');
  return value;
}

function parseScore(value: string): number {
  const score = Number(value);
  if (!(score > 0 && score <= 1)) throw new InvalidArgumentError('give a number above 0 and at most 1, e.g. 0.9');
  return score;
}
