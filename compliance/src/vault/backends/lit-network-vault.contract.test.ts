import { createSiweMessage, generateAuthSig, LitAccessControlConditionResource } from '@lit-protocol/auth-helpers';
import { LIT_ABILITY } from '@lit-protocol/constants';
import test from 'ava';
import { Wallet } from 'ethers';
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FileVaultStore } from '../store/file-vault-store';
import { InMemoryAccessGate } from '../testing/in-memory-access-gate';
import { FIXED_TIME, kycConditions, OFFICER_A } from '../testing/vault-fixture';
import { connectLitNetwork, litNetworkFromEnvironment, type LitNetworkName } from './connect-lit-network';
import { LitNetworkVault } from './lit-network-vault';

/*
 * The contract test of the Lit network backend. It runs only when the network named by
 * TRESTLE_LIT_NETWORK (default datil-dev) answers; otherwise it is registered as skipped with the
 * reason in its title and one line saying why, so the run shows it did not run rather than passing.
 */

const PROBE = resolve(__dirname, '../testing/probe-lit-network.ts');

function networkOrReason(): { network: LitNetworkName } | { reason: string } {
  let network: LitNetworkName;
  try {
    network = litNetworkFromEnvironment();
  } catch (error) {
    return { reason: (error as Error).message };
  }
  const probe = spawnSync(process.execPath, ['--import', 'tsx', PROBE, network], { encoding: 'utf8', timeout: 60_000 });
  const lastLine = probe.stdout?.trim().split('\n').at(-1) ?? '';
  try {
    const answer = JSON.parse(lastLine) as { answered: boolean; reason?: string };
    return answer.answered ? { network } : { reason: `Lit network ${network} did not answer: ${answer.reason ?? 'no reason given'}` };
  } catch {
    return { reason: `the probe of Lit network ${network} ended without an answer (${probe.error?.message ?? `exit code ${probe.status}`})` };
  }
}

const target = networkOrReason();
const title = 'LitNetworkVault seals a file through the Lit network and opens it for a requester the network and the gate allow';

if ('reason' in target) {
  console.log(`Lit network contract test did not run: ${target.reason}`);
  // Skipped only when no Lit network answers (none is reachable from these machines); the title carries the probe's reason.
  test.skip(`${title} (did not run: ${target.reason})`, () => undefined);
} else {
  test(`${title} (${target.network})`, async (t) => {
    const client = await connectLitNetwork(target.network);
    try {
      const wallet = Wallet.createRandom();
      const chain = 'ethereum';
      const gate = new InMemoryAccessGate().grant(OFFICER_A.identityId, OFFICER_A.mspId, OFFICER_A.role);
      const vault = new LitNetworkVault({
        client,
        network: target.network,
        chain,
        store: new FileVaultStore(await mkdtemp(join(tmpdir(), 'trestle-lit-'))),
        gate,
        clock: () => FIXED_TIME,
        litConditionsFor: () => [
          { contractAddress: '', standardContractType: '', chain, method: '', parameters: [':userAddress'], returnValueTest: { comparator: '=', value: wallet.address } },
        ],
        authorizationFor: async () => {
          const toSign = await createSiweMessage({
            walletAddress: wallet.address,
            nonce: await client.getLatestBlockhash(),
            uri: 'lit:trestle:vault-contract-test',
            expiration: new Date(Date.now() + 10 * 60_000).toISOString(),
            resources: [{ resource: new LitAccessControlConditionResource('*'), ability: LIT_ABILITY.AccessControlConditionDecryption }],
            litNodeClient: client,
          });
          return { authSig: await generateAuthSig({ signer: wallet, toSign }) };
        },
      });
      const file = new TextEncoder().encode('Lit network contract test file');
      const { contentHash, envelope } = await vault.seal(file, kycConditions());
      t.is(envelope.backend, 'lit-network');
      t.deepEqual(await vault.open(contentHash, OFFICER_A), file);
      t.like(gate.entries[0], { outcome: 'granted', requester: OFFICER_A, shareIndex: 0 });
    } finally {
      await client.disconnect();
    }
  });
}
