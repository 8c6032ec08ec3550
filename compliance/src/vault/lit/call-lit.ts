/**
 * Runs one call into a Lit package and passes on only its error message. Lit's errors carry an
 * `info` object that may hold the shares or signatures they were given, so an error logged with
 * its cause (or inspected) could print key material; a fresh `Error` with the message cannot.
 */
export async function callLit<T>(name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(`Lit ${name} failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}
