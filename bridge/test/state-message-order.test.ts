import test from 'ava';
import { ourArtifact } from '../src/evm/artifacts';
import { attach } from '../src/evm/deploy/steps';
import { typeHashOf } from '../src/evm/deploy/gateway-quorum';
import { messageSubject } from '../src/evm/message-subject';
import { expectRevert } from './support/errors';
import { assetFixture, KYC_PHASE, LEGAL_STATE } from './support/fixtures';

// State-setting messages (legal state, KYC phase) apply in nonce order per subject: two relayers
// racing, or a bundle kept back, cannot put an older state back after a newer one.

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
