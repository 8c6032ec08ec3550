import test from 'ava';
import { isOutputSilenced, withOutputSilenced } from './silence-output';

type Capture = { readonly text: () => string; readonly restore: () => void };

// Replaces both stream writers with recorders, as a terminal would see them; tests using it are serial.
function captureOutput(): Capture {
  const chunks: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  const recorder = ((chunk: unknown, ...rest: unknown[]) => {
    chunks.push(String(chunk));
    const callback = rest.at(-1);
    if (typeof callback === 'function') callback();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = recorder;
  process.stderr.write = recorder;
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = stdoutWrite;
      process.stderr.write = stderrWrite;
    },
  };
}

test.serial('every console method and stream write of the silenced action is dropped, after awaits and timers too', async (t) => {
  const output = captureOutput();
  try {
    await withOutputSilenced(async () => {
      t.true(isOutputSilenced());
      console.log('SECRET-log');
      console.info('SECRET-info');
      console.debug('SECRET-debug');
      console.warn('SECRET-warn');
      console.error('SECRET-error');
      console.dir({ secret: 'SECRET-dir' });
      process.stdout.write('SECRET-stdout\n');
      process.stderr.write('SECRET-stderr\n');
      await Promise.resolve();
      console.log('SECRET-after-await');
      await new Promise<void>((resolve) => setTimeout(() => {
        console.log('SECRET-in-timer');
        resolve();
      }, 5));
    });
    console.log('visible-after');
  } finally {
    output.restore();
  }
  t.false(output.text().includes('SECRET'), output.text());
  t.true(output.text().includes('visible-after'));
  t.false(isOutputSilenced());
});

test.serial('other code printing while an action is silenced still prints', async (t) => {
  const output = captureOutput();
  let release = (): void => undefined;
  try {
    const action = withOutputSilenced(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      console.log('SECRET-inside');
    });
    console.log('visible-meanwhile');
    process.stderr.write('visible-stderr-meanwhile\n');
    release();
    await action;
  } finally {
    output.restore();
  }
  t.true(output.text().includes('visible-meanwhile'));
  t.true(output.text().includes('visible-stderr-meanwhile'));
  t.false(output.text().includes('SECRET'));
});

test.serial('console and streams are restored exactly when the action throws', async (t) => {
  const output = captureOutput();
  const before = { log: console.log, error: console.error, stdout: process.stdout.write, stderr: process.stderr.write };
  try {
    const failure = new Error('boom');
    const error = await t.throwsAsync(
      withOutputSilenced(async () => {
        console.log('SECRET-before-throw');
        throw failure;
      }),
    );
    t.is(error, failure);
    t.is(console.log, before.log);
    t.is(console.error, before.error);
    t.is(process.stdout.write, before.stdout);
    t.is(process.stderr.write, before.stderr);
    console.log('visible-after-throw');
  } finally {
    output.restore();
  }
  t.true(output.text().includes('visible-after-throw'));
  t.false(output.text().includes('SECRET'));
});

test.serial('overlapping silenced actions stay silenced until each ends, and the wrappers come off after the last', async (t) => {
  const output = captureOutput();
  const originalLog = console.log;
  let releaseSecond = (): void => undefined;
  try {
    const second = withOutputSilenced(async () => {
      await new Promise<void>((resolve) => {
        releaseSecond = resolve;
      });
      console.log('SECRET-second-after-first-ended');
    });
    await withOutputSilenced(async () => console.log('SECRET-first'));
    t.not(console.log, originalLog);
    releaseSecond();
    await second;
    t.is(console.log, originalLog);
  } finally {
    output.restore();
  }
  t.false(output.text().includes('SECRET'));
});

test.serial('a dropped stream write still calls its callback', async (t) => {
  await withOutputSilenced(async () => {
    await new Promise<void>((resolve) => process.stdout.write('SECRET', () => resolve()));
  });
  t.pass();
});
