/**
 * Waits until `condition` holds, checking every 100 ms; throws naming `what` after `seconds` (a
 * bound on a stuck bridge, not a speed target).
 */
export async function eventually(condition: () => Promise<boolean>, what: string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
