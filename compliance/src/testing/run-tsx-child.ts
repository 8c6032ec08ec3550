import { spawn } from 'node:child_process';

/** How a child ended: its exit code and everything it wrote, stdout and stderr interleaved as they came. */
export type ChildRun = { readonly code: number | null; readonly output: string };

/**
 * Runs a TypeScript file in a fresh Node process (through tsx) to its end and returns its whole
 * output. The no-secrets tests search that output: a child sees exactly what an operator's log would.
 */
export function runTsxChild(file: string, args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
