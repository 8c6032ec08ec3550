/**
 * `npm test`: unit suites, then the integration suites against one shared devnet, then a single
 * closing line "N passed, N failed" over everything (CI reads it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileAll } from '@trestle/bridge/src/compile/compile';
import { startDevnet, stopDevnet } from '@trestle/network/src/evm/devnet';
import { ensureFabricBinaries } from '@trestle/network/src/fabric/fabric-binaries';
import { ensureCaliperInstalled } from './bench/caliper/run-caliper';
import { freshTestNetwork, stopTestNetwork } from '@trestle/network/src/fabric/test-network';
import { REPO_ROOT, testStack } from '@trestle/network/src/stack/stack-config';
import { parseTapCounts, type TapCounts } from './src/tap-counts';
import { TapFileClock } from './src/tap-file-clock';

interface Suite {
  readonly name: string;
  readonly files: readonly string[];
  /** Integration suites share one devnet whose clock tests move: one file at a time. */
  readonly serial: boolean;
}

const SUITES: readonly Suite[] = [
  { name: 'unit', files: ['*/src/**/*.test.ts'], serial: false },
  { name: 'integration', files: ['*/test/**/*.test.ts', '!*/test/support/**'], serial: true },
];

const secondsSince = (started: number) => ((Date.now() - started) / 1000).toFixed(0);

/** Type check and lint run first; each that fails counts as one failed test in the closing line. */
function runCheck(name: string, command: string, args: readonly string[]): boolean {
  console.log(`[test] ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, [...args], { cwd: REPO_ROOT, stdio: 'inherit' });
  console.log(`[test] ${name}: ${result.status === 0 ? 'clean' : 'FAILED'} (${secondsSince(started)} s)`);
  return result.status === 0;
}

/** The folders of a glob before its first wildcard (`network/test/chaos/**\/*.test.ts` → `network/test/chaos/`). */
function fixedFolderOf(glob: string): string {
  const parts = glob.split('/');
  const wild = parts.findIndex((part) => /[*?[{]/.test(part));
  return parts.slice(0, wild === -1 ? parts.length - 1 : wild).map((part) => `${part}/`).join('');
}

/** The files an ava run of `suite` took longest on, printed after a serial suite. */
const SLOWEST_FILES_SHOWN = 12;

/**
 * Runs one suite through ava, its TAP passed through as it arrives (the integration suites take
 * most of npm test's time: progress shows), and for a serial suite the files that took longest.
 */
async function runSuite(suite: Suite): Promise<TapCounts> {
  console.log(`\n=== ${suite.name} tests ===`);
  const started = Date.now();
  // ava names a test from the folder all matched files share; a narrow --only glob makes that deeper than the repository.
  const bases = ['', ...suite.files.filter((glob) => !glob.startsWith('!')).map(fixedFolderOf)];
  const clock = new TapFileClock(started, (path) => bases.map((base) => `${base}${path}.test.ts`).find((file) => existsSync(resolve(REPO_ROOT, file))));
  const args = ['ava', '--tap', ...(suite.serial ? ['--concurrency=1', '--serial'] : []), ...suite.files];
  const child = spawn('npx', args, { cwd: REPO_ROOT, env: { ...process.env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let tap = '';
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    process.stdout.write(chunk);
    tap += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) clock.observe(line, Date.now());
  });
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const counts = parseTapCounts(tap);
  // The budget (npm test under 30 minutes) is spent here: each suite says what it took.
  console.log(`[test] ${suite.name} tests: ${secondsSince(started)} s`);
  if (suite.serial) for (const { file, seconds } of clock.slowest(SLOWEST_FILES_SHOWN)) console.log(`[test]   ${seconds.toFixed(0).padStart(5)} s  ${file}`);
  // A crashed runner that printed no plan still fails the run.
  if (status !== 0 && counts.failed === 0) return { ...counts, failed: 1 };
  return counts;
}

/**
 * `--only <glob>` (e.g. `npm run test:chaos`): the integration files matching the glob alone, on
 * the same bootstrap (contracts, Fabric binaries, devnet, a fresh consortium); checks, unit suites
 * and the other integration files are skipped.
 */
function onlyGlob(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--only');
  return at === -1 ? undefined : argv[at + 1];
}

async function main(): Promise<number> {
  const started = Date.now();
  const only = onlyGlob(process.argv.slice(2));
  const stack = testStack();
  process.env.TRESTLE_HOME = stack.home;
  process.env.TRESTLE_PORT_BASE = String(stack.portBase);

  console.log('[test] compiling contracts');
  compileAll((line) => console.log(`[test] ${line}`));
  // Before the unit suites: the Fabric config and crypto-material unit tests run the real
  // cryptogen and configtxgen (they would skip without them), and the integration network needs them.
  console.log('[test] Fabric binaries (go build from the Go module proxy; reused when the pin matches)');
  ensureFabricBinaries((line) => console.log(`[test] ${line}`));
  // The Caliper workload modules' unit tests load them as Caliper does, from bench/caliper's own install.
  console.log('[test] Hyperledger Caliper for the bench (bench/caliper, npm ci when missing)');
  ensureCaliperInstalled((line) => console.log(`[test] ${line}`));
  const total: TapCounts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: TapCounts) => {
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  };

  for (const [name, args] of only !== undefined ? [] : [
    ['type check', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
    ['lint', ['eslint', '.']],
    // The console's browser code has its own tsconfig (DOM lib), outside the root's globs.
    ['console type check', ['tsc', '--noEmit', '-p', 'console/web/tsconfig.json']],
  ] as const) {
    if (!runCheck(name, 'npx', args)) total.failed += 1;
  }
  if (only === undefined) {
    add(await runSuite(SUITES[0] as Suite));
    // The console's browser tests (console/test) drive Debian's Chromium; install it when missing.
    if (!runCheck('chromium for the browser tests', 'node', ['scripts/ensure-chromium.cjs'])) total.failed += 1;
  }
  console.log(`[test] starting the test devnet (${stack.home})`);
  await startDevnet(stack);
  try {
    console.log('[test] bringing a fresh Fabric consortium up for the integration suites');
    const fabric = await freshTestNetwork(stack, (line) => console.log(`[test] fabric: ${line}`));
    console.log(`[test] fabric: binaries ${fabric.binariesSeconds.toFixed(1)} s, network up from purged ${fabric.upSeconds.toFixed(1)} s`);
    add(await runSuite(only === undefined ? (SUITES[1] as Suite) : { name: `integration (${only} only)`, files: [only], serial: true }));
  } finally {
    await stopTestNetwork(stack);
    await stopDevnet(stack);
  }
  console.log(`\n[test] wall time ${secondsSince(started)} s`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
