import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encryptKeystoreJsonSync, type Wallet } from 'ethers';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import type { MarketFixture } from '@trestle/bridge/test/support/fixtures';
import { REPO_ROOT, evmRpcUrl, testStack } from '../../src/stack/stack-config';

// What the CLI's devnet tests share: a state folder whose deployment file names a market the test
// set up on the devnet, keystores for its wallets, and `trestle …` run as a person runs it.

/** The environment variable the tests' keystore passwords travel in, and the password. */
export const PASSWORD_ENV = 'TRESTLE_TEST_WALLET_PASSWORD';
export const PASSWORD = 'test wallet keystore password';

/** State folders made by `stateFolder`; `removeStateFolders` deletes them (call it from test.after.always). */
const folders: string[] = [];

/** A fresh, empty state folder (no deployment). */
export function stateFolder(prefix: string): string {
  const home = mkdtempSync(path.join(os.tmpdir(), `trestle-${prefix}-`));
  folders.push(home);
  return home;
}

/** Deletes every state folder the tests made. */
export function removeStateFolders(): void {
  for (const home of folders.splice(0)) rmSync(home, { recursive: true, force: true });
}

/** A state folder whose deployment.json names the fixture's gateway, Morpho and market, its token as symbol TTF. */
export async function deploymentHomeFor(m: MarketFixture, prefix: string): Promise<string> {
  const home = stateFolder(prefix);
  const p = m.market.params;
  const deployment = {
    chainId: Number(m.chainId),
    rpcUrl: evmRpcUrl(testStack()),
    contracts: { gateway: await m.gateway.getAddress(), morpho: await m.morpho.getAddress() },
    assets: [{ symbol: 'TTF', token: m.suite.token, identityRegistry: m.suite.identityRegistry, marketId: m.market.id, marketParams: { ...p, lltv: p.lltv.toString() } }],
  } as unknown as DeploymentFile;
  mkdirSync(path.join(home, 'evm'), { recursive: true });
  writeFileSync(path.join(home, 'evm', 'deployment.json'), JSON.stringify(deployment));
  return home;
}

/** The wallet's keystore under `home`, encrypted cheaply (still scrypt): its cost is not what is tested. */
export function keystoreOf(home: string, wallet: Wallet): string {
  const file = path.join(home, `${wallet.address}.json`);
  writeFileSync(file, encryptKeystoreJsonSync({ address: wallet.address, privateKey: wallet.privateKey }, PASSWORD, { scrypt: { N: 1 << 10 } }), { mode: 0o600 });
  return file;
}

/** What one `trestle` run printed and how it exited. */
export interface TrestleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `trestle <args…>` in a child process with TRESTLE_HOME `home` and the keystore password in PASSWORD_ENV (or `password`). */
export function trestle(home: string, args: readonly string[], password = PASSWORD): TrestleRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'network/src/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TRESTLE_HOME: home, [PASSWORD_ENV]: password },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
