import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { readSanctionsList, readSnapshot } from './read-sanctions-list';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'sanctions');
const fixture = (name: string): string => path.join(FIXTURES, name);
const made: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trestle-sanctions-'));
  made.push(dir);
  return dir;
};
test.after.always(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test('a CSV path reads with the version given, and the format comes from the extension', (t) => {
  const list = readSanctionsList({ path: fixture('sdn.csv'), version: '2024-01-31', altPath: fixture('alt.csv'), addPath: fixture('add.csv') });
  t.is(list.format, 'csv');
  t.is(list.entries.length, 8);
  t.is(list.entries.find((entry) => entry.uid === '306')?.addresses.length, 1);
});

test('a CSV whose file name carries a date takes that date as its version', (t) => {
  const dir = tempDir();
  copyFileSync(fixture('sdn.csv'), path.join(dir, 'sdn-2023-11-30.csv'));
  t.is(readSanctionsList({ path: path.join(dir, 'sdn-2023-11-30.csv') }).version, '2023-11-30');
});

test('a CSV with no version anywhere is ARGUMENT_EMPTY', (t) => {
  t.true(isTrestleError(t.throws(() => readSanctionsList({ path: fixture('sdn.csv') })), 'ARGUMENT_EMPTY'));
});

test('a downloaded folder is read as OFAC names its files, preferring the XML', (t) => {
  const dir = path.join(tempDir(), 'ofac-2024-01-31');
  mkdirSync(dir);
  for (const name of ['sdn.csv', 'alt.csv', 'add.csv']) copyFileSync(fixture(name), path.join(dir, name.toUpperCase()));
  const csv = readSanctionsList({ path: dir });
  t.is(csv.format, 'csv');
  t.is(csv.version, '2024-01-31', 'from the folder name');
  t.deepEqual(csv.entries.find((entry) => entry.uid === '90003')?.names.length, 2, 'alt.csv was found');
  copyFileSync(fixture('sdn.xml'), path.join(dir, 'SDN.XML'));
  t.is(readSanctionsList({ path: dir }).format, 'xml');
  t.is(readSanctionsList({ path: dir, format: 'csv' }).format, 'csv');
});

test('a file without a known extension is recognised by its first character', (t) => {
  const dir = tempDir();
  copyFileSync(fixture('sdn.xml'), path.join(dir, 'download'));
  t.is(readSanctionsList({ path: path.join(dir, 'download') }).format, 'xml');
});

test('a missing file is SANCTIONS_LIST_UNREADABLE with the path and the reason', (t) => {
  const missing = path.join(tempDir(), 'nope.csv');
  const error = t.throws(() => readSanctionsList({ path: missing, version: 'v' }));
  t.true(isTrestleError(error, 'SANCTIONS_LIST_UNREADABLE'));
  t.like(isTrestleError(error) ? error.details : {}, { file: missing, reason: 'ENOENT' });
  const folder = t.throws(() => readSanctionsList({ path: tempDir() }));
  t.true(isTrestleError(folder, 'SANCTIONS_LIST_UNREADABLE'), 'a folder without sdn.csv or sdn.xml');
});

test('a snapshot that is not JSON is SANCTIONS_LIST_MALFORMED', (t) => {
  const file = path.join(tempDir(), 'cut.json');
  writeFileSync(file, '{"source":"ofac-sdn","entr');
  t.true(isTrestleError(t.throws(() => readSnapshot(file)), 'SANCTIONS_LIST_MALFORMED'));
});
