import test from 'ava';
import { TapFileClock } from './tap-file-clock';

const FILES = new Set(['network/test/chaos/mixed-load-faults', 'bridge/test/gateway-quorum']);
const clock = (startedAt = 0) => new TapFileClock(startedAt, (path) => (FILES.has(path) ? `${path}.test.ts` : undefined));

test('each result line adds the time since the previous one to its file', (t) => {
  const files = clock(1_000);
  files.observe('ok 1 - bridge › test › gateway-quorum › a pause signed by two of three takes effect', 4_000);
  files.observe('ok 2 - bridge › test › gateway-quorum › a replayed nonce is refused', 5_000);
  files.observe('# network › test › chaos › mixed-load-faults › before hook', 9_000);
  files.observe('not ok 3 - network › test › chaos › mixed-load-faults › (short form) kill -9 › of the leader', 65_000);
  t.deepEqual(files.slowest(5), [
    { file: 'network/test/chaos/mixed-load-faults.test.ts', seconds: 60 },
    { file: 'bridge/test/gateway-quorum.test.ts', seconds: 4 },
  ]);
});

test('skipped tests count toward their file; lines of no known file and other TAP lines are ignored', (t) => {
  const files = clock();
  files.observe('TAP version 13', 1_000);
  files.observe('ok 1 - bridge › test › gateway-quorum › later # SKIP', 2_000);
  files.observe('ok 2 - somewhere › else › entirely', 7_000);
  files.observe('# tests 2', 8_000);
  t.deepEqual(files.slowest(5), [{ file: 'bridge/test/gateway-quorum.test.ts', seconds: 2 }]);
});

test('slowest keeps only the count asked for', (t) => {
  const files = clock();
  files.observe('ok 1 - bridge › test › gateway-quorum › x', 1_000);
  files.observe('ok 2 - network › test › chaos › mixed-load-faults › y', 3_000);
  t.deepEqual(files.slowest(1).map((entry) => entry.file), ['network/test/chaos/mixed-load-faults.test.ts']);
});
