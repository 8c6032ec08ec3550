import test from 'ava';

// Serial: every test deploys on the shared devnet and some race two relayers.
import { hexlify, randomBytes, verifyTypedData, type Wallet } from 'ethers';
import { fundedWallet } from '../../src/evm/provider';
import { BridgeMetrics, isBridgeError, MINT_TYPE_HASH, MintSigning, mintTypedData, PluginTrestleBridge, Relayer, type KeystoreSigner, type PendingMint } from '../../src/plugin/public-api';
import { InMemoryAttestationLedger } from '../../src/validator/testing/in-memory-attestation-ledger';
import { assetFixture, UNITS, type AssetFixture } from '../support/fixtures';
import { keystoreSigners } from './validator-keys';

interface Setup {
  a: AssetFixture;
  holder: Wallet;
  signers: KeystoreSigner[];
  ledger: InMemoryAttestationLedger;
  gateway: string;
  mint: PendingMint;
}

/** An asset with a registered holder, the three validators as keystore signers, and one approved bridge-out. */
async function setup(): Promise<Setup> {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  await a.register(holder.address);
  const signers = await keystoreSigners(a.validators);
  const ledger = new InMemoryAttestationLedger(2);
  const mint: PendingMint = { nonce: 1n, chainId: a.chainId, token: a.suite.token, to: holder.address, amount: UNITS(100n), fabricTxId: hexlify(randomBytes(32)) };
  ledger.approve(mint);
  return { a, holder, signers, ledger, gateway: await a.gateway.getAddress(), mint };
}

function signing(s: Setup, signer: KeystoreSigner, metrics?: BridgeMetrics): MintSigning {
  return new MintSigning({ signer, gateway: s.a.gateway, ledger: s.ledger, metrics });
}

async function relayer(s: Setup, ledger = s.ledger, metrics?: BridgeMetrics): Promise<Relayer> {
  return new Relayer({ ledger, gateway: s.gateway, sender: await fundedWallet(s.a.provider), retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 }, metrics });
}

test.serial('two of three validators sign, their signatures recover to them, and the relayer mints once on the gateway', async (t) => {
  const s = await setup();
  const metrics = new BridgeMetrics();
  const [first, second] = [signing(s, s.signers[0]!, metrics), signing(s, s.signers[2]!, metrics)];
  const signature = await first.signAndRecord(s.mint);
  t.is(await first.signAndRecord(s.mint), signature, 'signing the same bridge-out again gives the same signature');
  await second.signPending();
  const recorded = (await s.ledger.mint(1n))!;
  t.is(recorded.status, 'SIGNED');
  t.is(recorded.signatures.length, 2, 'recording the same signature twice is a no-op');
  const { domain, types, value } = mintTypedData(s.gateway, s.mint);
  t.deepEqual(recorded.signatures.map((r) => verifyTypedData(domain, types, value, r.signature)), [s.signers[0]!.address, s.signers[2]!.address]);

  const outcomes = await (await relayer(s, s.ledger, metrics)).relayPending();
  t.is(outcomes[0]?.kind, 'minted');
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(100n));
  t.true(await s.a.gateway.isNonceUsed(MINT_TYPE_HASH, 1n));
  const minted = (await s.ledger.mint(1n))!;
  t.is(minted.status, 'MINTED');
  t.is(minted.evmTxHash, outcomes[0]?.kind === 'minted' ? outcomes[0].txHash : undefined);
  t.deepEqual(await (await relayer(s)).relayPending(), [], 'nothing is left to relay');
  t.is(metrics.value('mintsSigned'), 3);
  t.is(metrics.value('mintsRelayed'), 1);
});

test.serial('a validator that dies after signing a Mint but before recording it signs the same bytes after a restart; one mint follows', async (t) => {
  const s = await setup();
  // The process dies inside the ledger call: the signature was made, nothing reached the ledger.
  const dying = { ...s.ledger, pendingMints: () => s.ledger.pendingMints(), recordMintSignature: () => Promise.reject(new Error('killed before the ledger answered')) } as unknown as InMemoryAttestationLedger;
  const beforeCrash = new MintSigning({ signer: s.signers[0]!, gateway: s.a.gateway, ledger: dying });
  await t.throwsAsync(beforeCrash.signAndRecord(s.mint), { message: /killed/ });
  t.is((await s.ledger.mint(1n))?.signatures.length, 0, 'nothing was recorded');

  const restarted = signing(s, s.signers[0]!);
  await restarted.signPending();
  await signing(s, s.signers[1]!).signPending();
  const recorded = (await s.ledger.mint(1n))!;
  t.is(recorded.status, 'SIGNED');
  const { domain, types, value } = mintTypedData(s.gateway, s.mint);
  t.is(verifyTypedData(domain, types, value, recorded.signatures[0]!.signature), s.signers[0]!.address);
  t.is(recorded.signatures[0]!.signature, await s.signers[0]!.signTypedData(domain, types, value), 'deterministic (RFC 6979): the restart signs the very bytes it would have recorded');
  t.is((await (await relayer(s)).relayPending())[0]?.kind, 'minted');
  t.deepEqual(await (await relayer(s)).relayPending(), []);
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(100n), 'minted once');
});

test.serial('with one of three signatures nothing is submitted and the status says why', async (t) => {
  const s = await setup();
  await signing(s, s.signers[1]!).signAndRecord(s.mint);
  const outcomes = await (await relayer(s)).relayPending();
  t.like(outcomes[0], { kind: 'quorum-not-met', have: 1, need: 2 });
  t.false(await s.a.gateway.isNonceUsed(MINT_TYPE_HASH, 1n));
  t.is(await s.a.token.balanceOf(s.holder.address), 0n);
  const plugin = new PluginTrestleBridge({ instanceId: 'bank-b', ledger: s.ledger, metrics: new BridgeMetrics(), provider: s.a.provider, gateway: s.gateway, validator: s.signers[1]!.address });
  const status = await plugin.status();
  t.is(status.pendingMints, 1);
  t.deepEqual(status.blocked.map((b) => b.nonce), ['1']);
  t.regex(status.blocked[0]!.reason, /1 of 2 validator signatures/);
});

test.serial('a signature from a key outside the validator set is refused before signing and ignored by the relayer', async (t) => {
  const s = await setup();
  const [outsider] = await keystoreSigners([(await fundedWallet(s.a.provider)) as Wallet]);
  const error = await t.throwsAsync(signing(s, outsider!).sign(s.mint));
  t.true(isBridgeError(error, 'BRIDGE_NOT_A_VALIDATOR'));
  // Recorded anyway (a forged entry): the relayer does not count it.
  const { domain, types, value } = mintTypedData(s.gateway, s.mint);
  await s.ledger.recordMintSignature(1n, outsider!.address, await outsider!.signTypedData(domain, types, value));
  await signing(s, s.signers[0]!).signAndRecord(s.mint);
  t.like((await (await relayer(s)).relayPending())[0], { kind: 'quorum-not-met', have: 1, need: 2 });
});

test.serial('a validator refuses to sign for an asset the gateway does not know or a nonce it has used', async (t) => {
  const s = await setup();
  const unknownAsset = await signing(s, s.signers[0]!).signPending().then(() => t.throwsAsync(signing(s, s.signers[0]!).sign({ ...s.mint, nonce: 2n, token: s.holder.address })));
  t.true(isBridgeError(unknownAsset, 'BRIDGE_ASSET_NOT_CONFIGURED'));
  await signing(s, s.signers[1]!).signAndRecord(s.mint);
  await (await relayer(s)).relayPending();
  t.true(isBridgeError(await t.throwsAsync(signing(s, s.signers[2]!).sign(s.mint)), 'BRIDGE_NONCE_ALREADY_USED'));
});

/** The Fabric stub failing the first MINTED record, as a relayer killed between receipt and record would. */
class LedgerCrashingOnFirstMintedRecord extends InMemoryAttestationLedger {
  crashed = false;
  override async recordMinted(nonce: bigint, evmTxHash: string): Promise<void> {
    if (!this.crashed) {
      this.crashed = true;
      throw new Error('relayer killed after the mint was mined, before MINTED was recorded');
    }
    return super.recordMinted(nonce, evmTxHash);
  }
}

test.serial('a relayer restarted after submitting but before recording does not mint again and records the first transaction', async (t) => {
  const s = await setup();
  const ledger = new LedgerCrashingOnFirstMintedRecord(2);
  ledger.approve(s.mint);
  for (const signer of s.signers.slice(0, 2)) await new MintSigning({ signer, gateway: s.a.gateway, ledger }).signAndRecord(s.mint);
  const sender = await fundedWallet(s.a.provider);
  const options = { ledger, gateway: s.gateway, sender, retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 } };
  await t.throwsAsync(new Relayer(options).relayPending(), { message: /killed/ });
  const nonceAfterCrash = await s.a.provider.getTransactionCount(sender.address);
  // A new process: new Relayer, new NonceManager, same ledger and account.
  const outcomes = await new Relayer(options).relayPending();
  t.is(outcomes[0]?.kind, 'already-minted');
  t.is(await s.a.provider.getTransactionCount(sender.address), nonceAfterCrash, 'the restarted relayer sent nothing');
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(100n));
  t.is(await s.a.token.totalSupply(), UNITS(100n));
  const minted = (await ledger.mint(1n))!;
  const mintedEvents = await s.a.gateway.queryFilter(s.a.gateway.getEvent('Minted')(null, null, null, 1n));
  t.is(mintedEvents.length, 1);
  t.is(minted.evmTxHash, mintedEvents[0]!.transactionHash);
});

test.serial('two relayers racing on the same bridge-out end with one mint, the loser recording the winner\'s transaction', async (t) => {
  const s = await setup();
  for (const signer of s.signers) await signing(s, signer).signAndRecord(s.mint);
  const [one, two] = await Promise.all([relayer(s), relayer(s)]);
  const outcomes = await Promise.all([one.relayPending(), two.relayPending()]);
  const kinds = outcomes.map((o) => o[0]?.kind).sort();
  t.deepEqual(kinds, ['already-minted', 'minted']);
  t.is(await s.a.token.balanceOf(s.holder.address), UNITS(100n));
  const hashes = outcomes.map((o) => (o[0] !== undefined && 'txHash' in o[0] ? o[0].txHash : undefined));
  t.is(hashes[0], hashes[1]);
  t.is((await s.ledger.mint(1n))?.evmTxHash, hashes[0]);
});
