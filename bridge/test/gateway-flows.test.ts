import test from 'ava';

// Serial: these tests move the devnet clock, which every test in the file shares.
import { hexlify, id, randomBytes, type JsonRpcProvider, type Wallet } from 'ethers';
import { fundedWallet, latestTimestamp, advanceTime } from '../src/evm/provider';
import type { DeployedContract } from '../src/evm/deploy-contract';
import { mined } from '../src/evm/deploy/steps';
import { expectRevert } from './support/errors';
import { assetFixture, UNITS, type AssetFixture } from './support/fixtures';

const Inbound = 0;
const Outbound = 1;

/** An asset with one registered holder. */
async function withHolder(): Promise<{ a: AssetFixture; holder: Wallet }> {
  const a = await assetFixture();
  const holder = await fundedWallet(a.provider);
  await a.register(holder.address);
  return { a, holder };
}

async function signedMint(a: AssetFixture, to: string, amount: bigint, signers = 2) {
  const fabricTxId = hexlify(randomBytes(32));
  const { nonce, signatures } = await a.quorum.sign('Mint', { token: a.suite.token, to, amount, fabricTxId }, signers);
  return { to, amount, nonce, fabricTxId, signatures };
}

/** Submits a signed mint; a fixed gas limit lets a reverting mint be mined (no gas estimation). */
function submitMint(a: AssetFixture, m: Awaited<ReturnType<typeof signedMint>>, overrides: { gasLimit?: bigint } = {}) {
  return a.gateway.mint(a.suite.token, m.to, m.amount, m.nonce, m.fabricTxId, m.signatures, overrides);
}


async function reconfigure(a: AssetFixture, delayThreshold: bigint) {
  const { nonce, signatures } = await a.quorum.sign('ConfigureAsset', { token: a.suite.token, remediationModule: a.suite.modules.remediation, delayThreshold });
  await mined('configureAsset', a.gateway.configureAsset(a.suite.token, a.suite.modules.remediation, delayThreshold, nonce, signatures));
}

async function setRateLimit(a: AssetFixture, direction: number, capacity: bigint, refillPerSecond: bigint) {
  const { nonce, signatures } = await a.quorum.sign('SetRateLimit', { token: a.suite.token, direction, capacity, refillPerSecond });
  await mined('setRateLimit', a.gateway.setRateLimit(a.suite.token, direction, capacity, refillPerSecond, nonce, signatures));
}

async function setNextTimestamp(provider: JsonRpcProvider, timestamp: number) {
  await provider.send('evm_setNextBlockTimestamp', [timestamp]);
}

test.serial('a quorum-signed mint credits the holder and emits the Fabric nonce and tx id', async (t) => {
  const { a, holder } = await withHolder();
  const m = await signedMint(a, holder.address, UNITS(5n));
  const receipt = await mined('mint', submitMint(a, m));
  t.is(await a.token.balanceOf(holder.address), UNITS(5n));
  const event = receipt.logs.map((log) => a.gateway.interface.parseLog(log)).find((parsed) => parsed?.name === 'Minted');
  t.deepEqual([event?.args.nonce, event?.args.fabricTxId], [m.nonce, m.fabricTxId]);
  t.true(await a.gateway.isNonceUsed(id('Mint(address token,address to,uint256 amount,uint256 nonce,bytes32 fabricTxId)'), m.nonce));
});

test.serial('a mint below the threshold, replayed, for an unknown asset or of zero changes no balance', async (t) => {
  const { a, holder } = await withHolder();
  await expectRevert(t, submitMint(a, await signedMint(a, holder.address, UNITS(1n), 1)), a.gateway, 'QuorumNotMet');

  const m = await signedMint(a, holder.address, UNITS(1n));
  await mined('mint', submitMint(a, m));
  await expectRevert(t, submitMint(a, m), a.gateway, 'NonceAlreadyUsed');

  const zero = await signedMint(a, holder.address, 0n);
  await expectRevert(t, submitMint(a, zero), a.gateway, 'AmountZero');

  const stranger = hexlify(randomBytes(20));
  const { nonce, signatures } = await a.quorum.sign('Mint', { token: stranger, to: holder.address, amount: 1n, fabricTxId: m.fabricTxId });
  await expectRevert(t, a.gateway.mint(stranger, holder.address, 1n, nonce, m.fabricTxId, signatures), a.gateway, 'AssetNotConfigured');
  t.is(await a.token.balanceOf(holder.address), UNITS(1n));
});

test.serial('the inbound bucket refills at its rate and caps at capacity, exactly at the boundaries', async (t) => {
  const { a, holder } = await withHolder();
  await setRateLimit(a, Inbound, 1000n, 10n);
  const start = await latestTimestamp(a.provider);

  // A full bucket lets exactly its capacity through and is empty afterwards.
  await setNextTimestamp(a.provider, start + 1);
  await mined('mint capacity', submitMint(a, await signedMint(a, holder.address, 1000n)));
  // Five seconds at 10 per second: 50 units are back, so 50 passes...
  await setNextTimestamp(a.provider, start + 6);
  await mined('mint 50', submitMint(a, await signedMint(a, holder.address, 50n)));
  // ...and five seconds later 51 does not. A fixed gas limit skips estimation, so the reverting
  // transaction is mined at exactly start + 11 and the node returns its revert data.
  await setNextTimestamp(a.provider, start + 11);
  const refused = submitMint(a, await signedMint(a, holder.address, 51n), { gasLimit: 500_000n });
  const [, , requested51, available50] = await expectRevert(t, refused, a.gateway, 'RateLimited');
  t.deepEqual([requested51, available50], [51n, 50n]);
  // ...while one second after that 60 units are available and pass.
  await setNextTimestamp(a.provider, start + 12);
  await mined('mint 60', submitMint(a, await signedMint(a, holder.address, 60n)));
  t.is(await a.token.balanceOf(holder.address), 1110n);

  // After a long idle period the bucket holds its capacity, not more.
  await advanceTime(a.provider, 10_000);
  const [, , requested, available] = await expectRevert(t, submitMint(a, await signedMint(a, holder.address, 1001n)), a.gateway, 'RateLimited');
  t.deepEqual([requested, available], [1001n, 1000n]);
  await mined('mint capacity again', submitMint(a, await signedMint(a, holder.address, 1000n)));
  t.is(await a.token.balanceOf(holder.address), 2110n);
});

test.serial('a mint above the delay threshold waits out the window, then anyone executes it once', async (t) => {
  const { a, holder } = await withHolder();
  await reconfigure(a, UNITS(500n));
  const m = await signedMint(a, holder.address, UNITS(600n));
  const receipt = await mined('delayed mint', submitMint(a, m));
  const queued = receipt.logs.map((log) => a.gateway.interface.parseLog(log)).find((parsed) => parsed?.name === 'MintDelayed');
  const mintId = queued?.args.mintId as string;
  t.is(await a.token.balanceOf(holder.address), 0n);

  await expectRevert(t, a.gateway.executeDelayedMint(mintId), a.gateway, 'DelayedMintNotReady');
  await advanceTime(a.provider, 3600);
  const anyone = (await fundedWallet(a.provider)) as Wallet;
  await mined('execute', (a.gateway.connect(anyone) as DeployedContract).executeDelayedMint(mintId));
  t.is(await a.token.balanceOf(holder.address), UNITS(600n));
  await expectRevert(t, a.gateway.executeDelayedMint(mintId), a.gateway, 'DelayedMintAlreadyDone');
  await expectRevert(t, a.gateway.executeDelayedMint(hexlify(randomBytes(32))), a.gateway, 'DelayedMintUnknown');
});

test.serial('a quorum cancels a delayed mint (clawback), which then never executes and returns its rate budget', async (t) => {
  const { a, holder } = await withHolder();
  await reconfigure(a, 500n);
  await setRateLimit(a, Inbound, 10_000n, 0n);
  const receipt = await mined('delayed mint', submitMint(a, await signedMint(a, holder.address, 700n)));
  const mintId = receipt.logs.map((log) => a.gateway.interface.parseLog(log)).find((parsed) => parsed?.name === 'MintDelayed')?.args.mintId as string;
  t.is((await a.gateway.rateLimit(a.suite.token, Inbound)).available, 9_300n);

  const lone = await a.quorum.sign('CancelDelayedMint', { mintId }, 1);
  await expectRevert(t, a.gateway.cancelDelayedMint(mintId, lone.nonce, lone.signatures), a.gateway, 'QuorumNotMet');
  const quorum = await a.quorum.sign('CancelDelayedMint', { mintId });
  await mined('cancel', a.gateway.cancelDelayedMint(mintId, quorum.nonce, quorum.signatures));

  t.is((await a.gateway.rateLimit(a.suite.token, Inbound)).available, 10_000n);
  await advanceTime(a.provider, 3600);
  await expectRevert(t, a.gateway.executeDelayedMint(mintId), a.gateway, 'DelayedMintAlreadyDone');
  t.is(await a.token.balanceOf(holder.address), 0n);
});

test.serial('burnForRedeem burns the caller\'s units and numbers each burn for the validators', async (t) => {
  const { a, holder } = await withHolder();
  await mined('mint', submitMint(a, await signedMint(a, holder.address, UNITS(10n))));
  const asHolder = a.gateway.connect(holder) as DeployedContract;
  const ref = hexlify(randomBytes(32));

  const first = await mined('burn 1', asHolder.burnForRedeem(a.suite.token, UNITS(3n), ref));
  const second = await mined('burn 2', asHolder.burnForRedeem(a.suite.token, UNITS(2n), ref));
  const nonces = [first, second].map((r) => r.logs.map((log) => a.gateway.interface.parseLog(log)).find((p) => p?.name === 'BurnedForRedeem')?.args.burnNonce);
  t.deepEqual(nonces, [1n, 2n]);
  t.is(await a.token.balanceOf(holder.address), UNITS(5n));
  t.is(await a.token.totalSupply(), UNITS(5n));
});

test.serial('burnForRedeem refuses frozen units, frozen wallets, zero and a drained outbound bucket', async (t) => {
  const { a, holder } = await withHolder();
  await mined('mint', submitMint(a, await signedMint(a, holder.address, 100n)));
  const asHolder = a.gateway.connect(holder) as DeployedContract;
  const ref = hexlify(randomBytes(32));

  // A court freeze of 60 units, applied by a temporary agent.
  await mined('add agent', a.token.addAgent(await a.deployer.getAddress()));
  await mined('freeze 60', a.token.freezePartialTokens(holder.address, 60n));
  const [, requested, free] = await expectRevert(t, asHolder.burnForRedeem(a.suite.token, 41n, ref), a.gateway, 'BurnExceedsFreeBalance');
  t.deepEqual([requested, free], [41n, 40n]);
  await mined('freeze wallet', a.token.setAddressFrozen(holder.address, true));
  await expectRevert(t, asHolder.burnForRedeem(a.suite.token, 1n, ref), a.gateway, 'WalletFrozen');
  await mined('unfreeze wallet', a.token.setAddressFrozen(holder.address, false));

  await expectRevert(t, asHolder.burnForRedeem(a.suite.token, 0n, ref), a.gateway, 'AmountZero');
  await setRateLimit(a, Outbound, 30n, 0n);
  await expectRevert(t, asHolder.burnForRedeem(a.suite.token, 31n, ref), a.gateway, 'RateLimited');
  await mined('burn 30', asHolder.burnForRedeem(a.suite.token, 30n, ref));
  t.is(await a.token.balanceOf(holder.address), 70n);
  t.is(await a.token.getFrozenTokens(holder.address), 60n);
});

test.serial('a delay threshold that does not fit the packed configuration is refused, keeping the old one', async (t) => {
  const { a } = await withHolder();
  const tooLarge = 2n ** 88n;
  const { nonce, signatures } = await a.quorum.sign('ConfigureAsset', { token: a.suite.token, remediationModule: a.suite.modules.remediation, delayThreshold: tooLarge });
  await expectRevert(t, a.gateway.configureAsset(a.suite.token, a.suite.modules.remediation, tooLarge, nonce, signatures), a.gateway, 'DelayThresholdTooLarge');
  t.is((await a.gateway.assetConfig(a.suite.token)).delayThreshold, 0n);
});
