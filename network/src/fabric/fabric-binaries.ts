import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../stack/stack-config';
import { FABRIC_COMMANDS, FABRIC_FALLBACK_PIN, FABRIC_PIN, type FabricPin } from './fabric-pin';

/** Ignored folder holding the built binaries; survives `down --purge` so rebuilds are rare. */
export const FABRIC_DIR = path.join(REPO_ROOT, '.fabric');
export const FABRIC_BIN = path.join(FABRIC_DIR, 'bin');
const STAMP = path.join(FABRIC_DIR, 'pin.json');

/** One failed `go install`, with the exact command and what the Go toolchain answered. */
export interface GoInstallFailure {
  readonly command: string;
  readonly output: string;
}

/** Raised when no pinned Fabric release can be built here; carries every attempt. */
export class FabricBinariesUnavailableError extends Error {
  readonly code = 'FABRIC_BINARIES_UNAVAILABLE';
  constructor(readonly attempts: readonly GoInstallFailure[]) {
    super(
      'Hyperledger Fabric binaries could not be built from the Go module proxy.\n' +
        attempts.map((a) => `  $ ${a.command}\n    ${a.output.trim().split('\n').join('\n    ')}`).join('\n'),
    );
    this.name = 'FabricBinariesUnavailableError';
  }
}

/** The pin the binaries in .fabric/bin were built from, if they are complete. */
export function installedPin(): FabricPin | undefined {
  if (!existsSync(STAMP)) return undefined;
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as FabricPin;
  const complete = FABRIC_COMMANDS.every((cmd) => existsSync(path.join(FABRIC_BIN, path.basename(cmd))));
  return complete ? stamp : undefined;
}

function goInstall(pin: FabricPin, log: (line: string) => void): GoInstallFailure | undefined {
  for (const cmd of FABRIC_COMMANDS) {
    const target = `${pin.module}/${cmd}@${pin.commit}`;
    const command = `GOBIN=${FABRIC_BIN} go install ${target}`;
    log(`go install ${pin.module}/${cmd} (${pin.release})`);
    const result = spawnSync('go', ['install', target], {
      env: { ...process.env, GOBIN: FABRIC_BIN, GOFLAGS: '-buildvcs=false' },
      encoding: 'utf8',
      timeout: 30 * 60_000,
    });
    if (result.status !== 0) return { command, output: `${result.stderr ?? ''}${result.error?.message ?? ''}` };
  }
  return undefined;
}

/**
 * Builds peer, orderer, configtxgen, osnadmin, cryptogen and the CCaaS builder with `go install`
 * into .fabric/bin, unless binaries from the same pin are already there. Tries the 2.5 LTS pin,
 * then the 3.1.5 fallback; throws with every exact command and error when neither builds.
 */
export function ensureFabricBinaries(log: (line: string) => void = () => {}): FabricPin {
  const current = installedPin();
  if (current?.commit === FABRIC_PIN.commit) return current;
  mkdirSync(FABRIC_BIN, { recursive: true });
  const attempts: GoInstallFailure[] = [];
  for (const pin of [FABRIC_PIN, FABRIC_FALLBACK_PIN]) {
    const failure = goInstall(pin, log);
    if (failure === undefined) {
      writeFileSync(STAMP, JSON.stringify(pin, null, 2));
      return pin;
    }
    attempts.push(failure);
  }
  throw new FabricBinariesUnavailableError(attempts);
}
