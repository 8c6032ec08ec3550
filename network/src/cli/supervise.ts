import { devnetStatus, DEVNET_PROCESS } from '../evm/devnet';
import { logFileOf } from '../process/managed-process';
import type { StackConfig } from '../stack/stack-config';

const CHECK_EVERY_MS = 5000;

/**
 * Keeps `trestle up` in the foreground until SIGINT or SIGTERM, checking the devnet every few
 * seconds and saying so once when it stops answering (the timer is also what keeps Node alive:
 * signal listeners alone do not).
 */
export function superviseUntilSignal(stack: StackConfig): Promise<void> {
  return new Promise((resolve) => {
    let healthy = true;
    const timer = setInterval(() => {
      void devnetStatus(stack).then((status) => {
        if (healthy && !status.answering) console.error(`\n${DEVNET_PROCESS} stopped answering at ${status.url}; see ${logFileOf(stack.home, DEVNET_PROCESS)}`);
        if (!healthy && status.answering) console.error(`\n${DEVNET_PROCESS} answers again`);
        healthy = status.answering;
      });
    }, CHECK_EVERY_MS);
    const stop = () => {
      clearInterval(timer);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
