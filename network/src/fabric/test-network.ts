import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type StackConfig } from '../stack/stack-config';
import { ensureFabricBinaries } from './fabric-binaries';
import { stopFabricProcesses } from './fabric-processes';
import { fabricTopology } from './topology';

/**
 * The one Fabric consortium the integration suites share (`npm test`): purged first, so every run
 * starts from crypto material, channel and chaincode definition made afresh, then brought up by
 * `trestle network up` in a child process, as an operator brings it up. The child matters: the
 * Fabric processes outlive it and are adopted by init, which reaps them when a fault test kills
 * one; started from the test runner itself, they would stay zombies for as long as the runner sits
 * in spawnSync running ava (seen in CI: a SIGKILLed orderer still "alive" after 10 s).
 */
export async function freshTestNetwork(stack: StackConfig, log: (line: string) => void): Promise<{ binariesSeconds: number; upSeconds: number }> {
  const topology = fabricTopology(stack);
  await stopFabricProcesses(stack.home, topology);
  rmSync(topology.root, { recursive: true, force: true });
  const binariesStarted = Date.now();
  ensureFabricBinaries(log);
  const upStarted = Date.now();
  const up = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'network', 'src', 'cli', 'main.ts'), 'network', 'up'], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: stack.home, TRESTLE_PORT_BASE: String(stack.portBase) },
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  for (const line of `${up.stdout ?? ''}${up.stderr ?? ''}`.trimEnd().split('\n')) log(line);
  if (up.status !== 0) throw new Error(`trestle network up failed for the test stack (exit ${up.status}); see ${path.join(stack.home, 'logs')}`);
  return { binariesSeconds: (upStarted - binariesStarted) / 1000, upSeconds: (Date.now() - upStarted) / 1000 };
}

export async function stopTestNetwork(stack: StackConfig): Promise<void> {
  await stopFabricProcesses(stack.home, fabricTopology(stack));
}
