import test from 'ava';
import type { DeploymentFile } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { stackFromEnv } from '../stack/stack-config';
import { consolePasswordFile, officerConsoles } from './consoles-up';
import { printSummary } from './summary';
import type { StackUpResult } from './stack-up';

/** What printSummary wrote to the console. */
function printed(result: StackUpResult): string {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    printSummary(stackFromEnv({ TRESTLE_HOME: '/tmp/trestle-summary' }), result);
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

const deployment = {
  contracts: { gateway: '0x0000000000000000000000000000000000000001', morpho: '0x0000000000000000000000000000000000000002' },
  assets: [{ symbol: 'ZOB', token: '0x0000000000000000000000000000000000000003', oracle: '0x0000000000000000000000000000000000000004', marketId: '0xabc' }],
} as unknown as DeploymentFile;

test('without Fabric the summary says why, and names what waits for it and what runs now', (t) => {
  const text = printed({ fabric: { ok: false, reason: 'go install refused: 403 Forbidden' }, evmRpcUrl: 'http://127.0.0.1:27545', deployment, deploymentFile: '/tmp/x/deployment.json' });
  t.regex(text, /Fabric network: NOT STARTED\n {2}go install refused: 403 Forbidden/);
  t.regex(text, /Bridge validators: not started; each needs its bank's Fabric peer/);
  t.regex(text, /Officer console: not started; it needs its bank's Fabric peer/);
  t.regex(text, /Ledger commands \(spv, asset, investor, transfer, policy, legal, bridge out, gateway-message, audit …\): need the Fabric network\./);
  t.regex(text, /On the EVM side now: "npm run trestle -- bridge status", "npm run trestle -- liquidator positions", "npm run trestle -- owner-call --help"\./);
  t.regex(text, /asset ZOB +token 0x0{39}3/);
});

test('with Fabric up the summary names its release, every bank\'s endpoints and the client wallets, and claims nothing is missing', (t) => {
  const text = printed({ fabric: { ok: true, release: 'v2.5.16' }, evmRpcUrl: 'http://127.0.0.1:27545' });
  t.regex(text, /Fabric +v2\.5\.16, channel rwa, chaincode trestle/);
  for (const [msp, base] of [['BankAMSP', 27100], ['BankBMSP', 27110], ['BankCMSP', 27120]] as const) {
    t.regex(text, new RegExp(`${msp} +peer 127\\.0\\.0\\.1:${base}, orderer 127\\.0\\.0\\.1:${base + 3}, chaincode server 127\\.0\\.0\\.1:${base + 6}`));
  }
  t.regex(text, /client wallets +\/tmp\/trestle-summary\/fabric\/clients\/<org>\/wallet/);
  t.false(text.includes('NOT STARTED'));
  t.false(text.includes('EVM side now'), 'no deployment, no EVM commands to suggest');
});

test('with the consoles up the summary gives each org\'s console URL, its usernames, the password file, and that KYC files need the vault', (t) => {
  const stack = stackFromEnv({ TRESTLE_HOME: '/tmp/trestle-summary' });
  const text = printed({ fabric: { ok: true, release: 'v2.5.16' }, consoles: { consoles: officerConsoles(stack), passwordFile: consolePasswordFile(stack) } });
  for (const [name, port] of [['BankA', 27081], ['BankB', 27082], ['BankC', 27083]] as const) {
    t.regex(text, new RegExp(`officer console +${name} +http://127\\.0\\.0\\.1:${port} \\(users officer1, officer2; password in /tmp/trestle-summary/officer/passwords\\)`));
  }
  t.regex(text, /officer console +Regulator +http:\/\/127\.0\.0\.1:27084 \(users rita; password in \/tmp\/trestle-summary\/officer\/passwords\)/);
  t.regex(text, /KYC files do not open there: they need the evidence vault's share services/);
});

test('without the consoles step the summary names no console URL', (t) => {
  t.false(printed({ fabric: { ok: true, release: 'v2.5.16' } }).includes('officer console'));
});
