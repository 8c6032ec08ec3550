import test from 'ava';

// Serial, like every devnet test here.
import { Wallet } from 'ethers';
import { onchainIdArtifact, trexArtifact } from '../src/evm/artifacts';
import type { DeployedContract } from '../src/evm/deploy-contract';
import { isManager } from '../src/evm/deploy/identity-infra';
import { deployQuorumOwner, handOwnerPowers } from '../src/evm/deploy/owner-powers';
import { attach } from '../src/evm/deploy/steps';
import { signOwnerCall, type OwnerCall } from '../src/evm/quorum-owner-call';
import { latestTimestamp } from '../src/evm/provider';
import { byAddress } from '../src/evm/quorum-signer';
import { expectRevert } from './support/errors';
import { marketFixture, type MarketFixture } from './support/fixtures';

// After deployment no single key holds an owner power: the QuorumOwner holds them all and acts only
// on the validators' super threshold (3 of 3 here), read from the gateway's current set.

type Governed = MarketFixture & { quorumOwner: DeployedContract; nonce: () => bigint };

async function governed(): Promise<Governed> {
  const m = await marketFixture();
  const quorumOwner = await deployQuorumOwner(m.deployer, await m.gateway.getAddress());
  await handOwnerPowers(m.deployer, await quorumOwner.getAddress(), { infra: m.infra, suites: [m.suite], morpho: await m.morpho.getAddress() });
  let next = 0n;
  return { ...m, quorumOwner, nonce: () => (next += 1n) };
}

/** An owner call runnable for a day from the devnet's clock. */
async function ownerCall(g: Governed, target: DeployedContract, method: string, args: readonly unknown[], nonce = g.nonce()): Promise<OwnerCall> {
  const validUntil = BigInt(await latestTimestamp(g.provider)) + 86_400n;
  return { target: await target.getAddress(), data: target.interface.encodeFunctionData(method, args), nonce, validUntil };
}

async function execute(g: Governed, call: OwnerCall, signers: readonly Wallet[] = g.validators): Promise<unknown> {
  const signatures = await signOwnerCall(signers, g.chainId, await g.quorumOwner.getAddress(), call);
  return (await g.quorumOwner.execute(call.target, call.data, call.nonce, call.validUntil, signatures)).wait();
}

test.serial('every owner power moves to the QuorumOwner and the deployer key can no longer use any', async (t) => {
  const g = await governed();
  const owner = await g.quorumOwner.getAddress();
  const deployer = await g.deployer.getAddress();
  const registries = [
    ['IdentityRegistry', g.suite.identityRegistry],
    ['IdentityRegistryStorage', g.suite.identityRegistryStorage],
    ['TrustedIssuersRegistry', g.suite.trustedIssuersRegistry],
    ['ClaimTopicsRegistry', g.suite.claimTopicsRegistry],
  ] as const;
  for (const [name, address] of registries) t.is(await attach(trexArtifact('registry/implementation', name), address, g.provider).owner(), owner, name);
  t.is(await g.token.owner(), owner);
  t.is(await attach(onchainIdArtifact('ImplementationAuthority'), g.infra.implementationAuthority, g.provider).owner(), owner);
  t.is(await g.morpho.owner(), owner);
  const issuer = attach(onchainIdArtifact('ClaimIssuer'), g.infra.claimIssuer, g.deployer);
  t.true(await isManager(issuer, owner));
  t.false(await isManager(issuer, deployer));

  // What one key could do before: make itself agent and mint, trust its own issuer, manage claim keys, set Morpho's fee.
  await t.throwsAsync(g.token.addAgent.staticCall(deployer), { message: /not the owner/ });
  const trusted = attach(trexArtifact('registry/implementation', 'TrustedIssuersRegistry'), g.suite.trustedIssuersRegistry, g.deployer);
  await t.throwsAsync(trusted.addTrustedIssuer.staticCall(Wallet.createRandom().address, [1n]), { message: /not the owner/ });
  await t.throwsAsync(issuer.addKey.staticCall(Wallet.createRandom().address.padEnd(66, '0'), 3n, 1n), { message: /management key/ });
  await t.throwsAsync(g.morpho.setFee.staticCall(g.params, 10n ** 16n), { message: /not owner/ });
  t.false(await g.token.isAgent(deployer));
});

test.serial('the QuorumOwner calls as owner on the super threshold: enough, too few, replayed, altered, failing and codeless calls', async (t) => {
  const g = await governed();
  const renamed = await ownerCall(g, g.token, 'setName', ['Trestle Test Fund II']);
  await execute(g, renamed);
  t.is(await g.token.name(), 'Trestle Test Fund II');
  t.true(await g.quorumOwner.isNonceUsed(renamed.nonce));

  await expectRevert(t, execute(g, renamed), g.quorumOwner, 'QuorumOwnerNonceUsed');
  const lltv = await ownerCall(g, g.morpho, 'enableLltv', [500_000_000_000_000_000n]);
  const [required, provided] = [3n, 2n];
  const tooFew = await expectRevert(t, execute(g, lltv, g.validators.slice(0, 2)), g.quorumOwner, 'QuorumNotMet');
  t.deepEqual([tooFew[0], tooFew[1]], [provided, required], 'unpause-grade powers need every validator here, not the mint threshold');
  t.false(await g.morpho.isLltvEnabled(500_000_000_000_000_000n));

  // Signatures over one call do not carry another: here the calldata differs.
  const signed = await signOwnerCall(g.validators, g.chainId, await g.quorumOwner.getAddress(), lltv);
  const other = await ownerCall(g, g.morpho, 'enableLltv', [600_000_000_000_000_000n], lltv.nonce);
  await expectRevert(t, g.quorumOwner.execute(other.target, other.data, other.nonce, other.validUntil, signed), g.quorumOwner, 'QuorumSignerUnknown');
  // Nor a later deadline than the one signed.
  await expectRevert(t, g.quorumOwner.execute(lltv.target, lltv.data, lltv.nonce, lltv.validUntil + 1n, signed), g.quorumOwner, 'QuorumSignerUnknown');
  await execute(g, lltv);
  t.true(await g.morpho.isLltvEnabled(500_000_000_000_000_000n));

  // Morpho refuses an LLTV above 100%: the whole call reverts and its nonce stays free.
  const refused = await ownerCall(g, g.morpho, 'enableLltv', [2n * 10n ** 18n]);
  await expectRevert(t, execute(g, refused), g.quorumOwner, 'QuorumOwnerCallFailed');
  t.false(await g.quorumOwner.isNonceUsed(refused.nonce));
  const codeless = { ...(await ownerCall(g, g.token, 'name', [])), target: Wallet.createRandom().address };
  await expectRevert(t, execute(g, codeless), g.quorumOwner, 'QuorumOwnerTargetNotContract');
});

test.serial('a signed owner call runs only until its deadline', async (t) => {
  const g = await governed();
  const call = await ownerCall(g, g.token, 'setName', ['Too late']);
  const signatures = await signOwnerCall(g.validators, g.chainId, await g.quorumOwner.getAddress(), call);
  await g.provider.send('evm_setNextBlockTimestamp', [Number(call.validUntil) + 1]);
  const [validUntil] = await expectRevert(t, g.quorumOwner.execute(call.target, call.data, call.nonce, call.validUntil, signatures), g.quorumOwner, 'QuorumOwnerCallExpired');
  t.is(validUntil, call.validUntil);
  t.is(await g.token.name(), 'Trestle Test Fund');
  t.false(await g.quorumOwner.isNonceUsed(call.nonce));
});

test.serial('a validator rotation on the gateway applies to the QuorumOwner at once', async (t) => {
  const g = await governed();
  const next = byAddress([0, 1, 2].map(() => new Wallet(Wallet.createRandom().privateKey)));
  const validators = next.map((wallet) => wallet.address);
  await g.quorum.send('SetValidators', { validators, threshold: 2n, superThreshold: 3n }, (n, s) => g.gateway.setValidators(validators, 2n, 3n, n, s));

  const renamed = await ownerCall(g, g.token, 'setName', ['Rotated']);
  await expectRevert(t, execute(g, renamed, g.validators), g.quorumOwner, 'QuorumSignerUnknown');
  await execute(g, renamed, next);
  t.is(await g.token.name(), 'Rotated');
});
