import test from 'ava';

// Serial: the reorg test reverts the devnet, which would undo other tests' blocks.
import path from 'node:path';
import { hexlify, randomBytes, type Wallet } from 'ethers';
import { mined } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { fundedWallet } from '../../src/evm/provider';
import { BridgeMetrics, BurnWatcher, FileCheckpoint, isBridgeError } from '../../src/plugin/public-api';
import { InMemoryAttestationLedger } from '../../src/validator/testing/in-memory-attestation-ledger';
import { assetFixture, UNITS, type AssetFixture } from '../support/fixtures';
import { tempDir } from './validator-keys';

const CONFIRMATIONS = 3;

interface Setup {
  a: AssetFixture;
  holder: Wallet;
  ledger: InMemoryAttestationLedger;
  checkpointFile: string;
  startBlock: number;
  watcher(): BurnWatcher;
  burn(units: bigint): Promise<string>;
  mine(blocks: number): Promise<void>;
}

async function setup(): Promise<Setup> {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  await a.register(holder.address);
  await a.mint(holder.address, UNITS(50n));
  const startBlock = await a.provider.getBlockNumber();
  const ledger = new InMemoryAttestationLedger(2);
  const checkpointFile = path.join(await tempDir('checkpoint'), 'burns.json');
  const validator = a.validators[0]!.address;
  const watcher = () => new BurnWatcher({ provider: a.provider, gateway: a.gateway, ledger, checkpoint: new FileCheckpoint(checkpointFile), validator, confirmations: CONFIRMATIONS, startBlock, metrics: new BridgeMetrics() });
  const asHolder = a.gateway.connect(holder) as DeployedContract;
  return {
    a,
    holder,
    ledger,
    checkpointFile,
    startBlock,
    watcher,
    burn: async (units) => (await mined('burnForRedeem', asHolder.burnForRedeem(a.suite.token, UNITS(units), hexlify(randomBytes(32))))).hash,
    mine: async (blocks) => {
      for (let i = 0; i < blocks; i++) await a.provider.send('evm_mine', []);
    },
  };
}

test.serial('a burn is attested only once it has the configured confirmations', async (t) => {
  const s = await setup();
  const watcher = s.watcher();
  const txHash = await s.burn(5n);
  t.deepEqual((await watcher.poll()).attested, [], 'one confirmation');
  await s.mine(CONFIRMATIONS - 2);
  t.deepEqual((await watcher.poll()).attested, [], `${CONFIRMATIONS - 1} confirmations`);
  await s.mine(1);
  const { attested } = await watcher.poll();
  t.is(attested.length, 1);
  t.like(attested[0], { txHash, amount: UNITS(5n), from: s.holder.address, burnNonce: 1n, chainId: s.a.chainId });
  t.is(s.ledger.allBurnAttestations().length, 1);
});

test.serial('the checkpoint survives a restart: a new watcher resumes after the last processed block', async (t) => {
  const s = await setup();
  await s.burn(1n);
  await s.mine(CONFIRMATIONS);
  const first = await s.watcher().poll();
  t.is(first.attested.length, 1);
  const stored = await new FileCheckpoint(s.checkpointFile).read();
  t.is(stored?.lastProcessedBlock, first.toBlock);

  const restarted = s.watcher();
  const resumed = await restarted.poll();
  t.is(resumed.fromBlock, first.toBlock + 1, 'the restarted watcher does not rescan');
  t.deepEqual(resumed.attested, []);
  const second = await s.burn(2n);
  await s.mine(CONFIRMATIONS);
  t.deepEqual((await restarted.poll()).attested.map((x) => x.txHash), [second]);
  t.is(s.ledger.allBurnAttestations().length, 2);
});

test.serial('a burn reverted by a reorg before its confirmation depth is never attested', async (t) => {
  const s = await setup();
  const watcher = s.watcher();
  await watcher.poll();
  const snapshot: string = await s.a.provider.send('evm_snapshot', []);
  const reverted = await s.burn(7n);
  await s.mine(CONFIRMATIONS - 2);
  t.deepEqual((await watcher.poll()).attested, []);
  t.true(await s.a.provider.send('evm_revert', [snapshot]));
  // The other branch: different blocks at the same heights, then past the depth.
  const kept = await s.burn(3n);
  await s.mine(CONFIRMATIONS + 2);
  const { attested } = await watcher.poll();
  t.deepEqual(attested.map((x) => x.txHash), [kept]);
  t.false(s.ledger.allBurnAttestations().some((x) => x.txHash === reverted));
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(47n));
});

test.serial('duplicate events are attested once, even when a lost checkpoint makes a watcher rescan', async (t) => {
  const s = await setup();
  await s.burn(1n);
  await s.burn(1n);
  await s.mine(CONFIRMATIONS);
  const watcher = s.watcher();
  t.is((await watcher.poll()).attested.length, 2);
  t.is((await watcher.poll()).attested.length, 0);
  const { rm } = await import('node:fs/promises');
  await rm(s.checkpointFile);
  const rescanning = s.watcher();
  const rescan = await rescanning.poll();
  t.is(rescan.fromBlock, s.startBlock);
  t.is(s.ledger.allBurnAttestations().length, 2, 'the ledger keeps one attestation per chain id, tx hash and log index');
  t.deepEqual((await s.ledger.burnAttestations(1n)).length, 1);
});

test.serial('a reorganisation deeper than the confirmation depth stops the watcher with a typed error', async (t) => {
  const s = await setup();
  const snapshot = (await s.a.provider.send('evm_snapshot', [])) as string;
  await s.burn(2n);
  await s.mine(CONFIRMATIONS + 2);
  const watcher = s.watcher();
  t.is((await watcher.poll()).attested.length, 1, 'the burn was attested once it was deep enough');

  // Replace every processed block: revert past them and grow a different, longer chain.
  await s.a.provider.send('evm_revert', [snapshot]);
  await s.mine(CONFIRMATIONS + 6);
  const error = await t.throwsAsync(s.watcher().poll());
  t.true(isBridgeError(error, 'BRIDGE_REORG_BELOW_CHECKPOINT'), `got ${String(error)}`);
});
