/**
 * Compiles our contracts with the npm solc (the same compiler and settings as the `trestle` unit in
 * bridge/src/compile/units.ts) and writes the result in crytic-compile's "standard" export format
 * (crytic_version 0.0.2), so Slither can load it offline without a native solc binary:
 *
 *   node --import tsx bridge/analysis/export.ts <out-dir>   →   <out-dir>/trestle_export.json
 *   slither <out-dir>/trestle_export.json
 *
 * crytic-compile recognises the format by the file name ending in `_export.json` (its Standard
 * platform). Each source keeps its import path as the name solc saw (`used`), and its real path on
 * disk as `absolute`, so Slither reads the source text and `--filter-paths node_modules` drops
 * findings in dependencies. Sources are gathered by compile.ts; only the output selection differs (it asks solc for less).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectSources, entriesOf, resolveImport, solcInput } from '../src/compile/compile';
import { BRIDGE_ROOT, COMPILATION_UNITS, OUR_CONTRACTS_PREFIX, REPO_ROOT } from '../src/compile/units';

const UNIT = COMPILATION_UNITS.find((u) => u.name === 'trestle');
if (!UNIT) throw new Error('compilation unit "trestle" not found in units.ts');

interface SolcContract {
  abi: unknown[];
  userdoc?: object;
  devdoc?: object;
  evm: {
    bytecode: { object: string; sourceMap: string; linkReferences?: object };
    deployedBytecode: { object: string; sourceMap: string };
  };
}
interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  sources?: Record<string, { id: number; ast: object }>;
  contracts?: Record<string, Record<string, SolcContract>>;
}

function main(): void {
  const outDir = path.resolve(process.argv[2] ?? path.join(BRIDGE_ROOT, 'analysis', 'out'));
  const unit = UNIT as NonNullable<typeof UNIT>;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const solc = require(unit.compiler) as { version(): string; compile(input: string): string };
  const sources = collectSources(entriesOf(unit));
  const input = solcInput(unit, sources, {
    '*': {
      '': ['ast'],
      '*': ['abi', 'userdoc', 'devdoc', 'evm.bytecode.object', 'evm.bytecode.sourceMap', 'evm.bytecode.linkReferences', 'evm.deployedBytecode.object', 'evm.deployedBytecode.sourceMap'],
    },
  });
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(`solc failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);

  const filenameOf = (sourceName: string): { absolute: string; used: string; short: string; relative: string } => {
    const absolute = resolveImport(sourceName);
    const relative = path.relative(REPO_ROOT, absolute).split(path.sep).join('/');
    return { absolute, used: sourceName, short: relative, relative };
  };

  // Source ids must be consistent with the `src` fields of the AST: order the list by solc's id.
  const sourceNames = Object.entries(output.sources ?? {})
    .sort((a, b) => a[1].id - b[1].id)
    .map(([name]) => name);
  const sourceUnits: Record<string, { ast: object; contracts: Record<string, object> }> = {};
  for (const name of sourceNames) {
    const contracts: Record<string, object> = {};
    for (const [contractName, c] of Object.entries(output.contracts?.[name] ?? {})) {
      contracts[contractName] = {
        abi: c.abi,
        bin: c.evm.bytecode.object,
        'bin-runtime': c.evm.deployedBytecode.object,
        srcmap: c.evm.bytecode.sourceMap,
        'srcmap-runtime': c.evm.deployedBytecode.sourceMap,
        filenames: filenameOf(name),
        libraries: {},
        is_dependency: !name.startsWith(OUR_CONTRACTS_PREFIX),
        userdoc: c.userdoc ?? {},
        devdoc: c.devdoc ?? {},
      };
    }
    sourceUnits[name] = { ast: (output.sources?.[name] as { ast: object }).ast, contracts };
  }

  const version = solc.version().replace(/\+.*/, '');
  const exported = {
    compilation_units: {
      trestle: {
        compiler: { compiler: 'solc', version, optimized: true },
        source_units: sourceUnits,
        filenames: sourceNames.map(filenameOf),
      },
    },
    package: 'trestle',
    working_dir: REPO_ROOT,
    type: 1, // crytic_compile.platform.types.Type.SOLC
    unit_tests: [],
    crytic_version: '0.0.2',
  };
  mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, 'trestle_export.json');
  writeFileSync(target, JSON.stringify(exported));
  const ours = sourceNames.filter((n) => n.startsWith(OUR_CONTRACTS_PREFIX)).length;
  console.log(`[analysis] solc ${solc.version()}: ${sourceNames.length} sources (${ours} ours) → ${path.relative(REPO_ROOT, target)}`);
}

main();
