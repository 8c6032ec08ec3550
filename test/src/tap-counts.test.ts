import test from 'ava';
import { parseTapCounts } from './tap-counts';

test('reads pass, fail and skip totals from an ava TAP stream', (t) => {
  const tap = ['TAP version 13', 'ok 1 - a', 'not ok 2 - b', '', '1..2', '# tests 3', '# pass 1', '# skip 1', '# fail 1', ''].join('\n');
  t.deepEqual(parseTapCounts(tap), { passed: 1, failed: 1, skipped: 1 });
});

test('a stream without totals counts nothing, so the runner can flag the crash', (t) => {
  t.deepEqual(parseTapCounts('Error: cannot find module'), { passed: 0, failed: 0, skipped: 0 });
});
