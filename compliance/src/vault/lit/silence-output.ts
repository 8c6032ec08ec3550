import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Runs `action` with console and process output dropped for it alone: every `console` printing
 * method and `process.stdout/stderr.write` are wrapped while at least one silenced action runs, and
 * a wrapper drops a call only when it comes from the action's own async context (its synchronous
 * part and every promise continuation, timer or callback it started). Output of any other code
 * running meanwhile passes through unchanged. The wrappers come off when the last silenced action
 * settles, resolved or thrown, so nothing stays silenced after an exception.
 *
 * It exists because Lit 7.4's `doDecrypt` prints the combined decryption signature with
 * `console.log`. It cannot stop writes straight to a file descriptor (`fs.writeSync(1, …)`), which
 * Lit does not make.
 */
export async function withOutputSilenced<T>(action: () => Promise<T>): Promise<T> {
  if (activeActions === 0) removeWrappers = installWrappers();
  activeActions += 1;
  try {
    return await silencedContext.run(true, action);
  } finally {
    activeActions -= 1;
    if (activeActions === 0) {
      removeWrappers?.();
      removeWrappers = undefined;
    }
  }
}

/** Whether the calling code runs inside `withOutputSilenced` (for tests and assertions). */
export function isOutputSilenced(): boolean {
  return silencedContext.getStore() === true;
}

const CONSOLE_METHODS = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'table'] as const;

const silencedContext = new AsyncLocalStorage<boolean>();
let activeActions = 0;
let removeWrappers: (() => void) | undefined;

type Target = Record<string, unknown>;

function installWrappers(): () => void {
  const removers = [
    ...CONSOLE_METHODS.map((name) => wrap(console as unknown as Target, name, () => undefined)),
    wrap(process.stdout as unknown as Target, 'write', dropWrite),
    wrap(process.stderr as unknown as Target, 'write', dropWrite),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}

function wrap(target: Target, name: string, drop: (args: unknown[]) => unknown): () => void {
  const original = target[name];
  if (typeof original !== 'function') return () => undefined;
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    return isOutputSilenced() ? drop(args) : (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  target[name] = wrapper;
  return () => {
    // Someone wrapped ours meanwhile: leave ours under theirs, where it only passes calls through.
    if (target[name] === wrapper) target[name] = original;
  };
}

// A dropped stream write still calls its callback, as a real write would, so no writer waits forever.
function dropWrite(args: unknown[]): boolean {
  const callback = args.at(-1);
  if (typeof callback === 'function') process.nextTick(callback as () => void);
  return true;
}
