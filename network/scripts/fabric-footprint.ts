import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fabricProcessNames } from '../src/fabric/fabric-processes';
import { fabricTopology } from '../src/fabric/topology';
import { runningPid } from '../src/process/managed-process';
import { REPO_ROOT, stackFromEnv, type StackConfig } from '../src/stack/stack-config';

// What the local consortium costs on this machine, on a running stack (`trestle network up`) left
// idle: the resident memory of each of its nine processes (VmRSS from /proc), then a warm restart
// as an operator runs it, `trestle network down` and `trestle network up`, each timed by the wall
// clock. Run it on your own stack; it leaves the network up.
//
//   TRESTLE_HOME=… TRESTLE_PORT_BASE=… node --import tsx network/scripts/fabric-footprint.ts [--no-restart]

/** Resident set size of a process in KiB, from the kernel's own accounting. */
function residentKib(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  const kib = Number(line?.match(/(\d+)\s*kB/)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`no VmRSS for pid ${pid}`);
  return kib;
}

const mib = (kib: number) => (kib / 1024).toFixed(1).padStart(7);

function printResidentMemory(stack: StackConfig): void {
  const rows = fabricProcessNames(fabricTopology(stack)).map((name) => ({ name, pid: runningPid(stack.home, name) }));
  const down = rows.filter((row) => row.pid === undefined).map((row) => row.name);
  if (down.length > 0) throw new Error(`not running: ${down.join(', ')}; bring the network up first ("trestle network up")`);
  console.log(`${'process'.padEnd(18)} ${'pid'.padStart(7)} ${'RSS MiB'.padStart(7)}`);
  let total = 0;
  for (const { name, pid } of rows) {
    const kib = residentKib(pid as number);
    total += kib;
    console.log(`${name.padEnd(18)} ${String(pid).padStart(7)} ${mib(kib)}`);
  }
  console.log(`${'total (9)'.padEnd(18)} ${''.padStart(7)} ${mib(total)}`);
}

/** Runs `trestle network <command>` as a person would, returning its wall seconds and output. */
function timedNetworkCommand(stack: StackConfig, command: 'down' | 'up'): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'network', 'src', 'cli', 'main.ts'), 'network', command], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: stack.home, TRESTLE_PORT_BASE: String(stack.portBase) },
    encoding: 'utf8',
    timeout: 300_000,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`trestle network ${command} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

function main(): void {
  const stack = stackFromEnv();
  console.log(`Fabric footprint of the stack at ${stack.home} (ports from ${stack.portBase})\n`);
  console.log('Resident memory at idle:');
  printResidentMemory(stack);
  if (process.argv.includes('--no-restart')) return;
  console.log('\nWarm restart (the real CLI, ledgers kept):');
  const down = timedNetworkCommand(stack, 'down');
  const up = timedNetworkCommand(stack, 'up');
  console.log(`${'network down'.padEnd(18)} ${down.seconds.toFixed(1).padStart(7)} s`);
  // A chaincode or compliance source newer than chaincode/dist makes `up` compile it first.
  const rebuilt = up.stdout.includes('chaincode/dist built');
  console.log(`${'network up'.padEnd(18)} ${up.seconds.toFixed(1).padStart(7)} s${rebuilt ? ' (including a chaincode/dist rebuild: sources had changed)' : ''}`);
}

main();
