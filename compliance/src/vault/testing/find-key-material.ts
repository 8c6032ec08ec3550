/** A named secret the log-capture tests look for. */
export type Secret = { readonly name: string; readonly bytes: Uint8Array };

/**
 * Which secrets appear in `output`, and in what form: hex (either case), base64, or the decimal
 * byte list Node prints for a `Uint8Array` (the form Lit 7.4's `doDecrypt` prints), even when the
 * list is wrapped over lines. Matches 16-byte windows, so a partial print is caught too.
 */
export function findKeyMaterial(output: string, secrets: readonly Secret[]): string[] {
  const lower = output.toLowerCase();
  const numbers = (output.match(/\d+/g) ?? []).map(Number);
  const found: string[] = [];
  for (const { name, bytes } of secrets) {
    for (let start = 0; start + WINDOW <= bytes.length; start += WINDOW) {
      const window = bytes.subarray(start, start + WINDOW);
      if (lower.includes(Buffer.from(window).toString('hex'))) found.push(`${name} as hex`);
      if (output.includes(Buffer.from(bytes).toString('base64').slice(0, 20))) found.push(`${name} as base64`);
      if (containsRun(numbers, window)) found.push(`${name} as decimal bytes`);
    }
  }
  return [...new Set(found)];
}

const WINDOW = 16;

function containsRun(numbers: readonly number[], run: Uint8Array): boolean {
  for (let i = 0; i + run.length <= numbers.length; i += 1) {
    let j = 0;
    while (j < run.length && numbers[i + j] === run[j]) j += 1;
    if (j === run.length) return true;
  }
  return false;
}
