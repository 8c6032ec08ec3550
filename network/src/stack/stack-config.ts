import path from 'node:path';

/** Repository root, from which the default state folders hang. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * One local stack: a state folder and a port range. `npm start` and `npm test` use different ones,
 * so a developer's running consortium and the test suite never collide.
 */
export interface StackConfig {
  /** Folder for logs, pid files, ledgers and deployment files. */
  readonly home: string;
  /** First port of this stack's range; every service port is an offset from it. */
  readonly portBase: number;
  /** Loopback only: nothing of ours listens on another interface. */
  readonly host: '127.0.0.1';
}

export const DEFAULT_PORT_BASE = 27000;
export const TEST_PORT_BASE = 28000;

/** Port offsets inside a stack's range (Fabric's will join these). */
export const PORT_OFFSETS = {
  evmRpc: 545,
} as const;

/** Reads TRESTLE_HOME and TRESTLE_PORT_BASE, falling back to the developer stack's defaults. */
export function stackFromEnv(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const portBase = env.TRESTLE_PORT_BASE === undefined ? DEFAULT_PORT_BASE : Number(env.TRESTLE_PORT_BASE);
  if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 64000) {
    throw new RangeError(`TRESTLE_PORT_BASE must be an integer between 1024 and 64000, got "${env.TRESTLE_PORT_BASE}"`);
  }
  return { home: path.resolve(env.TRESTLE_HOME ?? path.join(REPO_ROOT, '.trestle')), portBase, host: '127.0.0.1' };
}

/** The stack the test suites use unless told otherwise. */
export function testStack(env: NodeJS.ProcessEnv = process.env): StackConfig {
  return stackFromEnv({
    TRESTLE_HOME: env.TRESTLE_HOME ?? path.join(REPO_ROOT, '.trestle-test'),
    TRESTLE_PORT_BASE: env.TRESTLE_PORT_BASE ?? String(TEST_PORT_BASE),
  });
}

export function evmRpcUrl(stack: StackConfig): string {
  return `http://${stack.host}:${stack.portBase + PORT_OFFSETS.evmRpc}`;
}
