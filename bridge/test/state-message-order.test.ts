import test from 'ava';
import { getAddress, hexlify, randomBytes } from 'ethers';
import { ourArtifact } from '../src/evm/artifacts';
import { CLAIM_TOPICS } from '../src/evm/claim-topics';
import { identityAddressFor, issueClaims } from '../src/evm/claims';
import { claimsHash } from '../src/evm/messages';
import { attach } from '../src/evm/deploy/steps';
import { typeHashOf } from '../src/evm/deploy/gateway-quorum';
import { messageSubject } from '../src/evm/message-subject';
import { expectRevert } from './support/errors';
import { assetFixture, COUNTRY, KYC_PHASE, LEGAL_STATE, type AssetFixture } from './support/fixtures';

// State-setting messages (legal state, KYC phase, a wallet's registration, the pause flag) apply in
// nonce order per subject: two relayers racing, or a bundle kept back, cannot put an older state
// back after a newer one.

test('an older legal state relayed after a newer one is refused and the newer state stays', async (t) => {
  const a = await assetFixture();
  const token = a.suite.token;
  const module = attach(ourArtifact('RemediationModule'), a.suite.modules.remediation, a.provider);
  // Signed in this order on the ledger: remediation starts, then the asset is cured.
  const start = await a.quorum.sign('SetLegalState', { token, state: LEGAL_STATE.Remediation });
  const cure = await a.quorum.sign('SetLegalState', { token, state: LEGAL_STATE.Normal });
  t.true(cure.nonce > start.nonce);

  // The cure lands first; the start, carried late, must not put the asset back into remediation.
  await (await a.gateway.setLegalState(token, LEGAL_STATE.Normal, cure.nonce, cure.signatures)).wait();
  const [, nonce, latest] = await expectRevert(t, a.gateway.setLegalState(token, LEGAL_STATE.Remediation, start.nonce, start.signatures), a.gateway, 'MessageNonceStale');
  t.deepEqual([nonce, latest], [start.nonce, cure.nonce]);
  t.false(await module.inRemediation(a.suite.compliance));
  t.is(await a.gateway.latestNonce(typeHashOf('SetLegalState'), messageSubject('SetLegalState', { token })), cure.nonce);
  t.false(await a.gateway.isNonceUsed(typeHashOf('SetLegalState'), start.nonce), 'the refused message spent nothing');
});

test('KYC phases are ordered per wallet: an older phase of one wallet is refused, another wallet\'s older nonce still applies', async (t) => {
  const a = await assetFixture();
  const token = a.suite.token;
  const module = attach(ourArtifact('RemediationModule'), a.suite.modules.remediation, a.provider);
  const [anna, ben] = ['0x00000000000000000000000000000000000000a1', '0x00000000000000000000000000000000000000b2'];
  const annaRepayOnly = await a.quorum.sign('SetKycPhase', { token, wallet: anna, phase: KYC_PHASE.RepayOnly });
  const benFrozen = await a.quorum.sign('SetKycPhase', { token, wallet: ben, phase: KYC_PHASE.Frozen });
  const annaRenewed = await a.quorum.sign('SetKycPhase', { token, wallet: anna, phase: KYC_PHASE.Current });

  await (await a.gateway.setKycPhase(token, anna, KYC_PHASE.Current, annaRenewed.nonce, annaRenewed.signatures)).wait();
  await expectRevert(t, a.gateway.setKycPhase(token, anna, KYC_PHASE.RepayOnly, annaRepayOnly.nonce, annaRepayOnly.signatures), a.gateway, 'MessageNonceStale');
  t.is(await module.kycPhase(a.suite.compliance, anna), BigInt(KYC_PHASE.Current), 'the renewal stands');

  // ben's message is older than anna's renewal, but it is about ben.
  await (await a.gateway.setKycPhase(token, ben, KYC_PHASE.Frozen, benFrozen.nonce, benFrozen.signatures)).wait();
  t.is(await module.kycPhase(a.suite.compliance, ben), BigInt(KYC_PHASE.Frozen));
});

/** A RegisterIdentity for `wallet` with the consortium's KYC claim, signed by the quorum but not sent. */
async function signedRegistration(a: AssetFixture, wallet: string) {
  const token = a.suite.token;
  const claims = await issueClaims(a.claimSigner, a.infra.claimIssuer, await identityAddressFor(a.idFactory, wallet), [CLAIM_TOPICS.KYC]);
  const fields = { token, wallet, investorRef: hexlify(randomBytes(32)), country: COUNTRY.SWITZERLAND };
  const signed = await a.quorum.sign('RegisterIdentity', { ...fields, claimsHash: claimsHash(claims) });
  return { send: () => a.gateway.registerIdentity(token, wallet, fields.investorRef, fields.country, claims, signed.nonce, signed.signatures), nonce: signed.nonce };
}

test('a registration signed before a revocation and relayed after it is refused: the revoked wallet stays unverified', async (t) => {
  const a = await assetFixture();
  const token = a.suite.token;
  const wallet = getAddress(hexlify(randomBytes(20)));
  const first = await signedRegistration(a, wallet);
  await (await first.send()).wait();
  // A refreshed registration collects its signatures but is kept back; then a sanctions hit is revoked.
  const refreshed = await signedRegistration(a, wallet);
  const revocation = await a.quorum.sign('RevokeIdentity', { token, wallet });
  t.true(revocation.nonce > refreshed.nonce, 'one counter for both types');
  await (await a.gateway.revokeIdentity(token, wallet, revocation.nonce, revocation.signatures)).wait();
  t.false(await a.identityRegistry.isVerified(wallet));

  const [, nonce, latest] = await expectRevert(t, refreshed.send(), a.gateway, 'MessageNonceStale');
  t.deepEqual([nonce, latest], [refreshed.nonce, revocation.nonce]);
  t.false(await a.identityRegistry.contains(wallet), 'still revoked');
  t.is(await a.gateway.latestNonce(typeHashOf('RegisterIdentity'), messageSubject('RegisterIdentity', { token, wallet })), revocation.nonce, 'registration and revocation read one order');
  t.is(await a.gateway.latestNonce(typeHashOf('RevokeIdentity'), messageSubject('RevokeIdentity', { token, wallet })), revocation.nonce);

  // A registration signed after the revocation (the investor cleared) applies.
  const cleared = await signedRegistration(a, wallet);
  await (await cleared.send()).wait();
  t.true(await a.identityRegistry.isVerified(wallet));
});

test("an unpause signed before the latest pause is refused: it would lift an alarm nobody has reviewed", async (t) => {
  const a = await assetFixture();
  const superThreshold = Number(await a.gateway.superThreshold());
  const pause = async () => {
    const p = await a.quorum.sign('Pause', {});
    await (await a.gateway.pause(p.nonce, p.signatures)).wait();
  };
  await pause();
  // After the first alarm two unpauses are signed; one is carried, the other kept back.
  const keptBack = await a.quorum.sign('Unpause', {}, superThreshold);
  const carried = await a.quorum.sign('Unpause', {}, superThreshold);
  await (await a.gateway.unpause(carried.nonce, carried.signatures)).wait();
  await pause();
  t.true(await a.gateway.paused());

  await expectRevert(t, a.gateway.unpause(keptBack.nonce, keptBack.signatures), a.gateway, 'MessageNonceStale');
  t.true(await a.gateway.paused(), 'the second alarm stands');
  const reviewed = await a.quorum.sign('Unpause', {}, superThreshold);
  await (await a.gateway.unpause(reviewed.nonce, reviewed.signatures)).wait();
  t.false(await a.gateway.paused());
});
