import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { REPO_ROOT } from '../stack/stack-config';

const FIXTURES = path.join(REPO_ROOT, 'compliance', 'fixtures', 'sanctions');
const homes: string[] = [];

/** A fresh TRESTLE_HOME, so tests run in parallel without sharing snapshots. */
function freshHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'trestle-cli-sanctions-'));
  homes.push(home);
  return home;
}

test.after.always(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

/** Runs `trestle sanctions …` as `npm run trestle` does. */
function trestle(home: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', 'sanctions', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: home },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const importCsvSet = (home: string): ReturnType<typeof trestle> =>
  trestle(home, 'import', path.join(FIXTURES, 'sdn.csv'), '--alt', path.join(FIXTURES, 'alt.csv'), '--add', path.join(FIXTURES, 'add.csv'), '--version', '2024-01-31');

test('import prints counts by kind and program, the version and hash, and saves a snapshot', (t) => {
  const home = freshHome();
  const run = importCsvSet(home);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /version 2024-01-31/);
  t.regex(run.stdout, /sha256 +[0-9a-f]{64}/);
  t.regex(run.stdout, /entries +8\n/);
  t.regex(run.stdout, /individual +3\n/);
  t.regex(run.stdout, /CAATSA - RUSSIA +1\n/);
  const snapshot = path.join(home, 'sanctions', '2024-01-31.json');
  t.true(existsSync(snapshot));
  const saved = JSON.parse(readFileSync(snapshot, 'utf8')) as { entries: unknown[]; format: string };
  t.is(saved.entries.length, 8);
  t.is(saved.format, 'csv');
});

test('importing the same list again leaves the snapshot; another list under that version is refused', (t) => {
  const home = freshHome();
  t.is(importCsvSet(home).code, 0);
  const again = importCsvSet(home);
  t.is(again.code, 0);
  t.regex(again.stdout, /unchanged/);
  const other = trestle(home, 'import', path.join(FIXTURES, 'sdn.xml'), '--version', '2024-01-31');
  t.is(other.code, 2);
  t.regex(other.stderr, /different list is already saved as version 2024-01-31/);
});

test('the XML imports under its publish date and screening then reports a hit in a table', (t) => {
  const home = freshHome();
  const imported = trestle(home, 'import', path.join(FIXTURES, 'sdn.xml'));
  t.is(imported.code, 0, imported.stderr);
  t.regex(imported.stdout, /OFAC SDN list \(xml\), version 2024-01-31/);
  const run = trestle(home, 'screen', '--name', 'Igor Valentinovich KOROBOV');
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /status +HIT/);
  t.regex(run.stdout, /21328 +1\.0000 +name +individual +KOROBOV, Igor Valentinovich +CYBER2 CAATSA - RUSSIA/);
});

test('screen --json prints the result with the list version and an identifier match', (t) => {
  const home = freshHome();
  t.is(importCsvSet(home).code, 0);
  const run = trestle(home, 'screen', '--name', 'Nobody In Particular', '--id', 'L-191609', '--list', '2024-01-31', '--json');
  t.is(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { status: string; listVersion: string; matches: { uid: string; matchedOn: string }[] };
  t.is(result.status, 'hit');
  t.is(result.listVersion, '2024-01-31');
  t.like(result.matches[0], { uid: '7203', matchedOn: 'identifier' });
});

test('screen accepts a list file directly and says clear for an invented name', (t) => {
  const run = trestle(freshHome(), 'screen', '--name', 'Philippa Quennell-Hartwig', '--list', path.join(FIXTURES, 'sdn.xml'));
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /status +CLEAR/);
  t.regex(run.stdout, /no matches/);
});

test('screen with neither a name nor an identifier is exit code 2 saying what to give', (t) => {
  const run = trestle(freshHome(), 'screen', '--list', path.join(FIXTURES, 'sdn.xml'), '--id', '12');
  t.is(run.code, 2);
  t.regex(run.stderr, /Give at least one name/);
});

test('screening before any import says what to run, with exit code 2', (t) => {
  const run = trestle(freshHome(), 'screen', '--name', 'Anyone');
  t.is(run.code, 2);
  t.regex(run.stderr, /run "trestle sanctions import <path>" first/);
});

test('a missing file is exit code 2 with the path and the reason', (t) => {
  const home = freshHome();
  const missing = path.join(home, 'nope.csv');
  const run = trestle(home, 'import', missing, '--version', '2024-01-31');
  t.is(run.code, 2);
  t.regex(run.stderr, /cannot be read \(ENOENT\)/);
  t.true(run.stderr.includes(missing));
});

test('a malformed list is exit code 2 naming the file, the line and the problem', (t) => {
  const home = freshHome();
  const bad = path.join(home, 'sdn-2024-01-31.csv');
  writeFileSync(bad, '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n307,"HALF A ROW\r\n');
  const run = trestle(home, 'import', bad);
  t.is(run.code, 2);
  t.regex(run.stderr, /malformed at line 2: a quoted field is never closed/);
  t.true(run.stderr.includes(`file: ${bad}`));
  t.false(existsSync(path.join(home, 'sanctions')), 'nothing is saved');
});
