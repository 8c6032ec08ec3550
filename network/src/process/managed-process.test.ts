import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { isZombie, logFileOf, ProcessStartError, runningPid, runningSince, startProcess, stopIfStartedBefore, stopProcess, waitUntilReady } from './managed-process';

const home = () => mkdtempSync(path.join(os.tmpdir(), 'trestle-proc-'));
const idle = { command: process.execPath, args: ['-e', 'console.log("ready"); setInterval(() => {}, 1000)'], cwd: os.tmpdir() };

test('a started process runs detached, is found again by name, and a second start reuses it', async (t) => {
  const dir = home();
  const pid = startProcess(dir, { name: 'idle', ...idle });
  t.teardown(() => stopProcess(dir, 'idle'));
  t.is(runningPid(dir, 'idle'), pid);
  t.is(startProcess(dir, { name: 'idle', ...idle }), pid);
  await waitUntilReady(dir, 'idle', async () => readFileSync(logFileOf(dir, 'idle'), 'utf8').includes('ready'), 10_000);
  t.pass();
});

test('stop ends the process and forgets it', async (t) => {
  const dir = home();
  const pid = startProcess(dir, { name: 'idle', ...idle });
  t.true(await stopProcess(dir, 'idle'));
  t.is(runningPid(dir, 'idle'), undefined);
  // Ended: gone, or a zombie this test's process has not reaped yet (seen on a loaded machine).
  const exists = (() => {
    try {
      return process.kill(pid, 0);
    } catch {
      return false;
    }
  })();
  t.true(!exists || isZombie(pid), `process ${pid} still runs`);
  t.false(await stopProcess(dir, 'idle'));
});

test('a process that exits before it is ready fails with an error naming it and its log', async (t) => {
  const dir = home();
  startProcess(dir, { name: 'crasher', command: process.execPath, args: ['-e', 'process.exit(3)'], cwd: os.tmpdir() });
  const error = await t.throwsAsync(waitUntilReady(dir, 'crasher', async () => false, 10_000), { instanceOf: ProcessStartError });
  t.is(error?.processName, 'crasher');
  t.is(error?.logFile, logFileOf(dir, 'crasher'));
  t.regex(error?.message ?? '', /crasher did not start: the process exited/);
});

test('a process that exited but was not reaped (a zombie) counts as stopped, so stop and down do not wait on it forever', async (t) => {
  const dir = home();
  // `sleep 0` exits at once; the shell is replaced by `sleep 5`, which never reaps it: a zombie for 5 s.
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.teardown(() => parent.kill('SIGKILL'));
  const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()))));
  const deadline = Date.now() + 5000;
  while (!isZombie(zombie) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  t.true(isZombie(zombie), 'the child became a zombie');
  t.notThrows(() => process.kill(zombie, 0), 'a zombie still answers signal 0');
  mkdirSync(path.join(dir, 'run'), { recursive: true });
  writeFileSync(path.join(dir, 'run', 'ghost.pid'), String(zombie));
  t.is(runningPid(dir, 'ghost'), undefined);
  t.false(await stopProcess(dir, 'ghost'));
  t.false(isZombie(process.pid));
});

test('a process started before a given time is stopped (its code changed since), one started after it is left running', async (t) => {
  const dir = home();
  startProcess(dir, { name: 'old', ...idle });
  t.teardown(() => stopProcess(dir, 'old'));
  const startedOld = runningSince(dir, 'old');
  t.is(typeof startedOld, 'number');
  const rebuiltAt = (startedOld as number) + 1;
  t.true(await stopIfStartedBefore(dir, 'old', rebuiltAt));
  t.is(runningPid(dir, 'old'), undefined);

  startProcess(dir, { name: 'new', ...idle });
  t.teardown(() => stopProcess(dir, 'new'));
  const startedNew = runningSince(dir, 'new') as number;
  t.false(await stopIfStartedBefore(dir, 'new', startedNew - 1));
  t.not(runningPid(dir, 'new'), undefined);
  t.false(await stopIfStartedBefore(dir, 'absent', Date.now()));
  t.is(runningSince(dir, 'absent'), undefined);
});
