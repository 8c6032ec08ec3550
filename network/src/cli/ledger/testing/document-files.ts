import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh folder for one test's input files. */
export function documentFolder(): string {
  return mkdtempSync(path.join(tmpdir(), 'trestle-cli-ledger-'));
}

/** Writes `value` as JSON (or a string as it is) to `folder/name` and returns the path, for a command's file argument. */
export function documentFile(folder: string, name: string, value: unknown): string {
  const file = path.join(folder, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}
