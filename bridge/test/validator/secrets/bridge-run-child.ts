/**
 * Child process of no-secrets-in-output.test.ts: runs the bridge end to end with every component
 * logging as it would, prints what operators and clients see (status, API responses, metrics,
 * refusals, inspected signers), and writes the secrets it used to the file named by argv[2] (never
 * to its output), so the parent can search the output for them.
 */
import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { PluginImportType } from '@hyperledger/cactus-core-api';
import { investorRef } from '@trestle/compliance/src/bridge/investor-ref';
import { approveBridgeOut, bridgeOutRequest, requestBridgeOut } from '@trestle/chaincode/src/testing/bridge-story';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { mined } from '../../../src/evm/deploy/steps';
import type { DeployedContract } from '../../../src/evm/deploy-contract';
import { BridgeMetrics, BurnWatcher, createPluginFactory, FileCheckpoint, MintSigning, startBridgeApiServer } from '../../../src/plugin/public-api';
import { Reconciler } from '../../../src/reconciler/reconciler';
import { bridgeOutAndMint, chaincodeBridge, CONFIRMATIONS, relayer } from '../../support/chaincode-ledgers';
import { tempDir } from '../validator-keys';

async function main(secretsFile: string): Promise<void> {
  const s = await chaincodeBridge();
  const { a } = s;
  const passwords = s.signers.map((_, index) => process.env[`TRESTLE_TEST_KEYSTORE_PASSWORD_${index}`] ?? '');
  writeFileSync(
    secretsFile,
    JSON.stringify({
      keys: [...a.validators.map((wallet, index) => ({ name: `validator ${index} key`, hex: wallet.privateKey })), { name: 'holder key', hex: s.holder.privateKey }, { name: 'relayer key', hex: s.relayerAccount.privateKey }],
      passwords,
      addresses: a.validators.map((wallet) => wallet.address),
    }),
    { mode: 0o600 },
  );
  const metrics = new BridgeMetrics();
  console.log('validators', a.validators.map((wallet) => wallet.address).join(', '));
  console.log('signers as logged:', s.signers.map((signer) => inspect(signer)).join(' '), JSON.stringify(s.signers));

  await bridgeOutAndMint(s, 'B-1', 1_000n);
  console.log('minted, relayer outcome recorded');
  await requestBridgeOut(s.worldState, bridgeOutRequest('B-2', 500n, { chainId: a.chainId.toString(), wallet: s.holder.address }));
  await approveBridgeOut(s.worldState, DESK.officerA, 'B-2');
  // Bank A's identity submitting bank B's key: the refusal is printed as an operator would see it.
  await new MintSigning({ signer: s.signers[1]!, gateway: a.gateway, ledger: s.ledgers[0]!, metrics })
    .signPending()
    .catch((error: unknown) => console.error('refused:', error instanceof Error ? `${error.message} ${inspect(error, { depth: 5 })}` : String(error)));
  console.log('relay with too few signatures:', JSON.stringify(await relayer(s, 0).relayPending(), (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)));

  const startBlock = await a.provider.getBlockNumber();
  await mined('burnForRedeem', (a.gateway.connect(s.holder) as DeployedContract).burnForRedeem(a.suite.token, 400n, investorRef(INVESTORS.annaA)));
  for (let block = 0; block < CONFIRMATIONS; block++) await a.provider.send('evm_mine', []);
  const dir = await tempDir('secrets-burns');
  for (const index of [0, 1]) {
    const watcher = new BurnWatcher({ provider: a.provider, gateway: a.gateway, ledger: s.ledgers[index]!, checkpoint: new FileCheckpoint(path.join(dir, `${index}.json`)), validator: a.validators[index]!.address, confirmations: CONFIRMATIONS, startBlock, metrics });
    console.log('burn watcher pass:', inspect(await watcher.poll(), { depth: 6 }));
  }
  console.log('reconciliation:', inspect(await new Reconciler({ provider: a.provider, ledger: s.ledgers[0]!, messages: s.messages[0]!, metrics }).reconcile(), { depth: 6 }));

  const factory = await createPluginFactory({ pluginImportType: PluginImportType.Local });
  const plugin = await factory.create({ instanceId: 'bank-a-bridge', ledger: s.ledgers[0]!, metrics, provider: a.provider, gateway: s.gateway, validator: a.validators[0]!.address });
  const host = await startBridgeApiServer({ plugin, port: 0 });
  try {
    for (const route of ['status', 'pending', 'attestations/2', 'attestations/not-a-nonce', 'health', 'metrics']) {
      const response = await fetch(`${host.url}/api/v1/plugins/@trestle/bridge/${route}`);
      console.log(`GET ${route} → ${response.status}`, await response.text());
    }
  } finally {
    await host.shutdown();
  }
  a.provider.destroy();
}

main(process.argv[2] ?? '').then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
