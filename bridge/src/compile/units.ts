import path from 'node:path';

/** Where this package lives; every path below is resolved from it. */
export const BRIDGE_ROOT = path.resolve(__dirname, '..', '..');
export const REPO_ROOT = path.resolve(BRIDGE_ROOT, '..');
export const ARTIFACTS_DIR = path.join(BRIDGE_ROOT, 'artifacts');

/**
 * One solc invocation. Several exist because pragmas differ: T-REX and ONCHAINID pin 0.8.17 (our
 * contracts import their interfaces, so they share that compiler) while Morpho Blue pins 0.8.19.
 */
export interface CompilationUnit {
  readonly name: string;
  /** npm alias of the `solc` package that provides this compiler version. */
  readonly compiler: 'solc-0817' | 'solc-0819';
  /** Entry files, as import paths (package paths or paths under bridge/contracts). */
  readonly entries: readonly string[];
  readonly viaIR: boolean;
  readonly optimizerRuns: number;
}

export const OUR_CONTRACTS_PREFIX = 'trestle/';

export const COMPILATION_UNITS: readonly CompilationUnit[] = [
  {
    name: 'trestle',
    compiler: 'solc-0817',
    entries: ['*'],
    viaIR: false,
    optimizerRuns: 200,
  },
  {
    name: 'morpho-blue',
    compiler: 'solc-0819',
    entries: ['@morpho-org/morpho-blue/src/Morpho.sol'],
    // Morpho Blue's own build uses viaIR with the optimizer; without it the contract does not fit.
    viaIR: true,
    optimizerRuns: 999999,
  },
];
