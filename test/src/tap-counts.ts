/** Totals read from a TAP stream's closing comments (`# pass N`, `# fail N`, `# skip N`). */
export interface TapCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function parseTapCounts(tap: string): TapCounts {
  const read = (label: string) => {
    const match = new RegExp(`^# ${label} (\\d+)$`, 'm').exec(tap);
    return match ? Number(match[1]) : 0;
  };
  return { passed: read('pass'), failed: read('fail'), skipped: read('skip') + read('todo') };
}
