import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** test-artifacts/console-real-network at the repository root (ignored by git): the real-network suite's screenshots and timings. */
export const REAL_ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'console-real-network');

/** Path of a screenshot in the folder, created when missing. */
export function realScreenshotPath(name: string): string {
  mkdirSync(REAL_ARTIFACTS, { recursive: true });
  return path.join(REAL_ARTIFACTS, `${name}.png`);
}

/** Writes the browser-measured timings as JSON next to the screenshots; returns the file. */
export function writeRealTimings(timings: Readonly<Record<string, number>>): string {
  mkdirSync(REAL_ARTIFACTS, { recursive: true });
  const file = path.join(REAL_ARTIFACTS, 'timings.json');
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), unit: 'ms', ledger: 'real three-bank Fabric network (fabric-network gateway connector, share services on the Fabric vault ledger)', ...timings }, null, 2)}\n`);
  return file;
}
