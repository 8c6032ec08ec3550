import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { isTrestleError } from '../../errors/trestle-error';
import { sha256Hex } from '../list-version';
import { parseSdnCsv, type CsvFile } from './sdn-csv';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'sanctions');
const fixture = (name: string): CsvFile => ({ name, content: readFileSync(path.join(FIXTURES, name)) });
const text = (name: string, content: string): CsvFile => ({ name, content });
const ROW_TAIL = '-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- '; // Title … Remarks: eight empty fields

test('the fixture sdn.csv alone gives every entry with its kind, programs and remarks facts', (t) => {
  const list = parseSdnCsv({ sdn: fixture('sdn.csv') }, '2024-01-31');
  t.is(list.source, 'ofac-sdn');
  t.is(list.format, 'csv');
  t.is(list.version, '2024-01-31');
  t.deepEqual(
    list.entries.map((entry) => `${entry.uid} ${entry.kind}`),
    ['306 entity', '4243 vessel', '7203 individual', '15431 aircraft', '21328 individual', '90001 entity', '90002 individual', '90003 entity'],
  );
  const northwind = list.entries.find((entry) => entry.uid === '90001');
  t.deepEqual(northwind?.names, [
    { full: 'TRESTLE TEST HOLDINGS, "NORTHWIND" LTD.', kind: 'primary' },
    { full: 'NORTHWIND', kind: 'aka' },
  ]);
  t.deepEqual(northwind?.programs, ['TEST-A', 'TEST-B']);
  t.deepEqual(list.entries.find((entry) => entry.uid === '21328')?.programs, ['CYBER2', 'CAATSA - RUSSIA']);
});

test('the hash of a single file is its plain SHA-256, as sha256sum prints it', (t) => {
  const sdn = fixture('sdn.csv');
  t.is(parseSdnCsv({ sdn }, 'v').sha256, sha256Hex(sdn.content));
});

test('alt.csv adds aliases and add.csv addresses; a name given in both places appears once', (t) => {
  const list = parseSdnCsv({ sdn: fixture('sdn.csv'), alt: fixture('alt.csv'), add: fixture('add.csv') }, '2024-01-31');
  const byUid = new Map(list.entries.map((entry) => [entry.uid, entry]));
  t.deepEqual(byUid.get('306')?.names, [
    { full: 'BANCO NACIONAL DE CUBA', kind: 'primary' },
    { full: 'BNC', kind: 'aka' },
  ]);
  t.deepEqual(byUid.get('90002')?.names.map((name) => `${name.kind} ${name.full}`), ['primary DVOŘÁKOVÁ, Zdeňka Marie', 'fka NOVAKOVA, Zdenka', "aka O'BRIEN, Zdena"]);
  t.deepEqual(byUid.get('90001')?.addresses, [{ street: '12 Harbour Road, Unit 4', locality: 'Valletta, VLT 1000', country: 'Malta' }]);
  t.deepEqual(byUid.get('7203')?.addresses, [], 'an all-empty address row adds nothing');
  t.not(list.sha256, parseSdnCsv({ sdn: fixture('sdn.csv') }, '2024-01-31').sha256, 'the hash covers every file');
});

test('a row with the wrong number of fields is refused with its line', (t) => {
  const error = t.throws(() => parseSdnCsv({ sdn: text('sdn.csv', `1,"A",-0- ,"X",${ROW_TAIL}\r\n2,"B",-0- ,"X"\r\n`) }, 'v'));
  t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'));
  t.like(isTrestleError(error) ? error.details : {}, { file: 'sdn.csv', line: 2 });
});

test('an unknown SDN type, a missing name and a repeated uid are refused with the entry', (t) => {
  const cases: [string, string][] = [
    [`7,"A","person","X",${ROW_TAIL}`, 'the SDN_Type'],
    [`7,-0- ,-0- ,"X",${ROW_TAIL}`, 'no name'],
    [`7,"A",-0- ,"X",${ROW_TAIL}\n7,"B",-0- ,"X",${ROW_TAIL}`, 'share this uid'],
    [`x7,"A",-0- ,"X",${ROW_TAIL}`, 'ent_num'],
  ];
  for (const [csv, problem] of cases) {
    const error = t.throws(() => parseSdnCsv({ sdn: text('sdn.csv', csv) }, 'v'));
    t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'), csv);
    t.true(isTrestleError(error) && String(error.details?.problem).includes(problem), csv);
  }
});

test('an alias or address for an entry that is not in sdn.csv is refused', (t) => {
  const sdn = text('sdn.csv', `7,"A",-0- ,"X",${ROW_TAIL}`);
  const alt = t.throws(() => parseSdnCsv({ sdn, alt: text('alt.csv', '8,1,"aka","B",-0- ') }, 'v'));
  t.like(isTrestleError(alt, 'SANCTIONS_LIST_MALFORMED') ? alt.details : {}, { file: 'alt.csv', line: 1, uid: '8' });
  const add = t.throws(() => parseSdnCsv({ sdn, add: text('add.csv', '8,1,-0- ,"Rome","Italy",-0- ') }, 'v'));
  t.like(isTrestleError(add, 'SANCTIONS_LIST_MALFORMED') ? add.details : {}, { file: 'add.csv', uid: '8' });
});

test('bytes that are not UTF-8 are refused rather than imported with replacement characters', (t) => {
  const error = t.throws(() => parseSdnCsv({ sdn: { name: 'sdn.csv', content: Buffer.from([0x31, 0x2c, 0x22, 0xff, 0x22]) } }, 'v'));
  t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'));
});

test('an empty version is ARGUMENT_EMPTY', (t) => {
  const error = t.throws(() => parseSdnCsv({ sdn: fixture('sdn.csv') }, ' '));
  t.true(isTrestleError(error, 'ARGUMENT_EMPTY'));
});
