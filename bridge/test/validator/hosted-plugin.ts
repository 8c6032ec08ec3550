import { hexlify, randomBytes } from 'ethers';
import { PluginImportType } from '@hyperledger/cactus-core-api';
import { fundedWallet } from '../../src/evm/provider';
import { BridgeMetrics, createPluginFactory, MintSigning, startBridgeApiServer, type BridgeApiServer } from '../../src/plugin/public-api';
import { InMemoryAttestationLedger } from '../../src/validator/testing/in-memory-attestation-ledger';
import { assetFixture, UNITS } from '../support/fixtures';
import { keystoreSigners } from './validator-keys';

/** The plugin served by a real ApiServer on 127.0.0.1, over the in-memory ledger stub it reads. */
export interface HostedPlugin {
  readonly host: BridgeApiServer;
  readonly ledger: InMemoryAttestationLedger;
  readonly metrics: BridgeMetrics;
}

/**
 * Hosts the plugin for bank A's validator on the devnet's asset fixture, with one approved
 * bridge-out (nonce 1, 10 units) signed by that validator alone, so 1 of the gateway's 2.
 */
export async function hostPlugin(): Promise<HostedPlugin> {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  const [signer] = await keystoreSigners(a.validators.slice(0, 1));
  const ledger = new InMemoryAttestationLedger(2);
  const mint = { nonce: 1n, chainId: a.chainId, token: a.suite.token, to: holder.address, amount: UNITS(10n), fabricTxId: hexlify(randomBytes(32)) };
  ledger.approve(mint);
  const metrics = new BridgeMetrics();
  await new MintSigning({ signer: signer!, gateway: a.gateway, ledger, metrics }).signAndRecord(mint);
  metrics.setLastProcessedBlock(await a.provider.getBlockNumber());
  const factory = await createPluginFactory({ pluginImportType: PluginImportType.Local });
  const plugin = await factory.create({ instanceId: 'bank-a-bridge', ledger, metrics, provider: a.provider, gateway: await a.gateway.getAddress(), validator: signer!.address });
  return { host: await startBridgeApiServer({ plugin, port: 0 }), ledger, metrics };
}
