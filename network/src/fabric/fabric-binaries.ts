import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../stack/stack-config';
import { FABRIC_COMMANDS, FABRIC_PIN, type FabricPin } from './fabric-pin';
import { applySourcePatches, FABRIC_PATCHES } from './fabric-source-patches';

/** Ignored folder holding the built binaries; survives `down --purge` so rebuilds are rare. */
export const FABRIC_DIR = path.join(REPO_ROOT, '.fabric');
export const FABRIC_BIN = path.join(FABRIC_DIR, 'bin');
/** Fabric's own sampleconfig (core.yaml, orderer.yaml, configtx.yaml), copied from the module at build time. */
export const FABRIC_SAMPLECONFIG = path.join(FABRIC_DIR, 'sampleconfig');
/** The Go module that pins Fabric and its dependencies (go.mod, go.sum). */
export const FABRIC_BUILD_MODULE = path.join(REPO_ROOT, 'network', 'fabric', 'build');
const STAMP = path.join(FABRIC_DIR, 'pin.json');
/** The pinned module's source, copied out of the read-only module cache and patched (fabric-source-patches.ts). */
const PATCHED_SOURCE = path.join(FABRIC_DIR, 'src', 'fabric');
/** The pinning go.mod plus a replace of Fabric by the patched copy (go build -modfile); go.sum beside it. */
const BUILD_MODFILE = path.join(FABRIC_DIR, 'build', 'go.mod');

/** Raised when the Fabric binaries cannot be built here; carries the exact command and Go's answer. */
export class FabricBinariesUnavailableError extends Error {
  readonly code = 'FABRIC_BINARIES_UNAVAILABLE';
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`Hyperledger Fabric binaries could not be built from the Go module proxy.\n  $ ${command}\n    ${output.trim().split('\n').join('\n    ')}`);
    this.name = 'FabricBinariesUnavailableError';
  }
}

export function binaryPath(name: (typeof FABRIC_COMMANDS)[number] extends `cmd/${infer N}` ? N : never): string {
  return path.join(FABRIC_BIN, name);
}

/** The pin the binaries in .fabric/bin were built from, if they and the sampleconfig are complete. */
export function installedPin(): FabricPin | undefined {
  if (!existsSync(STAMP)) return undefined;
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as FabricPin;
  const complete = FABRIC_COMMANDS.every((cmd) => existsSync(path.join(FABRIC_BIN, path.basename(cmd)))) && existsSync(path.join(FABRIC_SAMPLECONFIG, 'core.yaml'));
  return complete ? stamp : undefined;
}

function go(args: readonly string[], timeoutMs: number): { ok: boolean; command: string; stdout: string; output: string } {
  const result = spawnSync('go', [...args], {
    cwd: FABRIC_BUILD_MODULE,
    env: { ...process.env, GOFLAGS: '-buildvcs=false', GOWORK: 'off' },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const output = `${result.stderr ?? ''}${result.error?.message ?? ''}`;
  return { ok: result.status === 0, command: `(cd network/fabric/build && go ${args.join(' ')})`, stdout: result.stdout ?? '', output };
}

/**
 * Builds peer, orderer, configtxgen, osnadmin and cryptogen into .fabric/bin with `go build` in the
 * pinning module (downloading from the Go module proxy on first use), and copies the module's
 * sampleconfig beside them, unless binaries of the same pin are already there.
 */
export function ensureFabricBinaries(log: (line: string) => void = () => {}): FabricPin {
  const current = installedPin();
  if (current !== undefined && JSON.stringify(current) === JSON.stringify(FABRIC_PIN)) return current;
  mkdirSync(FABRIC_BIN, { recursive: true });
  log(`go build ${FABRIC_COMMANDS.map((cmd) => path.basename(cmd)).join(', ')} from ${FABRIC_PIN.module} ${FABRIC_PIN.release} (first build takes a few minutes)`);
  const downloaded = go(['mod', 'download', '-json', FABRIC_PIN.module], 20 * 60_000);
  if (!downloaded.ok) throw new FabricBinariesUnavailableError(downloaded.command, downloaded.output);
  const moduleDir = (JSON.parse(downloaded.stdout) as { Dir: string }).Dir;
  log(`patching a copy of the source: ${FABRIC_PATCHES.map((patch) => patch.id).join(', ')}`);
  rmSync(PATCHED_SOURCE, { recursive: true, force: true });
  cpSync(moduleDir, PATCHED_SOURCE, { recursive: true });
  // The module cache is read-only; the copy must be editable, and removable by the next rebuild.
  spawnSync('chmod', ['-R', 'u+w', PATCHED_SOURCE]);
  applySourcePatches(PATCHED_SOURCE, FABRIC_PATCHES);
  mkdirSync(path.dirname(BUILD_MODFILE), { recursive: true });
  writeFileSync(BUILD_MODFILE, `${readFileSync(path.join(FABRIC_BUILD_MODULE, 'go.mod'), 'utf8')}\nreplace ${FABRIC_PIN.module} => ${PATCHED_SOURCE}\n`);
  cpSync(path.join(FABRIC_BUILD_MODULE, 'go.sum'), BUILD_MODFILE.replace(/\.mod$/, '.sum'));
  const build = go(['build', `-modfile=${BUILD_MODFILE}`, '-trimpath', '-o', FABRIC_BIN, ...FABRIC_COMMANDS.map((cmd) => `${FABRIC_PIN.module}/${cmd}`)], 40 * 60_000);
  if (!build.ok) throw new FabricBinariesUnavailableError(build.command, build.output);
  rmSync(FABRIC_SAMPLECONFIG, { recursive: true, force: true });
  cpSync(path.join(PATCHED_SOURCE, 'sampleconfig'), FABRIC_SAMPLECONFIG, { recursive: true });
  // The module cache is read-only; the copy must stay removable by the next rebuild.
  spawnSync('chmod', ['-R', 'u+w', FABRIC_SAMPLECONFIG]);
  writeFileSync(STAMP, JSON.stringify(FABRIC_PIN, null, 2));
  return FABRIC_PIN;
}
