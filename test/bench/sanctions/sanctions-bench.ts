/**
 * Sanctions import and screening on the real OFAC list, by hand (not part of `npm test` or
 * `npm run bench`): `node --import tsx test/bench/sanctions/sanctions-bench.ts [path] [--subjects N]`.
 * Prints import time (median of 5), index build time and screening latency and throughput.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSanctionsList } from '@trestle/compliance/src/sanctions/read-sanctions-list';
import type { SanctionsList } from '@trestle/compliance/src/sanctions/sanctions-entry';
import { screen, type ScreeningSubject } from '@trestle/compliance/src/sanctions/screening/screen';
import { screeningIndex } from '@trestle/compliance/src/sanctions/screening/screening-index';
import { REPO_ROOT } from '@trestle/network/src/stack/stack-config';

const DEFAULT_LIST = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'ofac', 'sdn-2024-05-03.csv');
const IMPORT_RUNS = 5;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Listed names with their words reversed (every n-th entry) and invented ones, in a fixed order. */
function subjects(list: SanctionsList, count: number): ScreeningSubject[] {
  const step = Math.max(1, Math.floor(list.entries.length / count));
  return Array.from({ length: count }, (_, i) => {
    if (i % 2 === 1) return { names: [`Invented Person ${i} Quennell`], identifiers: [{ number: `X${String(i).padStart(8, '0')}` }] };
    const primary = list.entries[(i * step) % list.entries.length]?.names[0]?.full ?? 'Nobody';
    return { names: [primary.split(/[ ,]+/).reverse().join(' ')] };
  });
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { subjects: { type: 'string', default: '2000' } } });
  const file = path.resolve(positionals[0] ?? DEFAULT_LIST);
  const imports: number[] = [];
  let list: SanctionsList | undefined;
  for (let run = 0; run < IMPORT_RUNS; run += 1) {
    const started = performance.now();
    list = readSanctionsList({ path: file });
    imports.push(performance.now() - started);
  }
  if (list === undefined) return;
  const indexStarted = performance.now();
  screeningIndex(list);
  const indexMs = performance.now() - indexStarted;
  const batch = subjects(list, Number(values.subjects));
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const batchStarted = performance.now();
  for (const subject of batch) {
    const started = performance.now();
    const result = screen(list, subject);
    latencies.push(performance.now() - started);
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  const totalMs = performance.now() - batchStarted;
  const sortedImports = [...imports].sort((a, b) => a - b);
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(`list        ${file} (${list.entries.length} entries, version ${list.version})`);
  console.log(`machine     ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown'}, node ${process.version}`);
  console.log(`import      median ${percentile(sortedImports, 50).toFixed(0)} ms of ${IMPORT_RUNS} (min ${sortedImports[0]?.toFixed(0)} ms, max ${sortedImports.at(-1)?.toFixed(0)} ms): read, parse, hash`);
  console.log(`index       ${indexMs.toFixed(0)} ms, once per list`);
  console.log(`screening   ${batch.length} subjects in ${totalMs.toFixed(0)} ms: ${((batch.length / totalMs) * 1000).toFixed(0)} subjects/s`);
  console.log(`latency     p50 ${percentile(sorted, 50).toFixed(3)} ms, p95 ${percentile(sorted, 95).toFixed(3)} ms, max ${sorted.at(-1)?.toFixed(3)} ms`);
  console.log(`statuses    ${JSON.stringify(statuses)}`);
}

main();
