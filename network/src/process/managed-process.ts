import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A long-running process of the stack, started detached with its own log and pid file. */
export interface ProcessSpec {
  /** Short stable name used by `trestle logs <name>` and in error messages. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Raised when a process does not become ready in time; names the process and its log. */
export class ProcessStartError extends Error {
  readonly code = 'PROCESS_START_FAILED';
  constructor(
    readonly processName: string,
    readonly logFile: string,
    reason: string,
  ) {
    super(`${processName} did not start: ${reason}. See its log: ${logFile}`);
    this.name = 'ProcessStartError';
  }
}

export function logFileOf(home: string, name: string): string {
  return path.join(home, 'logs', `${name}.log`);
}

function pidFileOf(home: string, name: string): string {
  return path.join(home, 'run', `${name}.pid`);
}

/**
 * Whether the process has exited but not been reaped yet (state Z in /proc/<pid>/stat). A zombie
 * still answers signal 0, yet it runs nothing and holds no port; its parent (an ava worker, or the
 * init process, which reaps slowly on these machines) may take seconds or never collect it.
 */
export function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** Pid of the named process if it is alive, otherwise undefined (a stale pid file is removed). */
export function runningPid(home: string, name: string): number | undefined {
  const pidFile = pidFileOf(home, name);
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return undefined;
  }
  if (!isZombie(pid)) return pid;
  rmSync(pidFile, { force: true });
  return undefined;
}

/** When the named running process was started (its pid file's time), or undefined when it does not run. */
export function runningSince(home: string, name: string): number | undefined {
  if (runningPid(home, name) === undefined) return undefined;
  return statSync(pidFileOf(home, name)).mtimeMs;
}

/**
 * Stops the named process if it was started before `sinceMs`: a server loads its code once, so one
 * started before its code was rebuilt would go on serving the old code after an idempotent `up`.
 */
export async function stopIfStartedBefore(home: string, name: string, sinceMs: number): Promise<boolean> {
  const started = runningSince(home, name);
  if (started === undefined || started >= sinceMs) return false;
  return stopProcess(home, name);
}

/** Starts the process detached (it outlives the CLI) unless it already runs; returns its pid. */
export function startProcess(home: string, spec: ProcessSpec): number {
  const existing = runningPid(home, spec.name);
  if (existing !== undefined) return existing;
  const logFile = logFileOf(home, spec.name);
  mkdirSync(path.dirname(logFile), { recursive: true });
  mkdirSync(path.dirname(pidFileOf(home, spec.name)), { recursive: true });
  const fd = openSync(logFile, 'a');
  try {
    const child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) throw new ProcessStartError(spec.name, logFile, `could not spawn ${spec.command}`);
    child.unref();
    writeFileSync(pidFileOf(home, spec.name), String(child.pid));
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops the process group: SIGTERM, then SIGKILL after the grace period. */
export async function stopProcess(home: string, name: string, graceMs = 5000): Promise<boolean> {
  const pid = runningPid(home, name);
  if (pid === undefined) return false;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group may already be gone between the check and the signal.
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && runningPid(home, name) !== undefined) await sleep(100);
  if (runningPid(home, name) !== undefined) signalGroup('SIGKILL');
  while (runningPid(home, name) !== undefined) await sleep(50);
  rmSync(pidFileOf(home, name), { force: true });
  return true;
}

/** Polls `probe` until it resolves true; on timeout, or when the process dies, throws naming its log. */
export async function waitUntilReady(home: string, name: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    if (runningPid(home, name) === undefined) throw new ProcessStartError(name, logFileOf(home, name), 'the process exited');
    await sleep(250);
  }
  throw new ProcessStartError(name, logFileOf(home, name), `not ready after ${Math.round(timeoutMs / 1000)} s`);
}
