// First: fabric-network's own failure logs go to the stack's logs/fabric-client.log (searched below too).
import '../transfers/quiet-fabric-client';
import test from 'ava';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Wallet } from 'ethers';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import type { BridgeOutRecord } from '@trestle/compliance/src/bridge/bridge-out';
import type { HoldingRecord } from '@trestle/compliance/src/ledger/holding';
import { findKeyMaterial, type Secret } from '@trestle/compliance/src/vault/testing/find-key-material';
import { deployAll } from '@trestle/bridge/src/evm/deploy/deploy-all';
import { mined } from '@trestle/bridge/src/evm/deploy/steps';
import type { DeployedContract } from '@trestle/bridge/src/evm/deploy-contract';
import { devnet } from '@trestle/bridge/test/support/devnet';
import { tempDir } from '@trestle/bridge/test/validator/validator-keys';
import type { CliRun } from '../../src/cli/ledger/testing/run-cli';
import { stopValidators, validatorsUp } from '../../src/cli/validators-up';
import { testStack } from '../../src/stack/stack-config';
import { BRIDGE_CONFIRMATIONS, BRIDGE_DESK, connectValidators, realBridge, validatorNodesOnRealPeers } from '../support/bridge-world';
import { FabricAttestationLedger } from '@trestle/bridge/src/validator/fabric-attestation-ledger';
import { pollUntil } from '../support/fabric-poll';
import { sessionOf, uniqueSuffix } from '../support/ledger-people';
import { callEveryRoute, hostPluginOnRealLedger, type RouteAnswer } from './bridge-routes-real';
import { fabricSecrets, filesUnder, validatorSecrets, type SecretMaterial } from './secret-material';

// Issue 10 item 6 on the REAL network: a small end-to-end run (investors onboarded with personal
// data, a wallet bound, a transfer requested, refused to its requester and settled, 100 units
// bridged out to the devnet and home by the three banks' validators on the real peers, then
// npm start's validator processes started and stopped), after which EVERY log under the stack
// home (peers, orderers, chaincode servers, fabric-client, the devnet, the validator processes)
// and every output, error and REST answer the run saw are searched for every private key the
// stack holds and the validators' keystore password. On the way, the bridge plugin is hosted over
// BankA's real ledger connection and its REST route matrix checked (bridge-routes-real.ts). The run uses no evidence vault, so there is no key share to
// look for (compliance/src/vault's own capture tests cover the shares).

const stack = testStack();
const AMOUNT = 100n;
/** A bound on a stuck bridge (two cores run nine Fabric processes and the devnet), not a speed target. */
const BRIDGE_DEADLINE_MS = 120_000;
const json = <T>(bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as T;

test.after.always(async () => {
  await stopValidators(stack.home);
});

/** Every log file of the stack and the run's own outputs, each a text to search whole. */
function searchedTexts(outputs: readonly string[]): Array<{ readonly name: string; readonly text: string }> {
  const logs = filesUnder(path.join(stack.home, 'logs')).map((file) => ({ name: path.relative(stack.home, file), text: readFileSync(file, 'utf8') }));
  return [...logs, { name: "the run's outputs, errors, REST answers and validator node lines", text: outputs.join('\n') }];
}

/** What of `secrets` appears in `text`, named. */
function leaksIn(text: string, secrets: SecretMaterial): string[] {
  return [...findKeyMaterial(text, secrets.keys), ...secrets.strings.filter((entry) => text.includes(entry.text)).map((entry) => entry.name)];
}

function merge(...parts: readonly SecretMaterial[]): SecretMaterial {
  return { keys: parts.flatMap((part) => part.keys), strings: parts.flatMap((part) => part.strings) };
}

test.serial("after an end-to-end run on the real network no log of the stack and no output or REST answer of the run holds a private key or the validator keystore password; the bridge plugin's routes answer as the matrix says", async (t) => {
  const outputs: string[] = [];
  let routes: { listed: RouteAnswer[]; unlisted: RouteAnswer[] } = { listed: [], unlisted: [] };
  const seen = (run: CliRun): CliRun => {
    outputs.push(run.stdout, run.stderr);
    return run;
  };
  const expectRun = async (run: Promise<CliRun>, what: string): Promise<CliRun> => {
    const done = seen(await run);
    t.is(done.exitCode, 0, `${what}: ${done.stderr || done.stdout}`);
    return done;
  };

  // Onboarding (with PII), tokenization and the wallet binding: bridge-world's set-up through the CLI.
  const s = await realBridge(stack);
  const { m, asset, holder, chainId, cli } = s;
  const { a1, b1 } = asset.investors;
  const inProcessKeys: Secret[] = [
    ...m.validators.map((wallet, index) => ({ name: `in-process validator ${index} key`, bytes: Buffer.from(wallet.privateKey.slice(2), 'hex') })),
    { name: 'in-process relayer key', bytes: Buffer.from(s.relayerAccount.privateKey.slice(2), 'hex') },
    { name: "investor's wallet key", bytes: Buffer.from(holder.privateKey.slice(2), 'hex') },
  ];
  const dir = await tempDir('no-secrets-real');
  const connections = await connectValidators(stack);
  const reader = await sessionOf(stack, BRIDGE_DESK.approver);
  const nodeLines: string[] = [];
  const { nodes } = validatorNodesOnRealPeers(s, connections, { dir, startBlock: await m.provider.getBlockNumber(), venues: [await m.morpho.getAddress()], log: (line) => nodeLines.push(line) });
  for (const node of nodes) node.start(250);
  try {
    // A transfer: requested, refused to its requester (an error output), approved by both banks.
    const transferId = `T-NOSECRET-${uniqueSuffix()}`;
    await expectRun(cli.run('transfer', 'request', '--as', 'bankA/officer2', '--asset', asset.assetId, '--from', a1, '--to', b1, '--amount', '1000', '--id', transferId), 'transfer request');
    const self = seen(await cli.run('transfer', 'approve', transferId, '--as', 'bankA/officer2', '--reason', 'my own request'));
    t.not(self.exitCode, 0, 'the requester cannot approve');
    await expectRun(cli.run('transfer', 'approve', transferId, '--as', 'bankA/officer1', '--reason', 'KYC checked'), 'approval at BankA');
    await expectRun(cli.run('transfer', 'approve', transferId, '--as', 'bankB/officer1'), 'approval at BankB');

    // Out to the devnet and home.
    const out = await expectRun(cli.run('bridge', 'out', asset.assetId, a1, '--chain', chainId, '--wallet', holder.address, '--amount', AMOUNT.toString(), '--as', BRIDGE_DESK.requester, '--json'), 'bridge out');
    const { bridgeOutId } = JSON.parse(out.stdout) as BridgeOutRecord;
    await expectRun(cli.run('bridge', 'approve', bridgeOutId, '--as', BRIDGE_DESK.approver), 'bridge-out approval');
    await pollUntil('the bridge-out is minted to the bound wallet', BRIDGE_DEADLINE_MS, async () => (((await m.token.balanceOf(holder.address)) as bigint) === AMOUNT ? true : undefined), 50);
    // The plugin's routes, served from BankA's real ledger connection while the mint's signatures are on it.
    const { nonce } = json<BridgeOutRecord>(await reader.contract('BridgeContract').evaluateTransaction('GetBridgeOut', bridgeOutId));
    const host = await hostPluginOnRealLedger({ ledger: new FabricAttestationLedger(connections[0]!.bridge, m.chainId), provider: m.provider, gateway: await m.gateway.getAddress(), validator: s.signers[0]!.address });
    try {
      t.regex(host.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'served on loopback only');
      routes = await callEveryRoute(host.url, nonce ?? '');
    } finally {
      await host.shutdown();
    }
    outputs.push(...[...routes.listed, ...routes.unlisted].map((answer) => answer.body));
    await mined('burnForRedeem', (m.gateway.connect(holder) as DeployedContract).burnForRedeem(m.suite.token, AMOUNT, investorRef(a1)));
    for (let block = 0; block < BRIDGE_CONFIRMATIONS; block++) await m.provider.send('evm_mine', []);
    await pollUntil('the burn is released to the investor on the ledger', BRIDGE_DEADLINE_MS, async () => {
      const holding = json<HoldingRecord>(await reader.contract('AssetContract').evaluateTransaction('GetHolding', asset.assetId, a1));
      return holding.escrowed === '0' ? true : undefined;
    }, 100);
  } finally {
    for (const node of nodes) await node.stop();
    for (const connection of connections) connection.close();
    await reader.close();
    cli.dispose();
  }

  for (const answer of routes.listed) t.is(answer.status, 200, `${answer.method} ${answer.path} answers without credentials: ${answer.body.slice(0, 200)}`);
  t.regex(routes.listed.find((answer) => answer.path.endsWith('/health'))?.body ?? '', /"ledger":"UP"/, 'health reads the real ledger');
  t.regex(routes.listed.find((answer) => answer.path.includes('/attestations/'))?.body ?? '', /"signature"/, "the mint's signatures come from the real ledger");
  for (const answer of routes.unlisted) t.true(answer.status >= 400 && answer.status < 500, `${answer.method} ${answer.path} is not served: ${answer.status}`);
  t.log(`bridge plugin routes on the real ledger: ${routes.listed.length} listed answered, ${routes.unlisted.length} unlisted calls refused`);

  // npm start's validator processes: keystores and password under validators/, logs under logs/.
  const { deployment } = await deployAll(await devnet(), stack);
  const note = await validatorsUp(stack, deployment, (line) => outputs.push(line));
  outputs.push(note);
  t.regex(note, /^3 validators passing/);
  t.deepEqual(await stopValidators(stack.home), ['validator-bankA', 'validator-bankB', 'validator-bankC'], 'the processes this test started are stopped');

  outputs.push(...nodeLines);
  // One text at a time: a whole npm test run leaves tens of megabytes of peer and chaincode logs.
  const texts = searchedTexts(outputs);
  const secrets = merge(fabricSecrets(stack.home), validatorSecrets(stack.home), { keys: inProcessKeys, strings: [] });

  // The search must be able to see: it reads every process's log, the searched text names the
  // validators' addresses and the callers' certificate subjects, and a planted key is found.
  for (const name of ['peer-bankA', 'orderer-bankA', 'chaincode-bankA', 'evm-devnet', 'validator-bankA', 'validator-bankC']) {
    t.true(texts.some((entry) => entry.name === path.join('logs', `${name}.log`)), `logs/${name}.log is searched`);
  }
  const devnetKeys = JSON.parse(readFileSync(path.join(stack.home, 'evm', 'devnet-keys.json'), 'utf8')) as { validators: Record<string, string> };
  for (const key of Object.values(devnetKeys.validators)) {
    const address = new Wallet(key).address.slice(2).toLowerCase();
    t.true(texts.some((entry) => entry.text.toLowerCase().includes(address)), `the searched text names validator 0x${address}`);
  }
  t.true(texts.some((entry) => entry.name.startsWith(path.join('logs', 'peer-')) && entry.text.includes('CN=peer0.bankb.trestle.local')), "the peers' logs name certificate subjects");
  t.true(secrets.keys.length >= 40 && secrets.strings.some((entry) => entry.name === 'validator keystore password'), `${secrets.keys.length} keys and the password to look for`);
  const planted = secrets.keys[0] as Secret;
  t.deepEqual(findKeyMaterial(`planted ${Buffer.from(planted.bytes).toString('hex')}`, [planted]), [`${planted.name} as hex`], 'a planted key is found');

  const leaks = texts.flatMap((entry) => leaksIn(entry.text, secrets).map((leak) => `${leak} in ${entry.name}`));
  t.deepEqual(leaks, [], 'no private key (hex, base64, decimal bytes, PEM line) and no keystore password');
  const size = texts.reduce((sum, entry) => sum + entry.text.length, 0);
  t.log(`searched ${texts.length - 1} log files and the run's outputs (${Math.round(size / 1024)} KiB) for ${secrets.keys.length} private keys and ${secrets.strings.length} PEM lines and passwords`);
});
