import { isTrestleError } from '../../../errors/trestle-error';
import { LedgerAccessGate } from '../../access/ledger-access-gate';
import { readKeyShareFile } from '../../keys/key-share-file-io';
import { connectFabricVaultLedger } from '../../ledger/fabric-vault-ledger';
import { ShareService } from '../share-service';
import { shareServiceConfigFromEnv } from './share-service-config';
import { startShareServiceServer } from './share-service-server';

// Runs one bank's share service: its key share, the ledger gate on its bank's Fabric gateway, and
// the HTTPS server with mutual TLS. Configuration from the environment (compliance/src/vault/README.md).
async function main(): Promise<void> {
  const config = shareServiceConfigFromEnv();
  const keyShare = await readKeyShareFile(config.keyShareFile);
  const ledger = await connectFabricVaultLedger(config.fabric);
  const service = new ShareService({ keyShare, gate: new LedgerAccessGate(ledger), clock: () => new Date() });
  const server = await startShareServiceServer({ service, tls: config.tls, port: config.port, log: (line) => console.error(`[vault-share] ${line}`) });
  // The share index and the orgs only: the key share itself never reaches a log.
  console.log(`[vault-share] share ${service.shareIndex} of key ${service.publicKey.slice(0, 16)}… listening on ${server.url} for ${config.tls.clients.map(({ mspId }) => mspId).join(', ')}`);
  const stop = () => void server.close().then(() => ledger.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[vault-share] ${isTrestleError(error) ? error.message : error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
