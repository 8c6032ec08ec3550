import test from 'ava';

// Serial, like every devnet test here. The ledger is the chaincode run in process on the stubbed
// context (an in-process stub, not a Fabric network); the gateway, registry and ClaimIssuer are real
// contracts on the devnet.
import '@trestle/chaincode/src/testing/quiet-fabric-logs';
import { InvestorContract } from '@trestle/chaincode/src/investors/investor-contract';
import { tx } from '@trestle/chaincode/src/testing/ledger-cast';
import { INVESTORS } from '@trestle/chaincode/src/testing/ledger-story';
import { WALLETS } from '@trestle/chaincode/src/testing/bridge-story';
import { DESK } from '@trestle/chaincode/src/testing/transfer-story';
import { getAddress, Wallet } from 'ethers';
import { onchainIdArtifact } from '../../src/evm/artifacts';
import { CLAIM_TOPICS } from '../../src/evm/claim-topics';
import { issueClaims } from '../../src/evm/claims';
import { isClaimSigner } from '../../src/evm/deploy/identity-infra';
import { attach } from '../../src/evm/deploy/steps';
import type { DeployedContract } from '../../src/evm/deploy-contract';
import { claimsHash, GATEWAY_TYPES, gatewayDomain, typesFor } from '../../src/evm/messages';
import { signQuorum } from '../../src/evm/quorum-signer';
import { GatewayMessageRelayer } from '../../src/relayer/gateway-message-relayer';
import { GatewayMessageSigning } from '../../src/validator/gateway-message-signing';
import { identityFactoryOf, KycClaimant } from '../../src/validator/kyc-claimant';
import { LedgerMirror } from '../../src/validator/ledger-mirror';
import { validatorsOnLedger } from '../../src/validator/registration-check';
import { bridgeOutAndMint } from '../support/chaincode-ledgers';
import { identityBridge, type IdentityBridge } from '../support/identity-ledgers';

/** Units anna bridges out once her wallet is verified. */
const AMOUNT = 25_000n;

/** Banks A and B sign the open messages, checking registrations against the EVM; returns what each signed. */
async function sign(s: IdentityBridge, log: string[] = []): Promise<string[][]> {
  const registrations = { idFactory: await identityFactoryOf(s.a.gateway), validatorOfBank: validatorsOnLedger(s.bridgeContract) };
  const signed: string[][] = [];
  for (const index of [0, 1]) {
    const signing = new GatewayMessageSigning({ signer: s.signers[index]!, ledger: s.messages[index]!, registrations, log: (line) => log.push(line) });
    signed.push((await signing.signOpen()).map((message) => `${message.type} ${message.fields.wallet ?? ''}`));
  }
  return signed;
}

const relay = (s: IdentityBridge) => new GatewayMessageRelayer({ ledger: s.messages[2]!, gateway: s.gateway, sender: s.relayerAccount }).relayOpen();

test.serial("anna's wallet bound on the ledger becomes verified on the token through BankA's claim and the quorum, and leaves the registry when she is revoked", async (t) => {
  const s = await identityBridge();
  const issuer = attach(onchainIdArtifact('ClaimIssuer'), s.claimIssuer, s.a.provider);
  for (const validator of s.a.validators) t.true(await isClaimSigner(issuer, validator.address), 'each bank validator is a CLAIM key');
  t.false((await s.a.identityRegistry.isVerified(s.holder.address)) as boolean, 'bound, not yet registered');

  // BankA's key is the first of the sorted validators, registered on the ledger as BankA's.
  const claimantA = new KycClaimant({ signer: s.signers[0]!, bankMsp: 'BankAMSP', gateway: s.a.gateway, claimIssuer: s.claimIssuer });
  // A claim signed by BankB's key for BankA's investor is refused on the ledger.
  const foreign = await new KycClaimant({ signer: s.signers[1]!, bankMsp: 'BankBMSP', gateway: s.a.gateway, claimIssuer: s.claimIssuer }).claimsFor(s.holder.address);
  await t.throwsAsync(s.messages[0]!.proposeIdentityRegistration(s.a.suite.token, s.holder.address, foreign, 'Wrong key'), { message: /BRIDGE_SIGNER_MISMATCH/ });

  const drift = await new LedgerMirror(s.messages[0]!, claimantA).pass();
  t.deepEqual(drift.filter((entry) => entry.type === 'RegisterIdentity').map((entry) => [entry.wallet, entry.bank]).sort(), [
    [s.holder.address, 'BankAMSP'],
    [WALLETS.chloe.address, 'BankBMSP'],
  ].sort());
  const [proposed, ...others] = await s.messages[1]!.openMessages();
  t.is(others.length, 0, "BankA's mirror proposed only its own investor's registration");
  t.like(proposed, { type: 'RegisterIdentity', proposerMsp: 'BankAMSP', fields: { wallet: s.holder.address, country: 756 } });

  t.deepEqual(await sign(s), [[`RegisterIdentity ${s.holder.address}`], [`RegisterIdentity ${s.holder.address}`]]);
  t.deepEqual((await relay(s)).map((outcome) => `${outcome.kind} ${outcome.type}`), ['relayed RegisterIdentity']);
  t.true((await s.a.identityRegistry.isVerified(s.holder.address)) as boolean, 'verified through the ledger path');
  t.is(Number((await s.a.identityRegistry.investorCountry(s.holder.address)) as bigint), 756);
  t.deepEqual((await s.messages[0]!.mirrorDrift()).filter((entry) => entry.wallet === s.holder.address), [], 'carried: no drift for anna');

  await bridgeOutAndMint(s, 'B-1', AMOUNT);
  t.is(await s.a.token.balanceOf(s.holder.address), AMOUNT, 'a bridge-out mints to the newly verified wallet');

  await new InvestorContract().RevokeInvestor(tx(DESK.officerA, s.worldState).ctx, INVESTORS.annaA, 'Relationship ended');
  // BankC's mirror proposes the revocation: any bank may.
  await new LedgerMirror(s.messages[2]!).pass();
  // Her KYC phase goes to frozen as well (SetKycPhase), carried alongside.
  t.deepEqual((await s.messages[0]!.openMessages()).map((message) => [message.type, message.proposerMsp, message.fields.wallet]), [
    ['RevokeIdentity', 'BankCMSP', s.holder.address],
    ['SetKycPhase', 'BankCMSP', s.holder.address],
  ]);
  await sign(s);
  t.deepEqual((await relay(s)).map((outcome) => `${outcome.kind} ${outcome.type}`), ['relayed RevokeIdentity', 'relayed SetKycPhase']);
  t.false((await s.a.identityRegistry.isVerified(s.holder.address)) as boolean, 'revoked on the ledger, off the registry');
});

test.serial("a RegisterIdentity whose claim names another identity is not signed by the other banks, and the EVM would refuse it anyway", async (t) => {
  const s = await identityBridge();
  // BankB vouches for chloe, but for an identity that is not her wallet's: the ledger cannot tell.
  const wrongIdentity = Wallet.createRandom().address;
  const signerB = s.signers[1]!;
  const [claim] = await issueClaims({ signMessage: (message: Uint8Array) => signerB.signMessage(message) } as never, s.claimIssuer, wrongIdentity, [CLAIM_TOPICS.KYC]);
  const claims = { identity: wrongIdentity, claims: [{ topic: '1', issuer: claim!.issuer, signature: claim!.signature, data: claim!.data }] };
  await s.messages[1]!.proposeIdentityRegistration(s.a.suite.token, WALLETS.chloe.address, claims, 'Mirror chloe');
  const log: string[] = [];
  const signed = await sign(s, log);
  t.deepEqual(signed, [[], []], 'neither BankA nor BankB (checking its own proposal against the EVM) signs it');
  t.regex(log.join('\n'), /the claims are for .* and the wallet's identity is/);
  t.deepEqual((await relay(s)).map((outcome) => outcome.kind), ['quorum-not-met']);

  // Signed with two validator keys directly, the gateway still refuses: the identity rejects a claim not made for it.
  const [open] = await s.messages[0]!.openMessages();
  const fields = open!.fields;
  const input = (fields.claims ?? []).map((entry) => ({ topic: BigInt(entry.topic), issuer: entry.issuer, signature: entry.signature, data: entry.data }));
  t.is(claimsHash(input), fields.claimsHash ?? '');
  const value = { token: fields.token, wallet: fields.wallet, investorRef: fields.investorRef, country: fields.country, claimsHash: fields.claimsHash, nonce: BigInt(open!.nonce) };
  const signatures = await signQuorum(s.a.validators.slice(0, 2), gatewayDomain(s.a.chainId, s.gateway), typesFor(GATEWAY_TYPES, 'RegisterIdentity'), value);
  const gateway = s.a.gateway.connect(s.relayerAccount) as DeployedContract;
  await t.throwsAsync(gateway.registerIdentity(fields.token, fields.wallet, fields.investorRef, fields.country, input, BigInt(open!.nonce), signatures), { message: /invalid claim/ });
  t.false((await s.a.identityRegistry.isVerified(getAddress(WALLETS.chloe.address))) as boolean);

  // BankB proposes again with a claim for her real identity: it replaces the stuck one (still PROPOSED), and is carried.
  const claimantB = new KycClaimant({ signer: signerB, bankMsp: 'BankBMSP', gateway: s.a.gateway, claimIssuer: s.claimIssuer });
  await s.messages[1]!.proposeIdentityRegistration(s.a.suite.token, WALLETS.chloe.address, await claimantB.claimsFor(WALLETS.chloe.address), 'Mirror chloe, her real identity');
  t.deepEqual(await sign(s), [[`RegisterIdentity ${WALLETS.chloe.address}`], [`RegisterIdentity ${WALLETS.chloe.address}`]]);
  t.deepEqual((await relay(s)).map((outcome) => `${outcome.kind} ${outcome.type}`), ['relayed RegisterIdentity']);
  t.true((await s.a.identityRegistry.isVerified(WALLETS.chloe.address)) as boolean);
});
