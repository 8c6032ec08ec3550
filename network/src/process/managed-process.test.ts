import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { logFileOf, ProcessStartError, runningPid, startProcess, stopProcess, waitUntilReady } from './managed-process';

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
  t.throws(() => process.kill(pid, 0));
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
