import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** test-artifacts/console at the repository root (ignored by git): screenshots and timings.json. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'console');

/** The folder, created when missing. */
export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** Path of a screenshot in the artifacts folder. */
export function screenshotPath(name: string): string {
  return path.join(artifactsDir(), `${name}.png`);
}

/** Writes the browser-measured timings as JSON next to the screenshots. */
export function writeTimings(timings: Readonly<Record<string, number>>): string {
  const file = path.join(artifactsDir(), 'timings.json');
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), unit: 'ms', ledger: 'in-process chaincode stub (no Fabric peer)', ...timings }, null, 2)}\n`);
  return file;
}
