import { rmSync } from 'node:fs';
import type { StackConfig } from '../stack/stack-config';
import { ensureFabricBinaries } from './fabric-binaries';
import { stopFabricProcesses } from './fabric-processes';
import { fabricUpSteps } from './fabric-up';
import { fabricTopology } from './topology';

/**
 * The one Fabric consortium the integration suites share (`npm test`): purged first, so every run
 * starts from crypto material, channel and chaincode definition made afresh, then brought up by
 * the same steps as `trestle network up`. Returns the seconds each part took.
 */
export async function freshTestNetwork(stack: StackConfig, log: (line: string) => void): Promise<{ binariesSeconds: number; upSeconds: number }> {
  const topology = fabricTopology(stack);
  await stopFabricProcesses(stack.home, topology);
  rmSync(topology.root, { recursive: true, force: true });
  const binariesStarted = Date.now();
  ensureFabricBinaries(log);
  const upStarted = Date.now();
  for (const step of fabricUpSteps(stack, topology)) {
    log(step.title);
    await step.run((line) => log(`  ${line}`));
  }
  return { binariesSeconds: (upStarted - binariesStarted) / 1000, upSeconds: (Date.now() - upStarted) / 1000 };
}

export async function stopTestNetwork(stack: StackConfig): Promise<void> {
  await stopFabricProcesses(stack.home, fabricTopology(stack));
}
