import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { hexlify, randomBytes, Wallet } from 'ethers';
import { fundedWallet } from '../../src/evm/provider';
import { MintSigning, Relayer, SendJournal, type PendingMint } from '../../src/plugin/public-api';
import { InMemoryAttestationLedger } from '../../src/validator/testing/in-memory-attestation-ledger';
import { assetFixture, UNITS } from '../support/fixtures';
import { keystoreSigners } from './validator-keys';

// Serial: these tests switch the shared devnet's automining off and on.

/** An approved bridge-out signed by two of three validators, and a relayer account. */
async function signedBridgeOut() {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  await a.register(holder.address);
  const ledger = new InMemoryAttestationLedger(2);
  const mint: PendingMint = { nonce: 1n, chainId: a.chainId, token: a.suite.token, to: holder.address, amount: UNITS(100n), fabricTxId: hexlify(randomBytes(32)) };
  ledger.approve(mint);
  const [first, , third] = await keystoreSigners(a.validators);
  for (const signer of [first, third]) await new MintSigning({ signer: signer!, gateway: a.gateway, ledger }).signAndRecord(mint);
  const account = await fundedWallet(a.provider);
  const journalFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'trestle-relayer-')), 'sent.json');
  const relayerFor = () =>
    // A restart: a new process with the same account key, a fresh NonceManager and the same journal file.
    new Relayer({ ledger, gateway: a.gateway.target as string, sender: new Wallet(account.privateKey, a.provider), journal: new SendJournal(journalFile), retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 } });
  return { a, holder, ledger, account, journalFile, relayerFor };
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
}

test.serial('a relayer restarted while its mint is unmined waits for that transaction instead of sending another', async (t) => {
  const s = await signedBridgeOut();
  await s.a.provider.send('evm_setAutomine', [false]);
  t.teardown(() => s.a.provider.send('evm_setAutomine', [true]));

  const crashed = s.relayerFor().relay((await s.ledger.mint(1n))!);
  await waitFor(async () => (await new SendJournal(s.journalFile).get(1n)) !== undefined);
  const sent = (await new SendJournal(s.journalFile).get(1n))!;
  // The journal is written before the broadcast (that is its point), so the node may not know the transaction yet.
  await waitFor(async () => (await s.a.provider.getTransaction(sent.txHash)) !== null);
  t.truthy(await s.a.provider.getTransaction(sent.txHash), 'the first run broadcast its transaction');

  const restarted = s.relayerFor().relay((await s.ledger.mint(1n))!);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await s.a.provider.send('evm_mine', []);
  const [outcome] = await Promise.all([restarted, crashed]);

  t.like(outcome, { kind: 'minted', txHash: sent.txHash });
  t.is(await s.a.provider.getTransactionCount(s.account.address), 1, 'the relayer account sent exactly one transaction');
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(100n));
  t.is((await s.ledger.mint(1n))?.evmTxHash, sent.txHash);
  t.is(await new SendJournal(s.journalFile).get(1n), undefined, 'the journal forgets the recorded mint');
});

test.serial('a journalled transaction the node dropped is broadcast again with the same bytes, not re-signed', async (t) => {
  const s = await signedBridgeOut();
  await s.a.provider.send('evm_setAutomine', [false]);
  t.teardown(() => s.a.provider.send('evm_setAutomine', [true]));

  void s.relayerFor().relay((await s.ledger.mint(1n))!).catch(() => undefined);
  await waitFor(async () => (await new SendJournal(s.journalFile).get(1n)) !== undefined);
  const sent = (await new SendJournal(s.journalFile).get(1n))!;
  await waitFor(async () => (await s.a.provider.getTransaction(sent.txHash)) !== null);
  await s.a.provider.send('hardhat_dropTransaction', [sent.txHash]);
  t.is(await s.a.provider.getTransaction(sent.txHash), null, 'the node no longer knows the transaction');

  const restarted = s.relayerFor().relay((await s.ledger.mint(1n))!);
  await waitFor(async () => (await s.a.provider.getTransaction(sent.txHash)) !== null);
  await s.a.provider.send('evm_mine', []);
  t.like(await restarted, { kind: 'minted', txHash: sent.txHash });
  t.is(await s.a.provider.getTransactionCount(s.account.address), 1);
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(100n));
});
