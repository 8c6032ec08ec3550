import { execFile } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { promisify } from 'node:util';
import { validatorStatusFile } from '@trestle/bridge/src/node/validator-node';
import { validatorProcessName } from '../../src/cli/validators-up';
import { chaincodeSpec, healthy, listening, ordererSpec, peerSpec } from '../../src/fabric/fabric-processes';
import { processName, type BankNode, type FabricTopology } from '../../src/fabric/topology';
import { runningPid, startProcess, waitUntilReady, type ProcessSpec } from '../../src/process/managed-process';
import { killHard } from './fabric-faults';

// The processes the chaos suite kills with SIGKILL and starts again: a bank's orderer, peer or
// chaincode server (their specs from the bring-up's own functions) and a bank's validator process
// (its spec read back from /proc before the kill: validatorsUp builds it with the keystore
// password in its environment, which the test never sees otherwise). The restart goes through a
// short-lived child process, as `trestle network up` starts them: a server started by the ava
// worker itself would be left unreaped once the worker ends.

/** One process the fault schedule may kill, and how to tell it serves again. */
export type ChaosTarget =
  | { readonly kind: 'orderer' | 'peer'; readonly bank: BankNode }
  | { readonly kind: 'chaincode'; readonly bank: BankNode; readonly packageId: string }
  | { readonly kind: 'validator'; readonly bank: BankNode; readonly bankMsp: string };

/** The stack's process name of a target (`trestle network logs <name>`). */
export function targetName(target: ChaosTarget): string {
  if (target.kind === 'validator') return validatorProcessName(target.bank.handle);
  return processName[target.kind](target.bank);
}

/** How a running process was started, from /proc: command line, working folder and environment. */
export function runningSpec(home: string, name: string): ProcessSpec {
  const pid = runningPid(home, name);
  if (pid === undefined) throw new Error(`${name} is not running on the stack at ${home}`);
  const nulSeparated = (file: string) => readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').filter((part) => part !== '');
  const [command, ...args] = nulSeparated('cmdline');
  const env = Object.fromEntries(nulSeparated('environ').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  return { name, command: command as string, args, cwd: readlinkSync(`/proc/${pid}/cwd`), env };
}

/** What a target is started with again. */
function specOf(home: string, topology: FabricTopology, target: ChaosTarget): ProcessSpec {
  switch (target.kind) {
    case 'orderer':
      return ordererSpec(topology, target.bank);
    case 'peer':
      return peerSpec(topology, target.bank);
    case 'chaincode':
      return chaincodeSpec(topology, target.bank, target.packageId);
    case 'validator':
      return runningSpec(home, targetName(target));
  }
}

/** Whether the restarted target serves: Fabric's health and listening ports, or a validator's pass reported after `since`. */
async function serves(home: string, topology: FabricTopology, target: ChaosTarget, since: number): Promise<boolean> {
  const { bank } = target;
  switch (target.kind) {
    case 'orderer':
      return (await healthy(topology, bank.orderer.operationsPort)) && (await listening(topology.host, bank.orderer.port));
    case 'peer':
      return (await healthy(topology, bank.peer.operationsPort)) && (await listening(topology.host, bank.peer.port));
    case 'chaincode':
      return listening(topology.host, bank.chaincodeServer.port);
    case 'validator': {
      const report = JSON.parse(readFileSync(validatorStatusFile(home, target.bankMsp), 'utf8')) as { at: string };
      return Date.parse(report.at) >= since;
    }
  }
}

/** A killed target, ready to be started again with what it ran with. */
export interface KilledTarget {
  readonly target: ChaosTarget;
  readonly pid: number;
  readonly spec: ProcessSpec;
}

/** kill -9 of the target (its spec taken first); resolves once the process is gone. */
export async function killTarget(home: string, topology: FabricTopology, target: ChaosTarget): Promise<KilledTarget> {
  const spec = specOf(home, topology, target);
  const pid = await killHard(home, targetName(target));
  return { target, pid, spec };
}

const run = promisify(execFile);
const SPEC_ENV = 'TRESTLE_CHAOS_PROCESS_SPEC';
/** Generous: a validator's first pass after a start reads the ledger and the devnet on a loaded machine. */
const READY_TIMEOUT_MS = 120_000;

/** Starts a killed target again (a no-op when it runs) from a child process and waits until it serves. */
export async function restartTarget(home: string, topology: FabricTopology, killed: KilledTarget): Promise<void> {
  const since = Date.now();
  await run(process.execPath, ['--import', 'tsx', __filename, home], { env: { ...process.env, [SPEC_ENV]: JSON.stringify(killed.spec) }, timeout: 60_000 });
  await waitUntilReady(home, killed.spec.name, () => serves(home, topology, killed.target, since), READY_TIMEOUT_MS);
}

if (require.main === module) {
  // The child: start the process detached from this short-lived parent, then exit.
  try {
    const home = process.argv[2] as string;
    const spec = JSON.parse(process.env[SPEC_ENV] ?? '') as ProcessSpec;
    // Not passed on to the process: the spec may hold its secrets, which it has in its own env already.
    delete process.env[SPEC_ENV];
    startProcess(home, spec);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
