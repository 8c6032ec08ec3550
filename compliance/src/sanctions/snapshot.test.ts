import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { isTrestleError } from '../errors/trestle-error';
import { parseSdnXml } from './xml/sdn-xml';
import { parseSnapshot, snapshotJson } from './snapshot';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'sanctions', 'sdn.xml');
const list = parseSdnXml({ name: 'sdn.xml', content: readFileSync(FIXTURE) });

test('a snapshot reads back to the same list and writes the same bytes again', (t) => {
  const json = snapshotJson(list);
  const back = parseSnapshot(JSON.parse(json), 'snap.json');
  t.deepEqual(back, list);
  t.is(snapshotJson(back), json);
});

test('an edited or cut snapshot is SANCTIONS_LIST_MALFORMED naming the entry when it can', (t) => {
  const good = JSON.parse(snapshotJson(list)) as { entries: Record<string, unknown>[] } & Record<string, unknown>;
  const broken: [string, unknown][] = [
    ['not an object', []],
    ['wrong source', { ...good, source: 'eu' }],
    ['short hash', { ...good, sha256: 'abc' }],
    ['entries missing', { ...good, entries: undefined }],
    ['bad kind', { ...good, entries: [{ ...good.entries[0], kind: 'person' }] }],
    ['alias first', { ...good, entries: [{ ...good.entries[0], names: [{ full: 'X', kind: 'aka' }] }] }],
    ['number missing', { ...good, entries: [{ ...good.entries[0], identifiers: [{ type: 'Passport' }] }] }],
  ];
  for (const [what, value] of broken) {
    const error = t.throws(() => parseSnapshot(value, 'snap.json'), undefined, what);
    t.true(isTrestleError(error, 'SANCTIONS_LIST_MALFORMED'), what);
  }
  const error = t.throws(() => parseSnapshot({ ...good, entries: [{ ...good.entries[0], kind: 'person' }] }, 'snap.json'));
  t.like(isTrestleError(error) ? error.details : {}, { file: 'snap.json', uid: '306' });
});
