/** The value printed on the `key  value` line of `key` (record-lines.ts keyValueLines), or undefined. */
export function printedField(text: string, key: string): string | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${key}  `) || candidate.startsWith(`${key} `));
  return line === undefined ? undefined : line.slice(key.length).trimStart();
}
