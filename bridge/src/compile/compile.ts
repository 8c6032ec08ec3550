import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR, BRIDGE_ROOT, COMPILATION_UNITS, type CompilationUnit, OUR_CONTRACTS_PREFIX, REPO_ROOT } from './units';

/** What every consumer of a compiled contract needs: its ABI and creation bytecode. */
export interface Artifact {
  readonly contractName: string;
  readonly sourceName: string;
  readonly abi: readonly unknown[];
  readonly bytecode: string;
}

interface SolcOutput {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
}

/** Thrown when solc reports an error; the message carries solc's own text. */
export class SolidityCompileError extends Error {
  readonly code = 'SOLIDITY_COMPILE_FAILED';
  constructor(unit: string, details: string) {
    super(`solc failed for unit "${unit}":\n${details}`);
    this.name = 'SolidityCompileError';
  }
}

const CONTRACTS_DIR = path.join(BRIDGE_ROOT, 'contracts');

function listOurSources(dir = CONTRACTS_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return listOurSources(full);
    return entry.endsWith('.sol') ? [OUR_CONTRACTS_PREFIX + path.relative(CONTRACTS_DIR, full).split(path.sep).join('/')] : [];
  });
}

/** Maps an import path to a file: ours under bridge/contracts, everything else from node_modules. */
export function resolveImport(importPath: string): string {
  if (importPath.startsWith(OUR_CONTRACTS_PREFIX)) return path.join(CONTRACTS_DIR, importPath.slice(OUR_CONTRACTS_PREFIX.length));
  return require.resolve(importPath, { paths: [BRIDGE_ROOT, REPO_ROOT] });
}

/** The unit's entry files as import paths (`*` expands to every source under bridge/contracts). */
export function entriesOf(unit: CompilationUnit): string[] {
  return unit.entries.flatMap((entry) => (entry === '*' ? listOurSources() : [entry]));
}

/** Reads the entries and, transitively, everything they import, so the cache key covers it all. */
export function collectSources(entries: string[]): Record<string, { content: string }> {
  const sources: Record<string, { content: string }> = {};
  const queue = [...entries];
  while (queue.length > 0) {
    const importPath = queue.pop() as string;
    if (sources[importPath]) continue;
    const content = readFileSync(resolveImport(importPath), 'utf8');
    sources[importPath] = { content };
    for (const match of content.matchAll(/^\s*import\s+(?:[^'"]*from\s+)?["']([^"']+)["']/gm)) {
      const target = match[1] as string;
      queue.push(target.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(importPath), target)) : target);
    }
  }
  return sources;
}

/** solc's standard-JSON input for a unit: its sources, its viaIR and optimizer settings, and the outputs wanted. */
export function solcInput(unit: CompilationUnit, sources: Record<string, { content: string }>, outputSelection: object): object {
  return {
    language: 'Solidity',
    sources,
    settings: { viaIR: unit.viaIR, optimizer: { enabled: true, runs: unit.optimizerRuns }, outputSelection },
  };
}

function cacheFile(unit: CompilationUnit): string {
  return path.join(ARTIFACTS_DIR, `.${unit.name}.hash`);
}

/** Compiles one unit unless its inputs are unchanged since the last run; returns whether it ran. */
export function compileUnit(unit: CompilationUnit, log: (line: string) => void = () => {}): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require(unit.compiler) as { version(): string; compile(input: string, callbacks?: object): string };
  const sources = collectSources(entriesOf(unit));
  const input = solcInput(unit, sources, { '*': { '*': ['abi', 'evm.bytecode.object'] } });
  const inputJson = JSON.stringify(input);
  const hash = createHash('sha256').update(solc.version()).update(inputJson).digest('hex');
  if (existsSync(cacheFile(unit)) && readFileSync(cacheFile(unit), 'utf8') === hash) return false;

  log(`compiling ${unit.name} (${Object.keys(sources).length} files) with solc ${solc.version()}`);
  const output = JSON.parse(solc.compile(inputJson)) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new SolidityCompileError(unit.name, errors.map((e) => e.formattedMessage).join('\n'));

  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const entrySet = new Set(entriesOf(unit));
  for (const [sourceName, contracts] of Object.entries(output.contracts ?? {})) {
    // Only the unit's own entries are written: imported interfaces would collide by name across units.
    if (!entrySet.has(sourceName)) continue;
    for (const [contractName, compiled] of Object.entries(contracts)) {
      const artifact: Artifact = { contractName, sourceName, abi: compiled.abi, bytecode: `0x${compiled.evm.bytecode.object}` };
      writeFileSync(path.join(ARTIFACTS_DIR, `${contractName}.json`), JSON.stringify(artifact));
    }
  }
  writeFileSync(cacheFile(unit), hash);
  return true;
}

/** Compiles every unit that changed. */
export function compileAll(log: (line: string) => void = () => {}): void {
  for (const unit of COMPILATION_UNITS) compileUnit(unit, log);
}
