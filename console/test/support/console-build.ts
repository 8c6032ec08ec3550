import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where the built console lands (ignored by git), for the officer service's `consoleDir`. */
export const CONSOLE_DIST = path.join(REPO_ROOT, 'console', 'dist');

/**
 * Type-checks and builds the console with Vite, every time: a test must never drive a stale
 * build. About 4 s here. Throws with the build's output when it fails.
 */
export function buildConsole(): string {
  const result = spawnSync('npm', ['run', 'build', '--workspace', '@trestle/console'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error(`console build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return CONSOLE_DIST;
}
