import test from 'ava';

// Serial, like every devnet test here.
import { hexlify, randomBytes, Wallet } from 'ethers';
import { onchainIdArtifact } from '../src/evm/artifacts';
import { CLAIM_TOPICS } from '../src/evm/claim-topics';
import { identityAddressFor, issueClaims } from '../src/evm/claims';
import { addressKey } from '../src/evm/deploy/identity-infra';
import { deployQuorumOwner, handOwnerPowers } from '../src/evm/deploy/owner-powers';
import { attach } from '../src/evm/deploy/steps';
import { claimsHash } from '../src/evm/messages';
import { latestTimestamp } from '../src/evm/provider';
import { signOwnerCall } from '../src/evm/quorum-owner-call';
import { expectRevert } from './support/errors';
import { assetFixture, COUNTRY, type AssetFixture } from './support/fixtures';

// The EVM half of a bank leaving the consortium (docs/operations.md): after the ledger's membership
// change, the validator set drops the bank's key, then the remaining validators' QuorumOwner removes
// its CLAIM key from the consortium ClaimIssuer. Claims it signed stop counting at once, so the
// wallets it vouched for are no longer verified: they receive nothing until another bank vouches
// for them (ERC-3643 checks the receiver, so they may still send); the other banks' investors are untouched.

const CLAIM_PURPOSE = 3n;

/** Registers `wallet` through the gateway with a KYC claim signed by `bank` (one of the validators, each a CLAIM key). */
async function registerVouchedBy(a: AssetFixture, bank: Wallet, wallet: string): Promise<void> {
  const identity = await identityAddressFor(a.idFactory, wallet);
  const claims = await issueClaims(bank, a.infra.claimIssuer, identity, [CLAIM_TOPICS.KYC]);
  const investorRef = hexlify(randomBytes(32));
  const token = a.suite.token;
  await a.quorum.send('RegisterIdentity', { token, wallet, investorRef, country: COUNTRY.SWITZERLAND, claimsHash: claimsHash(claims) }, (n, s) => a.gateway.registerIdentity(token, wallet, investorRef, COUNTRY.SWITZERLAND, claims, n, s));
}

test.serial("a bank leaves: its validator key leaves the gateway's set, its CLAIM key leaves the ClaimIssuer, and only the wallets it vouched for stop being verified", async (t) => {
  const a = await assetFixture();
  const [stayingA, stayingB, leaving] = a.validators as [Wallet, Wallet, Wallet];
  const quorumOwner = await deployQuorumOwner(a.deployer, await a.gateway.getAddress());
  await handOwnerPowers(a.deployer, await quorumOwner.getAddress(), { infra: a.infra, suites: [a.suite] });
  const [ofStaying, ofLeaving] = [Wallet.createRandom().address, Wallet.createRandom().address];
  await registerVouchedBy(a, stayingA, ofStaying);
  await registerVouchedBy(a, leaving, ofLeaving);
  const verified = async (wallet: string) => (await a.identityRegistry.isVerified(wallet)) as boolean;
  t.true((await verified(ofStaying)) && (await verified(ofLeaving)));

  // 1. The gateway's set without the leaving bank (what the ledger's SetValidators carries), signed by the two staying banks.
  const staying = [stayingA.address, stayingB.address];
  await a.quorum.send('SetValidators', { validators: staying, threshold: 2n, superThreshold: 2n }, (n, s) => a.gateway.setValidators(staying, 2n, 2n, n, s));

  // 2. The staying banks' owner call: ClaimIssuer.removeKey(the leaving validator, CLAIM). The leaving key no longer counts for it.
  const issuer = attach(onchainIdArtifact('ClaimIssuer'), a.infra.claimIssuer, a.provider);
  const call = { target: a.infra.claimIssuer, data: issuer.interface.encodeFunctionData('removeKey', [addressKey(leaving.address), CLAIM_PURPOSE]), nonce: 1n, validUntil: BigInt(await latestTimestamp(a.provider)) + 3_600n };
  const owner = await quorumOwner.getAddress();
  await expectRevert(t, quorumOwner.execute(call.target, call.data, call.nonce, call.validUntil, await signOwnerCall([stayingA, leaving], a.chainId, owner, call)), quorumOwner, 'QuorumSignerUnknown');
  await (await quorumOwner.execute(call.target, call.data, call.nonce, call.validUntil, await signOwnerCall([stayingA, stayingB], a.chainId, owner, call))).wait();
  t.false(await issuer.keyHasPurpose(addressKey(leaving.address), CLAIM_PURPOSE));

  t.true(await verified(ofStaying), "the staying bank's investor stays verified");
  t.false(await verified(ofLeaving), "a claim signed by a key the ClaimIssuer no longer holds is not valid: the leaving bank's investor is not verified until another bank vouches");
});
