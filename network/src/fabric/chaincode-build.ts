import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../stack/stack-config';
import { CHAINCODE_DIR } from './fabric-processes';

const DIST_ENTRY = path.join(CHAINCODE_DIR, 'dist', 'index.js');
const SOURCES = [path.join(CHAINCODE_DIR, 'src'), path.join(REPO_ROOT, 'compliance', 'src')];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether chaincode/dist is older than a chaincode or compliance source it is compiled from. */
export function chaincodeBuildIsStale(): boolean {
  if (!existsSync(DIST_ENTRY)) return true;
  const built = statSync(DIST_ENTRY).mtimeMs;
  return SOURCES.some((dir) => newestSource(dir) > built);
}

/** When chaincode/dist was last compiled (its entry file's time). */
export function chaincodeBuiltAt(): number {
  return statSync(DIST_ENTRY).mtimeMs;
}

/** Compiles chaincode/dist (tsc, with the decorator metadata fabric-contract-api reads) when stale. */
export function ensureChaincodeBuild(): 'built' | 'fresh' {
  if (!chaincodeBuildIsStale()) return 'fresh';
  const result = spawnSync(process.execPath, [path.join(CHAINCODE_DIR, 'scripts', 'build.cjs')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`chaincode build failed:\n${result.stdout}${result.stderr}`);
  return 'built';
}
