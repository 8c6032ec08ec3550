import test from 'ava';
import { Signature, Wallet, ZeroAddress, hexlify, randomBytes } from 'ethers';

/** A random validator key as a plain Wallet (createRandom gives an HD wallet type). */
const randomKey = (): Wallet => new Wallet(Wallet.createRandom().privateKey);
import { ourArtifact } from '../src/evm/artifacts';
import { deployContract, type DeployedContract } from '../src/evm/deploy-contract';
import { GATEWAY_TYPES, gatewayDomain, typesFor } from '../src/evm/messages';
import { fundedWallet } from '../src/evm/provider';
import { byAddress, signQuorum } from '../src/evm/quorum-signer';
import { devnet } from './support/devnet';
import { expectRevert } from './support/errors';
import { typeHashOf } from '../src/evm/deploy/gateway-quorum';
import { messageSubject } from '../src/evm/message-subject';

const pauseTypes = typesFor(GATEWAY_TYPES, 'Pause');
const unpauseTypes = typesFor(GATEWAY_TYPES, 'Unpause');
let nextNonce = 1n;
const nonce = () => nextNonce++;

interface Setup {
  gateway: DeployedContract;
  validators: Wallet[];
  chainId: bigint;
}

/** A gateway with three validators, threshold 2, super threshold 3. */
async function setup(): Promise<Setup> {
  const provider = await devnet();
  const deployer = await fundedWallet(provider);
  const validators = byAddress([randomKey(), randomKey(), randomKey()]);
  const gateway = await deployContract(deployer, ourArtifact('BridgeGateway'), [validators.map((v) => v.address), 2, 3, ZeroAddress, 3600]);
  const { chainId } = await provider.getNetwork();
  return { gateway, validators, chainId };
}

async function pauseSignatures(s: Setup, signers: Wallet[], n: bigint, domain = gatewayDomain(s.chainId, s.gateway.target as string)) {
  return signQuorum(signers, domain, pauseTypes, { nonce: n });
}

/** The same signature with s mirrored to the upper half of the curve order: valid for ecrecover. */
function toHighS(signature: string): string {
  const sig = Signature.from(signature);
  const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
  const highS = n - BigInt(sig.s);
  return hexlify(new Uint8Array([...Buffer.from(sig.r.slice(2), 'hex'), ...Buffer.from(highS.toString(16).padStart(64, '0'), 'hex'), sig.v === 27 ? 28 : 27]));
}

test('a pause signed by two of three validators takes effect', async (t) => {
  const s = await setup();
  const n = nonce();
  await (await s.gateway.pause(n, await pauseSignatures(s, s.validators.slice(0, 2), n))).wait();
  t.true(await s.gateway.paused());
});

test('one signature is below the threshold and changes nothing', async (t) => {
  const s = await setup();
  const n = nonce();
  await expectRevert(t, s.gateway.pause(n, await pauseSignatures(s, s.validators.slice(0, 1), n)), s.gateway, 'QuorumNotMet');
  t.false(await s.gateway.paused());
});

test('the same validator signing twice is refused as a duplicate', async (t) => {
  const s = await setup();
  const n = nonce();
  const [one] = await pauseSignatures(s, s.validators.slice(0, 1), n);
  await expectRevert(t, s.gateway.pause(n, [one, one]), s.gateway, 'QuorumSignersNotAscending');
});

test('signatures out of ascending signer order are refused', async (t) => {
  const s = await setup();
  const n = nonce();
  const sigs = await pauseSignatures(s, s.validators.slice(0, 2), n);
  await expectRevert(t, s.gateway.pause(n, [...sigs].reverse()), s.gateway, 'QuorumSignersNotAscending');
});

test('a signature from a key that is not a validator is refused', async (t) => {
  const s = await setup();
  const n = nonce();
  const outsider = randomKey();
  const sigs = await pauseSignatures(s, [s.validators[0] as Wallet, outsider], n);
  await expectRevert(t, s.gateway.pause(n, sigs), s.gateway, 'QuorumSignerUnknown');
});

test('a malleable high-s signature is refused even though it recovers to a validator', async (t) => {
  const s = await setup();
  const n = nonce();
  const sigs = await pauseSignatures(s, s.validators.slice(0, 2), n);
  await expectRevert(t, s.gateway.pause(n, [toHighS(sigs[0] as string), sigs[1]]), s.gateway, 'QuorumSignatureMalleable');
});

test('a signature of the wrong length is refused', async (t) => {
  const s = await setup();
  const n = nonce();
  const sigs = await pauseSignatures(s, s.validators.slice(0, 2), n);
  await expectRevert(t, s.gateway.pause(n, [hexlify(randomBytes(64)), sigs[1]]), s.gateway, 'QuorumSignatureInvalid');
});

test('a replayed nonce is refused', async (t) => {
  const s = await setup();
  const n = nonce();
  await (await s.gateway.pause(n, await pauseSignatures(s, s.validators.slice(0, 2), n))).wait();
  const un = nonce();
  await (await s.gateway.unpause(un, await signQuorum(s.validators, gatewayDomain(s.chainId, s.gateway.target as string), unpauseTypes, { nonce: un }))).wait();
  await expectRevert(t, s.gateway.pause(n, await pauseSignatures(s, s.validators.slice(0, 2), n)), s.gateway, 'NonceAlreadyUsed');
  t.false(await s.gateway.paused());
});

test('signatures for another chain id do not verify', async (t) => {
  const s = await setup();
  const n = nonce();
  const sigs = await pauseSignatures(s, s.validators.slice(0, 2), n, gatewayDomain(1n, s.gateway.target as string));
  await expectRevert(t, s.gateway.pause(n, sigs), s.gateway, 'QuorumSignerUnknown');
});

test('signatures for another verifying contract do not verify', async (t) => {
  const s = await setup();
  const other = await setup();
  const n = nonce();
  const sigs = await pauseSignatures(s, s.validators.slice(0, 2), n, gatewayDomain(s.chainId, other.gateway.target as string));
  await expectRevert(t, s.gateway.pause(n, sigs), s.gateway, 'QuorumSignerUnknown');
});

test('unpause needs the super threshold, not the ordinary one', async (t) => {
  const s = await setup();
  const domain = gatewayDomain(s.chainId, s.gateway.target as string);
  const p = nonce();
  await (await s.gateway.pause(p, await pauseSignatures(s, s.validators.slice(0, 2), p))).wait();
  const u = nonce();
  await expectRevert(t, s.gateway.unpause(u, await signQuorum(s.validators.slice(0, 2), domain, unpauseTypes, { nonce: u })), s.gateway, 'QuorumNotMet');
  t.true(await s.gateway.paused());
  await (await s.gateway.unpause(u, await signQuorum(s.validators, domain, unpauseTypes, { nonce: u }))).wait();
  t.false(await s.gateway.paused());
});

test('a paused gateway refuses mints and burns', async (t) => {
  const s = await setup();
  const domain = gatewayDomain(s.chainId, s.gateway.target as string);
  const p = nonce();
  await (await s.gateway.pause(p, await pauseSignatures(s, s.validators.slice(0, 2), p))).wait();
  const mint = { token: randomKey().address, to: randomKey().address, amount: 5n, nonce: nonce(), fabricTxId: hexlify(randomBytes(32)) };
  const sigs = await signQuorum(s.validators.slice(0, 2), domain, typesFor(GATEWAY_TYPES, 'Mint'), mint);
  await expectRevert(t, s.gateway.mint(mint.token, mint.to, mint.amount, mint.nonce, mint.fabricTxId, sigs), s.gateway, 'GatewayPaused');
  await expectRevert(t, s.gateway.burnForRedeem(mint.token, 1n, hexlify(randomBytes(32))), s.gateway, 'GatewayPaused');
});

test('the validator set rotates only with a quorum of the current set', async (t) => {
  const s = await setup();
  const domain = gatewayDomain(s.chainId, s.gateway.target as string);
  const types = typesFor(GATEWAY_TYPES, 'SetValidators');
  const incoming = byAddress([s.validators[1] as Wallet, s.validators[2] as Wallet, randomKey()]);
  const rotation = { validators: incoming.map((v) => v.address), threshold: 2n, superThreshold: 3n, nonce: nonce() };

  const lone = await signQuorum(s.validators.slice(0, 1), domain, types, rotation);
  await expectRevert(t, s.gateway.setValidators(rotation.validators, 2, 3, rotation.nonce, lone), s.gateway, 'QuorumNotMet');
  const outsiders = await signQuorum(incoming.filter((v) => !s.validators.includes(v)).concat([randomKey()]), domain, types, rotation);
  await expectRevert(t, s.gateway.setValidators(rotation.validators, 2, 3, rotation.nonce, outsiders), s.gateway, 'QuorumSignerUnknown');

  await (await s.gateway.setValidators(rotation.validators, 2, 3, rotation.nonce, await signQuorum(s.validators.slice(0, 2), domain, types, rotation))).wait();
  t.deepEqual([...(await s.gateway.validators())], rotation.validators);
  t.false(await s.gateway.isValidator((s.validators[0] as Wallet).address));

  // The rotated-out key can no longer take part in a quorum.
  const n = nonce();
  const withOld = await pauseSignatures(s, [s.validators[0] as Wallet, s.validators[1] as Wallet], n);
  await expectRevert(t, s.gateway.pause(n, withOld), s.gateway, 'QuorumSignerUnknown');
  await (await s.gateway.pause(n, await pauseSignatures(s, incoming.slice(0, 2), n))).wait();
  t.true(await s.gateway.paused());
});

test('validator sets apply in nonce order: one signed before a later rotation cannot be relayed after it', async (t) => {
  const s = await setup();
  const domain = gatewayDomain(s.chainId, s.gateway.target as string);
  const types = typesFor(GATEWAY_TYPES, 'SetValidators');
  // The first still lists validator 0; the second, signed later, drops it. Validators 1 and 2 signed both.
  const keep = byAddress([...s.validators]).map((v) => v.address);
  const drop = byAddress([s.validators[1] as Wallet, s.validators[2] as Wallet, randomKey()]).map((v) => v.address);
  const older = { validators: keep, threshold: 2n, superThreshold: 3n, nonce: nonce() };
  const newer = { validators: drop, threshold: 2n, superThreshold: 3n, nonce: nonce() };
  const signers = [s.validators[1] as Wallet, s.validators[2] as Wallet];
  const olderSignatures = await signQuorum(signers, domain, types, older);

  await (await s.gateway.setValidators(newer.validators, 2, 3, newer.nonce, await signQuorum(signers, domain, types, newer))).wait();
  t.is(await s.gateway.latestNonce(typeHashOf('SetValidators'), messageSubject('SetValidators', {})), newer.nonce);
  const [, stale, current] = await expectRevert(t, s.gateway.setValidators(older.validators, 2, 3, older.nonce, olderSignatures), s.gateway, 'MessageNonceStale');
  t.deepEqual([stale, current], [older.nonce, newer.nonce]);
  t.deepEqual([...(await s.gateway.validators())], newer.validators, 'validator 0 stays out');
  t.false(await s.gateway.isNonceUsed(typeHashOf('SetValidators'), older.nonce), 'the refused set spent nothing');
});

test('a validator set whose threshold is not a strict majority is refused', async (t) => {
  const s = await setup();
  const domain = gatewayDomain(s.chainId, s.gateway.target as string);
  const types = typesFor(GATEWAY_TYPES, 'SetValidators');
  const rotation = { validators: s.validators.map((v) => v.address), threshold: 1n, superThreshold: 3n, nonce: nonce() };
  const sigs = await signQuorum(s.validators.slice(0, 2), domain, types, rotation);
  await expectRevert(t, s.gateway.setValidators(rotation.validators, 1, 3, rotation.nonce, sigs), s.gateway, 'ValidatorSetInvalid');
  t.is(await s.gateway.threshold(), 2n);
});
