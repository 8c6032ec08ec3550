import { readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { parseSdnCsv } from './csv/sdn-csv';
import { summariseList } from './list-summary';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'sanctions', 'sdn.csv');

test('the fixture counts by kind in a fixed order and by program, most entries first', (t) => {
  const summary = summariseList(parseSdnCsv({ sdn: { name: 'sdn.csv', content: readFileSync(FIXTURE) } }, 'v'));
  t.is(summary.entries, 8);
  t.deepEqual(summary.byKind, [
    { kind: 'individual', count: 3 },
    { kind: 'entity', count: 3 },
    { kind: 'vessel', count: 1 },
    { kind: 'aircraft', count: 1 },
  ]);
  t.deepEqual(summary.byProgram, [
    { program: 'CUBA', count: 2 },
    { program: 'SDGT', count: 2 },
    { program: 'TEST-A', count: 2 },
    { program: 'TEST-B', count: 2 },
    { program: 'CAATSA - RUSSIA', count: 1 },
    { program: 'CYBER2', count: 1 },
  ]);
});
