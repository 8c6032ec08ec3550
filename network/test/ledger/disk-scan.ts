import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// What a node keeps on disk, searched byte for byte: the only way to see that a peer never received
// a private value, since no query would show a value a peer does not serve anyway.

/** The files under `dir` (recursively) whose bytes contain `text` (UTF-8), as paths relative to `dir`. */
export function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && readFileSync(full).includes(needle)) found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}
