import test from 'ava';

// Serial: it moves the devnet's clock past the NAV's validity.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { deployAll } from '../src/evm/deploy/deploy-all';
import { advanceTime } from '../src/evm/provider';
import { readBridgeStatus, renderBridgeStatus } from '../src/evm/status/bridge-status';
import { testStack } from '@trestle/network/src/stack/stack-config';
import { devnet } from './support/devnet';

const CLI = path.join(__dirname, '..', '..', 'network', 'src', 'cli', 'main.ts');

test.serial("trestle bridge status shows the gateway, each asset's supply and legal state, its NAV and the days to the next haircut step", async (t) => {
  const provider = await devnet();
  const home = mkdtempSync(path.join(os.tmpdir(), 'trestle-status-'));
  const { deployment } = await deployAll(provider, { home });
  const fresh = await readBridgeStatus(provider, deployment);
  t.like(fresh.gateway, { paused: false, threshold: 2n, superThreshold: 3n });
  t.is(fresh.gateway.validators.length, 3);
  const [asset] = fresh.assets;
  t.like(asset, { symbol: deployment.assets[0]?.symbol, totalSupply: 0n, inRemediation: false, haircutBps: 0n });
  t.is(asset?.outlook.kind, 'valid');

  // Past the NAV's validity: the outlook names the next schedule step and how many days remain.
  if (asset?.outlook.kind !== 'valid') return;
  await advanceTime(provider, asset.outlook.secondsUntilExpiry + 3_600);
  const stale = await readBridgeStatus(provider, deployment);
  t.is(stale.assets[0]?.outlook.kind, 'haircut');
  const text = renderBridgeStatus(stale).join('\n');
  t.regex(text, /gateway 0x[0-9a-fA-F]{40}: running, 2 of 3 validators \(super 3\)/);
  t.regex(text, /expired less than a day ago; next step \d+(\.\d+)?% in \d+ day\(s\)/);

  // The command itself, as an operator runs it.
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, 'bridge', 'status', '--json'], {
    env: { ...process.env, TRESTLE_HOME: home, TRESTLE_PORT_BASE: String(testStack().portBase) },
  });
  const printed = JSON.parse(stdout) as { gateway: { paused: boolean }; assets: { outlook: { kind: string } }[] };
  t.false(printed.gateway.paused);
  t.is(printed.assets[0]?.outlook.kind, 'haircut');
});
