import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startChaincodeServer, startOrderer } from '../../src/fabric/fabric-processes';
import { fabricTopology, type BankNode } from '../../src/fabric/topology';
import { stackFromEnv, type StackConfig } from '../../src/stack/stack-config';

// Restarts one Fabric process with the bring-up's own functions, from a short-lived child process
// as `trestle network up` does. Started from the test process itself, the server would be that
// process's child: once the ava worker that spawned it ends, nothing reaps it when it is stopped,
// and a later `network down` in the same run waits forever on the zombie.

type Restart = { readonly kind: 'orderer' } | { readonly kind: 'chaincode'; readonly packageId: string };

const run = promisify(execFile);

/** Starts the bank's orderer or chaincode server (a no-op when it runs) and waits until it is ready. */
export async function restartInChildProcess(stack: StackConfig, bank: BankNode, restart: Restart): Promise<void> {
  const args = [bank.handle, restart.kind, ...(restart.kind === 'chaincode' ? [restart.packageId] : [])];
  await run(process.execPath, ['--import', 'tsx', __filename, ...args], {
    env: { ...process.env, TRESTLE_HOME: stack.home, TRESTLE_PORT_BASE: String(stack.portBase) },
    timeout: 120_000,
  });
}

async function main(argv: readonly string[]): Promise<void> {
  const [handle, kind, packageId] = argv;
  const stack = stackFromEnv();
  const topology = fabricTopology(stack);
  const bank = topology.banks.find((candidate) => candidate.handle === handle);
  if (bank === undefined) throw new Error(`no bank ${handle}`);
  if (kind === 'orderer') await startOrderer(stack.home, topology, bank);
  else if (kind === 'chaincode' && packageId) await startChaincodeServer(stack.home, topology, bank, packageId);
  else throw new Error(`usage: <bank> orderer | <bank> chaincode <package id>`);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
